import { fromMillis } from '@rendezvous/domain';
import type { EventStore, Mailer, Subscription } from '@rendezvous/adapters';
import { createPlanner, type Renderer } from '@rendezvous/notifications';
import type { Log } from '../log';

// INTERIM: stands in for `createDispatcher` from @rendezvous/adapters until it is exported.
// It has the same surface (start, stop, tick, emails, idle) and the same data path (planner ->
// renderer -> mailer), but none of the real one's leases, retries or stored checkpoint.
// Delete this file once wiring/dispatcher.ts uses createDispatcher.

/** What the interim dispatcher needs. */
export interface InterimDispatcherParts {
  readonly store: EventStore;
  readonly mailer: Mailer;
  readonly renderer: Renderer;
  readonly isSuppressed: (email: string) => Promise<string | undefined>;
  readonly log: Log;
  readonly tickMs?: number;
}

/** A minimal in-process dispatcher on the real clock. */
export function createInterimDispatcher(parts: InterimDispatcherParts) {
  const planner = createPlanner();
  let plan = planner.initial;
  let subscription: Subscription | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  const sendDue = async (): Promise<void> => {
    const now = fromMillis(Date.now());
    for (const email of planner.due(plan, now)) {
      if (stopped) return;
      const suppressed = await parts.isSuppressed(email.recipient.email);
      if (suppressed !== undefined) continue;
      try {
        const outgoing = parts.renderer.render(email, now);
        await parts.mailer.send(outgoing);
        plan = planner.markSent(plan, email.idempotencyKey, now);
        parts.log({ msg: 'email sent', idempotencyKey: email.idempotencyKey, notification: email.notification, audience: email.audience, meetingId: email.meeting.meetingId });
      } catch (error) {
        parts.log({ level: 'warn', msg: 'email not sent; retrying at the next tick', idempotencyKey: email.idempotencyKey, error });
      }
    }
  };
  const tick = (): Promise<void> => (running = running.then(sendDue, sendDue));

  return {
    async start() {
      subscription = parts.store.subscribe((stored) => {
        plan = planner.evolve(plan, stored.event);
        void tick();
      });
      timer = setInterval(() => void tick(), parts.tickMs ?? 1000);
    },
    async stop() {
      clearInterval(timer);
      await subscription?.close();
      await running;
      stopped = true;
    },
    async tick() {
      await tick();
    },
    emails(meetingId: string) {
      return planner.explain(plan, meetingId);
    },
    idle() {
      return running;
    },
  };
}
