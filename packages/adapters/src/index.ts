/**
 * The ports' implementations: the in-memory event store and mailer, the command service, the live dispatcher and its clocks, and privacy (per-person encryption, export, erasure).
 *
 * PostgreSQL, EventStoreDB, SMTP and the .eml folder have entry points of their own
 * (`@rendezvous/adapters/postgres`, `/eventstoredb`, `/smtp`, `/eml`), so a program loads only the drivers it uses.
 *
 * @module @rendezvous/adapters
 */
export type {
  ExpectedVersion, StoredEvent, AppendResult, ReadStreamOptions, ReadAllOptions, Subscription,
  SubscriptionHandler, EventStore,
} from './store/port';
export { VersionConflictError, CorruptEventError } from './store/errors';
export { type SerializedEvent, type EventSerializer, jsonSerializer } from './store/serializer';
export {
  isMailDeliveryError, asMailDeliveryError, type SendReceipt, type Mailer, type MailFailureKind,
  type MailFailureReason, type MailDeliveryDetails, MailDeliveryError,
} from './mail/port';
export { messageIdFor } from './mail/message-id';
export {
  createInMemoryMailer, type SentEmail, type InMemoryMailerOptions, type InMemoryMailer,
} from './mail/memory/in-memory-mailer';
export {
  createInMemoryEventStore, type InMemoryEventStore, type InMemoryEventStoreOptions,
  type RawRecord,
} from './store/memory';
export {
  subjectId, personalFields, type DataSubject, type PersonalKind, type FieldOwner,
  type PersonalField,
} from './privacy/subjects';
export type { SubjectKey, HandleKey, KeyStore } from './privacy/keys';
export {
  createInMemoryKeyStore, type InMemoryKeyStoreOptions, type InMemoryKeyStore,
} from './privacy/memory-keys';
export {
  createEncryptingSerializer, type EncryptingSerializerOptions,
} from './privacy/encrypting-serializer';
export { exportSubject, subjectsByEmail, type ExportedEvent, type SubjectExport } from './privacy/export';
export {
  eraseSubject, restrictProcessing, liftProcessingRestriction, isProcessingRestricted,
} from './privacy/rights';
export {
  createCommandService, type CommandService, type CommandServiceOptions, type HandleOptions,
  type CommandResult,
} from './commands';
export { realClock, type Clock, createVirtualClock, type VirtualClock } from './clock';
export {
  createDispatcher, type Dispatcher, type DispatcherOptions, type TickReport,
  type DispatchLogEntry, type EmailLogEntry, type DispatcherLogEntry, type EmailOutcome,
  type EmailView, type EmailState, type RetryPolicy, type Suppression, type CheckpointStore,
  type DispatcherCheckpoint, createInMemoryCheckpointStore, type DueIndex, type DueMeeting, type DueWatch,
  createInMemoryDueIndex,
} from './dispatch';
