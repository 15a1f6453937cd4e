import { fromMillis, meetingStatus } from '@rendezvous/domain';
import type { AccountState } from '../account/state';
import { pairSettings } from '../account/state';
import type { AccountSnapshot, EmailToSend, MeetingSnapshot } from './email-to-send';
import { idempotencyKey } from './idempotency-key';
import { sequenceOf } from './meeting-rules';
import type { MeetingEntry, Plan } from './plan';
import type { PlannedEmail } from './planned-email';
import { currentHost, recipientOf } from './recipients';
import { getById } from './by-id';

const minute = 60_000;

function meetingSnapshot(plan: Plan, entry: MeetingEntry, now: string): MeetingSnapshot {
  const { meeting } = entry;
  const end = fromMillis(Date.parse(meeting.start) + meeting.meetingType.durationMinutes * minute);
  const snapshot = {
    meetingId: meeting.meetingId,
    accountId: meeting.accountId,
    status: 'scheduled',
    meetingType: meeting.meetingType,
    ...(meeting.description === undefined ? {} : { description: meeting.description }),
    start: meeting.start,
    end,
    host: currentHost(plan.profiles, entry.host),
    guests: meeting.guests,
    createdBy: meeting.createdBy,
  } as MeetingSnapshot;
  // The status costs a few date conversions and many consumers (a dispatcher deciding whom to
  // mail) never read it: it is worked out on first read, then kept.
  let status: MeetingSnapshot['status'] | undefined;
  Object.defineProperty(snapshot, 'status', {
    enumerable: true,
    get: () => (status ??= meetingStatus(meeting, now)),
  });
  return snapshot;
}

function accountSnapshot(accountId: string, account: AccountState | undefined, email: PlannedEmail): AccountSnapshot {
  const branding = account?.branding;
  const customization = account === undefined ? undefined : pairSettings(account, email.audience, email.notification).customization;
  return {
    accountId,
    ...(branding === undefined ? {} : branding),
    ...(customization === undefined ? {} : { customization }),
  };
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
  const account = getById(plan.accounts, accountId);
  const recipient = recipientOf(plan.profiles, entry, account, email.audience, email.recipientId);
  if (recipient === undefined) return undefined;
  const { notification, audience, recipientId, triggerVersion, payload } = email;
  let snapshot = snapshots.get(entry);
  if (snapshot === undefined) {
    snapshot = meetingSnapshot(plan, entry, now);
    snapshots.set(entry, snapshot);
  }
  return {
    idempotencyKey: idempotencyKey({ meetingId, notification, audience, recipientId, triggerVersion }),
    notification,
    audience,
    dueAt,
    recipient,
    meeting: snapshot,
    account: accountSnapshot(accountId, account, email),
    sequence: payload?.sequence ?? sequenceOf(entry.meeting),
    ...(payload?.rescheduling === undefined ? {} : { rescheduling: payload.rescheduling }),
    ...(payload?.cancellation === undefined ? {} : { cancellation: payload.cancellation }),
    ...(payload?.wrapUpNote === undefined ? {} : { wrapUpNote: payload.wrapUpNote }),
  };
}
