// @rendezvous/adapters/test-servers: the servers our own tests send to and read from (an SMTP
// capture server, an in-process EventStoreDB). Workspace only, never published: they need
// smtp-server, mailparser and @grpc/grpc-js, which users of the contract kits do not.
export { receivedFromMime } from '../mail/received/received-from-mime';
export { startSmtpCaptureServer, type CaptureServer, type CaptureFault, type CapturedMessage } from '../mail/smtp/capture-server';
export { startInProcessEventStoreDb, type InProcessEventStoreDb, type InProcessEventStoreDbOptions, type StoredBytes } from '../testing/esdb-server';
