import { join, resolve } from 'node:path';
import type { Audience, NotificationId } from '@rendezvous/domain';
import { createRenderer, type OutgoingEmail } from '@rendezvous/notifications';
import {
  createCommandService, createDispatcher, createInMemoryEventStore, createVirtualClock, type Dispatcher, type DispatchLogEntry, type EmailState, type Mailer, type VirtualClock,
} from '@rendezvous/adapters';
import { createEmlFolderMailer } from '@rendezvous/adapters/eml';
import { people } from './cast';
import type { Outcome } from './commands';
import { clearOutbox } from './outbox';
import { story, storyEnd, storyStart } from './story';

/** One step of the story as it went. */
export interface Happened {
  readonly at: string;
  readonly who: string;
  readonly what: string;
  readonly outcome: Outcome;
  /** Warnings the events carry (a host who is not available): recorded, never a refusal. */
  readonly warnings: readonly string[];
}

/** One email the mailer took. */
export interface SentEmail {
  readonly sentAt: string;
  readonly meetingId: string;
  readonly notification: NotificationId;
  readonly audience: Audience;
  readonly recipient: string;
  readonly address: string;
  readonly subject: string;
}

/** One email that was planned or considered but never went out, and why. */
export interface WithheldEmail {
  readonly dueAt: string;
  readonly meetingId: string;
  readonly notification: NotificationId;
  readonly audience: Audience;
  readonly recipient: string;
  readonly state: EmailState;
  readonly reason: string;
}

/** Everything the demo did, for the timeline printer and for the test that keeps the demo honest. */
export interface DemoRun {
  readonly happened: readonly Happened[];
  readonly sent: readonly SentEmail[];
  readonly withheld: readonly WithheldEmail[];
  /** Emails still planned when the clock stopped (none, if the story is right). */
  readonly planned: readonly WithheldEmail[];
  /** The dispatcher's warnings and errors (none, if all is well). */
  readonly problems: readonly string[];
  /** Absolute path of the outbox folder and of its index.html. */
  readonly outbox: string;
  readonly index: string;
}

/** Settings of {@link runDemo}. */
export interface DemoOptions {
  /** Where the .eml files go; emptied first. */
  readonly outbox: string;
}

const meetingIds = ['m-intro', 'm-plan', 'm-tax', 'm-pension'];
const finalStates: readonly EmailState[] = ['withdrawn', 'suppressed', 'skipped', 'failed'];

// Emails of one moment go out concurrently, in no fixed order: list them by meeting, host
// first, then by name, so every run prints the same table.
const audienceOrder: Record<Audience, number> = { user: 0, guest: 1 };
function sameMoment(a: Pick<SentEmail, 'meetingId' | 'audience' | 'recipient'>, b: Pick<SentEmail, 'meetingId' | 'audience' | 'recipient'>): number {
  return (
    meetingIds.indexOf(a.meetingId) - meetingIds.indexOf(b.meetingId) ||
    audienceOrder[a.audience] - audienceOrder[b.audience] ||
    a.recipient.localeCompare(b.recipient, 'en')
  );
}

/** Keeps what goes through a mailer, to tell the story of who received what. */
function recording(mailer: Mailer, sent: OutgoingEmail[]): Mailer {
  return {
    async send(email) {
      const receipt = await mailer.send(email);
      sent.push(email);
      return receipt;
    },
    close: () => mailer.close(),
  };
}

/**
 * Moves the virtual clock to `target` one due time at a time, letting the dispatcher finish each
 * moment's emails before the next: what it sends is what the real clock would have sent.
 */
async function advance(clock: VirtualClock, dispatcher: Dispatcher, target: string): Promise<void> {
  // The story has a few dozen due times; thousands of wake-ups mean an email stuck waiting.
  for (let wakeUps = 0; ; wakeUps++) {
    const { nextWakeAt, error } = await dispatcher.tick();
    if (nextWakeAt === undefined || Date.parse(nextWakeAt) > Date.parse(target)) break;
    if (wakeUps > 1000) throw new Error(`the dispatcher keeps waking up before ${target} (now ${clock.now()}${error ? `: ${error}` : ''})`);
    await clock.advanceTo(nextWakeAt);
  }
  await clock.advanceTo(target);
  await dispatcher.idle();
}

function warningsOf(outcome: Outcome): string[] {
  if (outcome.kind !== 'accepted') return [];
  return outcome.events.flatMap((event) =>
    event.type === 'MeetingReassigned' && !event.data.hostAvailable
      ? [`warning: ${event.data.host.name} is not available at that time (recorded; the meeting is still reassigned)`]
      : [],
  );
}

/**
 * Runs the story: every step through the command service, on an in-memory store, while the live
 * dispatcher follows the store on a virtual clock and writes each email into `outbox`.
 */
export async function runDemo(options: DemoOptions): Promise<DemoRun> {
  const outbox = resolve(options.outbox);
  await clearOutbox(outbox);
  const store = createInMemoryEventStore();
  const clock = createVirtualClock(storyStart);
  const mail: OutgoingEmail[] = [];
  const mailer = recording(createEmlFolderMailer({ dir: outbox, now: () => new Date(clock.now()) }), mail);
  const problems: string[] = [];
  const log = (entry: DispatchLogEntry): void => {
    if (entry.level !== 'info') problems.push(`${entry.level}: ${entry.msg}${'detail' in entry && entry.detail ? ` (${entry.detail})` : ''}`);
  };
  // The demo's links are signed with a key everyone can read: never use it for real emails.
  const renderer = createRenderer({ linkSecret: 'rendezvous-demo-not-a-secret' });
  const dispatcher = createDispatcher({ store, mailer, renderer, clock, dispatcherId: 'demo-1', log });
  const commands = createCommandService(store);

  const happened: Happened[] = [];
  await dispatcher.start();
  try {
    for (const step of story) {
      await advance(clock, dispatcher, step.at);
      const outcome = await step.issue(commands, clock.now());
      await dispatcher.idle();
      happened.push({ at: step.at, who: step.who, what: step.what, outcome, warnings: warningsOf(outcome) });
    }
    await advance(clock, dispatcher, storyEnd);
  } finally {
    await dispatcher.stop();
    await mailer.close();
  }

  const views = (await Promise.all(meetingIds.map(async (meetingId) => (await dispatcher.emails(meetingId)).map((view) => ({ meetingId, ...view }))))).flat();
  const asWithheld = (v: (typeof views)[number]): WithheldEmail => ({
    dueAt: v.dueAt,
    meetingId: v.meetingId,
    notification: v.notification,
    audience: v.audience,
    recipient: people.get(v.recipientId) ?? v.recipientId,
    state: v.state,
    reason: v.reason,
  });
  const byDue = (a: WithheldEmail, b: WithheldEmail) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || sameMoment(a, b);
  return {
    happened,
    sent: mail
      .map((email) => ({
        sentAt: email.sentAt,
        meetingId: email.meetingId,
        notification: email.notification,
        audience: email.audience,
        recipient: email.to[0]?.name ?? '',
        address: email.to[0]?.email ?? '',
        subject: email.subject,
      }))
      .sort((a, b) => Date.parse(a.sentAt) - Date.parse(b.sentAt) || sameMoment(a, b)),
    withheld: views.filter((v) => finalStates.includes(v.state)).map(asWithheld).sort(byDue),
    planned: views.filter((v) => v.state !== 'sent' && !finalStates.includes(v.state)).map(asWithheld).sort(byDue),
    problems,
    outbox,
    index: join(outbox, 'index.html'),
  };
}
