import * as t from 'io-ts';
import * as E from 'fp-ts/Either';
import { decode, decodeError, DecodeError } from '../codec/decode';
import { Instant } from '../codec/primitives';
import { accountEventData } from './account';
import { deliveryEventData, isDeliveryEventType } from './delivery';
import { meetingEventData } from './meeting';
import { userEventData } from './user';
import { upcast } from './upcast';

/** Every event data codec of the catalogue, by event type. */
export const eventData = { ...meetingEventData, ...userEventData, ...accountEventData, ...deliveryEventData } as const;

type Codecs = typeof eventData;
/** The name of an event in the catalogue. */
export type EventType = keyof Codecs;
/** The data of the event called `K`. */
export type EventData<K extends EventType> = t.TypeOf<Codecs[K]>;

/** A fact: its type, when it happened (UTC instant) and its data. */
export type DomainEvent = { [K in EventType]: { readonly type: K; readonly occurredAt: string; readonly data: EventData<K> } }[EventType];
/** The events of one type. */
export type EventOf<K extends EventType> = Extract<DomainEvent, { type: K }>;

/** An event of a `meeting-<meetingId>` stream. */
export type MeetingEvent = Extract<DomainEvent, { type: keyof typeof meetingEventData }>;
/** An event of a `user-<userId>` stream (My Account). */
export type UserEvent = Extract<DomainEvent, { type: keyof typeof userEventData }>;
/** An event of an `account-<accountId>` stream (branding and the Email Editor). */
export type AccountEvent = Extract<DomainEvent, { type: keyof typeof accountEventData }>;
/** What the live dispatcher records about one email (stream `emails-<meetingId>@<dueAt>`); not facts a replay plans from. */
export type DeliveryEvent = Extract<DomainEvent, { type: keyof typeof deliveryEventData }>;

/** True for a delivery event: the dispatcher's record of an email, not a fact about a meeting, user or account. */
export function isDeliveryEvent(event: DomainEvent): event is DeliveryEvent {
  return isDeliveryEventType(event.type);
}

/** Every event type, in catalogue order. */
export const eventTypes = Object.keys(eventData) as EventType[];

/** True when `type` names an event of the catalogue. */
export function isEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(eventData, type);
}

/** The schema version new events are written with. */
export const currentSchemaVersion = 2;

const Envelope = t.intersection([
  t.type({ type: t.string, occurredAt: Instant, data: t.UnknownRecord }),
  t.partial({ schemaVersion: t.number }),
]);

/**
 * Decodes a raw `{ type, occurredAt, data, schemaVersion? }` record into a typed event,
 * upcasting older schema versions first. Problems name paths such as `data.guests.0.email`.
 */
export function decodeEvent(raw: unknown): E.Either<DecodeError, DomainEvent> {
  const envelope = decode(Envelope, raw);
  if (E.isLeft(envelope)) return envelope;
  const { type, occurredAt, schemaVersion } = envelope.right;
  if (!isEventType(type)) {
    return E.left(decodeError([{ path: 'type', message: `unknown event type ${JSON.stringify(type)}` }]));
  }
  const data = upcast(type, schemaVersion ?? currentSchemaVersion, envelope.right.data);
  const codec = eventData[type] as t.Type<unknown, unknown, unknown>;
  return E.map((d: unknown) => ({ type, occurredAt, data: d }) as DomainEvent)(decode(codec, data, 'data'));
}

/** Encodes an event as the plain record stores and history files hold. */
export function encodeEvent(event: DomainEvent): { type: EventType; occurredAt: string; data: Record<string, unknown>; schemaVersion: number } {
  const codec = eventData[event.type] as t.Type<unknown, unknown, unknown>;
  return { type: event.type, occurredAt: event.occurredAt, data: codec.encode(event.data) as Record<string, unknown>, schemaVersion: currentSchemaVersion };
}
