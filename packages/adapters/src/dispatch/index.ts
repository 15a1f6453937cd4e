export { createDispatcher, type Dispatcher } from './dispatcher';
export type { DispatcherOptions } from './options';
export type { TickReport, DispatchLogEntry, EmailLogEntry, DispatcherLogEntry, EmailOutcome } from './report';
export type { EmailView, EmailState } from './email-view';
export type { RetryPolicy } from './retry-delay';
export { retryDelayMs } from './retry-delay';
export type { Suppression } from './skip';
export * from './checkpoints';
export * from './due-index';
