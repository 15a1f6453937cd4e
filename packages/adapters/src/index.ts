export * from './store/port';
export * from './store/errors';
export * from './store/serializer';
export * from './mail/port';
export { messageIdFor } from './mail/message-id';
export * from './mail/memory/in-memory-mailer';
export * from './store/memory';
