import { isErasedEmail } from '@rendezvous/domain';
import { pairSettings } from '@rendezvous/domain';
import type { MeetingEntry, Plan } from './plan';
import type { PlannedEmail, Why } from './planned-email';
import { person } from './recipients';

/**
 * Whether an email that is due may go out, judged on the plan as it stands at its due time:
 * undefined when it may, else why not (the pair is disabled, the address was erased).
 * Meeting facts (cancelled, LIVE, reviewed) withdrew the email when they happened.
 */
export function judge(accounts: Plan['accounts'], profiles: Plan['profiles'], entry: MeetingEntry, email: PlannedEmail): Why | undefined {
  const account = accounts.get(entry.meeting.accountId);
  if (account !== undefined && !pairSettings(account, email.audience, email.notification).enabled) return { kind: 'disabled' };
  const who = person(profiles, entry, email.audience, email.recipientId);
  if (who === undefined || isErasedEmail(who.email)) return { kind: 'erased' };
  return undefined;
}
