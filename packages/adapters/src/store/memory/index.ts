export { createInMemoryEventStore, type InMemoryEventStore, type InMemoryEventStoreOptions } from './store';
export type { RawRecord } from './records';
