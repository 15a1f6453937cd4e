export * from './email/outgoing';
