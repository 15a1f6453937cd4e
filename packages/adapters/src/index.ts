/**
 * The ports' implementations: event stores (in-memory, PostgreSQL, EventStoreDB), mailers (in-memory, SMTP, .eml folder), the command service, the live dispatcher and its clocks, and privacy (per-person encryption, export, erasure).
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
export * from './mail/smtp/smtp-mailer';
export { classifySmtpError } from './mail/smtp/classify';
export * from './privacy/postgres-keys';
export { createEmlFolderMailer, type EmlFolderMailerOptions } from './mail/eml/eml-folder-mailer';
export * from './privacy/export';
export * from './privacy/rights';
export * from './store/postgres';
export * from './store/eventstoredb';
export * from './commands';
export * from './clock';
export * from './dispatch';
