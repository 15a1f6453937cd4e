/**
 * The ports' implementations: the in-memory event store and mailer, the command service, the live dispatcher and its clocks, and privacy (per-person encryption, export, erasure).
 *
 * PostgreSQL, EventStoreDB, SMTP and the .eml folder have entry points of their own
 * (`@rendezvous/adapters/postgres`, `/eventstoredb`, `/smtp`, `/eml`), so a program loads only the drivers it uses.
 *
 * @module @rendezvous/adapters
 */
export * from './store/port';
export * from './store/errors';
export * from './store/serializer';
export * from './mail/port';
export { messageIdFor } from './mail/message-id';
export * from './mail/memory/in-memory-mailer';
export * from './store/memory';
export * from './privacy/subjects';
export * from './privacy/keys';
export * from './privacy/memory-keys';
export * from './privacy/encrypting-serializer';
// Kept for code that took it from the adapters before it moved beside the other markers.
export { erasedUrl } from '@rendezvous/domain';
export * from './privacy/export';
export * from './privacy/rights';
export * from './commands';
export * from './clock';
export * from './dispatch';
