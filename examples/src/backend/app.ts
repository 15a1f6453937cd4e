import type { CommandService, EventStore, KeyStore } from '@rendezvous/adapters';
import type { Renderer } from '@rendezvous/notifications';

/** What the routes work with: the library's pieces, wired once by startBackend. */
export interface App {
  readonly store: EventStore;
  readonly keyStore: KeyStore;
  readonly commands: CommandService;
  readonly renderer: Renderer;
  /** The key entry links are signed with (LINK_SECRET). */
  readonly linkSecret: string;
  /** The server clock, as a UTC instant: every command's `now`. */
  now(): string;
  /** The emails the live dispatcher sent and planned for a meeting, with their state. */
  emailsOf(meetingId: string): Promise<readonly unknown[]>;
}
