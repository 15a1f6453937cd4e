export { createEventStoreDbStore, type EventStoreDbStoreOptions } from './store';
export type {
  AllPosition,
  AppendOptionsLike,
  AppendResultLike,
  EventDataLike,
  EventFilterLike,
  EventStoreDbClientLike,
  FromPositionLike,
  JsonPayload,
  ReadingLike,
  RecordedEventLike,
  ResolvedEventLike,
  StreamStateLike,
  SubscriptionLike,
} from './client';
