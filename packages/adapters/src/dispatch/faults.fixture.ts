// For the dispatcher tests: a store and a mailer that fail, hang or die on demand. A killed
// process does no cleanup: after kill(), every call of that instance, pending or new, never
// settles, exactly as if the process were gone; the store and mailer behind keep their state.
import type { DomainEvent } from '@rendezvous/domain';
import type { OutgoingEmail, Renderer } from '@rendezvous/notifications';
import { MailDeliveryError, type Mailer, type SendReceipt } from '../mail/port';
import type { AppendResult, EventStore, ExpectedVersion, StoredEvent, Subscription } from '../store/port';

/** What to do to one store call. */
export type StoreFault =
  | 'pass'
  /** Throws before anything is written. */
  | 'fail'
  /** Writes, then throws: the caller cannot tell it was written. */
  | 'fail-after'
  /** Never answers and never writes. */
  | 'hang'
  /** Never answers, but writes after `lateMs` of real time. */
  | 'late'
  /** The process dies before the call reaches the store. */
  | 'kill';

/** Picks the fault of each append, and of each read step. */
export interface StoreFaults {
  append?(streamId: string, events: readonly DomainEvent[]): StoreFault;
  read?(): StoreFault;
  /** Called after an append reached the store (whether or not its caller hears of it). */
  appended?(streamId: string, events: readonly DomainEvent[]): void;
  /** Called once when the process dies, so the test can take down its other parts. */
  onKill?(): void;
}

const never = <T>(): Promise<T> => new Promise<T>(() => undefined);

/** A store instance of one (simulated) process. */
export interface FaultyStore extends EventStore {
  kill(): void;
  readonly killed: boolean;
}

/** Wraps `inner` with injected faults; `lateMs` is how long a late write waits. */
export function faultyStore(inner: EventStore, faults: StoreFaults, lateMs = 30): FaultyStore {
  let killed = false;
  const subscriptions = new Set<Subscription>();
  const guard = <T>(work: Promise<T>): Promise<T> =>
    work.then(
      (value) => (killed ? never<T>() : value),
      (error: unknown) => (killed ? never<T>() : Promise.reject(error instanceof Error ? error : new Error(String(error)))),
    );
  const kill = (): void => {
    if (killed) return;
    killed = true;
    faults.onKill?.();
    for (const s of subscriptions) void s.close();
  };
  const readFault = (): void | Promise<never> => {
    const fault = faults.read?.() ?? 'pass';
    if (fault === 'kill') kill();
    if (killed || fault === 'hang' || fault === 'late') return never();
    if (fault === 'fail' || fault === 'fail-after') throw new Error('injected: connection reset while reading');
  };
  // One fault per read (at its first step), as a query that fails or hangs would.
  async function* guarded(source: AsyncIterable<StoredEvent>): AsyncIterable<StoredEvent> {
    const hung = readFault();
    if (hung !== undefined) await hung;
    const iterator = source[Symbol.asyncIterator]();
    for (;;) {
      const next = await guard(iterator.next());
      if (next.done === true) return;
      yield next.value;
    }
  }
  return {
    get killed() {
      return killed;
    },
    kill,
    async append(streamId: string, events: readonly DomainEvent[], expected: ExpectedVersion): Promise<AppendResult> {
      if (killed) return never();
      const fault = faults.append?.(streamId, events) ?? 'pass';
      switch (fault) {
        case 'kill':
          kill();
          return never();
        case 'fail':
          throw new Error(`injected: connection reset before appending to ${streamId}`);
        case 'hang':
          return never();
        case 'late':
          setTimeout(() => void inner.append(streamId, events, expected).then(() => !killed && faults.appended?.(streamId, events), () => undefined), lateMs);
          return never();
        case 'fail-after':
          await inner.append(streamId, events, expected);
          faults.appended?.(streamId, events);
          throw new Error(`injected: connection reset after appending to ${streamId}`);
        case 'pass':
          return guard(
            inner.append(streamId, events, expected).then((result) => {
              if (!killed) faults.appended?.(streamId, events);
              return result;
            }),
          );
      }
    },
    readStream: (streamId, options) => guarded(inner.readStream(streamId, options)),
    readAll: (options) => guarded(inner.readAll(options)),
    subscribe(handler, options) {
      if (killed) return { close: async () => undefined, done: never() };
      const subscription = inner.subscribe(async (stored) => {
        if (!killed) await handler(stored);
      }, options);
      subscriptions.add(subscription);
      return subscription;
    },
    async close() {
      kill();
    },
  };
}

/** A mailer instance of one (simulated) process: `kill()` leaves every send unanswered. */
export interface KillableMailer extends Mailer {
  kill(): void;
}

/** What a killable mailer does before and after the inner mailer takes an email. */
export interface MailerHooks {
  /** `fail`: a transient refusal (4xx); `hang`: no answer, nothing sent; `kill`: the process dies. */
  beforeSend?(email: OutgoingEmail): 'pass' | 'fail' | 'hang' | 'kill';
  /** `fail`: the reply is lost after the server took the email; `kill`: the process dies right then (`dead`: it already had). */
  afterAccept?(email: OutgoingEmail, dead: boolean): 'pass' | 'fail' | 'kill';
}

/** Wraps `inner` with the hooks' faults. */
export function killableMailer(inner: Mailer, hooks: MailerHooks = {}): KillableMailer {
  let killed = false;
  return {
    kill: () => void (killed = true),
    async send(email): Promise<SendReceipt> {
      const before = killed ? 'kill' : (hooks.beforeSend?.(email) ?? 'pass');
      if (before === 'kill') killed = true;
      if (before === 'kill' || before === 'hang') return never();
      if (before === 'fail') throw new MailDeliveryError('transient', 'deferred', `email ${email.idempotencyKey} was not sent: injected 451 (transient)`);
      const receipt = await inner.send(email);
      // Called even when the process died while the server took the email: that acceptance is never recorded.
      const after = hooks.afterAccept?.(email, killed) ?? 'pass';
      if (killed || after === 'kill') {
        killed = true;
        return never();
      }
      if (after === 'fail') throw new Error('injected: connection lost after the server accepted the message');
      return receipt;
    },
    close: () => inner.close(),
  };
}

/** A renderer that only addresses the email: rendering has its own tests, and costs here. */
export const addressing: Renderer = {
  render: (email): OutgoingEmail => ({
    idempotencyKey: email.idempotencyKey,
    notification: email.notification,
    audience: email.audience,
    meetingId: email.meeting.meetingId,
    accountId: email.account.accountId,
    from: { name: 'Rendezvous', email: 'no-reply@meet.example.com' },
    to: [{ name: email.recipient.name, email: email.recipient.email }],
    bcc: [],
    subject: email.idempotencyKey,
    text: email.notification,
    html: `<p>${email.notification}</p>`,
    attachments: [],
    sentAt: email.dueAt,
  }),
  preview: () => {
    throw new Error('not used');
  },
};

