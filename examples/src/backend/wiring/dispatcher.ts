import type { EventStore, Mailer } from '@rendezvous/adapters';
import type { Renderer } from '@rendezvous/notifications';
import type { Log } from '../log';
import { createInterimDispatcher } from './interim-dispatcher';

/** What the backend needs of the live dispatcher. */
export interface LiveDispatcher {
  start(): Promise<void>;
  /** Finishes sends in flight, stores the checkpoint, stops following the store. */
  stop(): Promise<void>;
  /** Every email sent and planned for a meeting, with its state. */
  emails(meetingId: string): readonly unknown[];
  /** Resolves when nothing is being sent. */
  idle(): Promise<void>;
}

/** What the dispatcher is built from. */
export interface DispatcherParts {
  readonly store: EventStore;
  readonly mailer: Mailer;
  readonly renderer: Renderer;
  /** Why an address must get no email (restricted or erased), or undefined. */
  readonly isSuppressed: (email: string) => Promise<string | undefined>;
  readonly log: Log;
  readonly dispatcherId: string;
}

/** THE wiring point of the live dispatcher: the one place that knows how it is built. */
export function createLiveDispatcher(parts: DispatcherParts): LiveDispatcher {
  return createInterimDispatcher(parts);
}
