import { fromMillis, meetingStatus, toMillis } from '@rendezvous/domain';
import { handedOverSentence } from '../defaults/handed-over';
import { pairSettings, type AccountState } from '@rendezvous/domain';
import type { AccountSnapshot, EmailToSend, MeetingSnapshot } from './email-to-send';
import { idempotencyKey } from './idempotency-key';
import type { MeetingEntry, Plan } from './plan';
import type { PlannedEmail } from './planned-email';
import { kindOf } from './planned-email';
import { currentHost, recipientOf } from './recipients';

const minute = 60_000;

// Every email due gets its snapshots, so they are built without spreading optional parts in
// (a spread of `{}` costs more than the rest of the object).

function meetingSnapshot(plan: Plan, entry: MeetingEntry, now: string): MeetingSnapshot {
  const { meeting } = entry;
  const { meetingId, accountId, meetingType, description, start, guests, createdBy } = meeting;
  const status = meetingStatus(meeting, now);
  const end = fromMillis(toMillis(start) + meetingType.durationMinutes * minute);
  const host = currentHost(plan.profiles, entry.host);
  const snapshot: { -readonly [K in keyof MeetingSnapshot]: MeetingSnapshot[K] } = { meetingId, accountId, status, meetingType, start, end, host, guests, createdBy };
  if (description !== undefined) snapshot.description = description;
  const calendarHostname = hostnameWhenScheduled(plan, entry);
  if (calendarHostname !== undefined) snapshot.calendarHostname = calendarHostname;
  return snapshot;
}

/**
 * The account's hostname in force when the meeting was scheduled (a BrandingConfigured at that
 * very instant counts, CONTRACT §2.14), or undefined when it had none then.
 */
function hostnameWhenScheduled(plan: Plan, entry: MeetingEntry): string | undefined {
  const hostnames = plan.hostnames.get(entry.meeting.accountId);
  if (hostnames === undefined) return undefined;
  const scheduledMs = toMillis(entry.meeting.scheduledAt);
  let found: string | undefined;
  for (const h of hostnames) {
    if (h.at > scheduledMs) break;
    found = h.hostname;
  }
  return found;
}

/** Account snapshots by account state and pair: an account's state changes rarely, its emails are many. */
const accountSnapshots = new WeakMap<AccountState, Map<number, AccountSnapshot>>();

function accountSnapshot(accountId: string, account: AccountState | undefined, email: PlannedEmail): AccountSnapshot {
  if (account === undefined) return { accountId };
  let known = accountSnapshots.get(account);
  if (known === undefined) {
    known = new Map();
    accountSnapshots.set(account, known);
  }
  const kind = kindOf(email.notification, email.audience);
  let snapshot = known.get(kind);
  if (snapshot === undefined) {
    const { branding } = account;
    const { customizations } = pairSettings(account, email.audience, email.notification);
    snapshot = { accountId, ...branding, ...(customizations === undefined ? {} : { customizations }) };
    known.set(kind, snapshot);
  }
  return snapshot;
}

/** Snapshots already taken in one due() call: the emails of one meeting share theirs. */
export type SnapshotCache = Map<MeetingEntry, MeetingSnapshot>;

/** The EmailToSend for one planned email, with the meeting and account as the plan holds them now. */
export function emailOf(
  plan: Plan,
  entry: MeetingEntry,
  email: PlannedEmail,
  dueAt: string,
  now: string,
  snapshots: SnapshotCache,
): EmailToSend | undefined {
  const { meetingId, accountId } = entry.meeting;
  const account = plan.accounts.get(accountId);
  const recipient = recipientOf(plan.profiles, entry, account, email.audience, email.recipientId);
  if (recipient === undefined) return undefined;
  const { notification, audience, recipientId, triggerVersion, payload } = email;
  let snapshot = snapshots.get(entry);
  if (snapshot === undefined) {
    snapshot = meetingSnapshot(plan, entry, now);
    snapshots.set(entry, snapshot);
  }
  const key = { meetingId, notification, audience, recipientId, triggerVersion };
  const toSend: { -readonly [K in keyof EmailToSend]: EmailToSend[K] } = {
    idempotencyKey: idempotencyKey(key),
    key,
    notification,
    audience,
    dueAt,
    recipient,
    meeting: snapshot,
    account: accountSnapshot(accountId, account, email),
    sequence: entry.sequence,
  };
  if (payload?.rescheduling !== undefined) toSend.rescheduling = payload.rescheduling;
  const cancellation = payload?.cancellation;
  if (cancellation !== undefined) {
    toSend.cancellation = cancellation.by === 'reassignment' ? { reason: handedOverSentence(cancellation.handedTo, recipient.locale), by: 'reassignment' } : cancellation;
  }
  if (payload?.wrapUpNote !== undefined) toSend.wrapUpNote = payload.wrapUpNote;
  return toSend;
}
