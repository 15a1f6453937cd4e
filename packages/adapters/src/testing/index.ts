/**
 * Contract kits for your own event store or mailer (jest globals: describe, it, expect): for test suites.
 *
 * @module @rendezvous/adapters/testing
 */
export { describeEventStoreContract, type HeldAppend, type StoreFactory, type StoreUnderTest } from './store-contract';
export { describeMailerContract, sampleOutgoingEmail, sampleIcs, type MailerUnderTest } from './mailer-contract';
export { receivedFromOutgoing, type ReceivedEmail, type ReceivedAttachment } from '../mail/received/received-email';
