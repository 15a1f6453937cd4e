/**
 * Contract kits for your own event store or mailer, an SMTP capture server and an in-process EventStoreDB: for test suites.
 *
 * @module @rendezvous/adapters/testing
 */
export { describeEventStoreContract, type HeldAppend, type StoreFactory, type StoreUnderTest } from './store-contract';
export { describeMailerContract, sampleOutgoingEmail, sampleIcs, type MailerUnderTest } from './mailer-contract';
export { receivedFromOutgoing, type ReceivedEmail, type ReceivedAttachment } from '../mail/received/received-email';
export { receivedFromMime } from '../mail/received/received-from-mime';
export { startSmtpCaptureServer, type CaptureServer, type CaptureFault, type CapturedMessage } from '../mail/smtp/capture-server';
export { startInProcessEventStoreDb, type InProcessEventStoreDb, type InProcessEventStoreDbOptions, type StoredBytes } from './esdb-server';
