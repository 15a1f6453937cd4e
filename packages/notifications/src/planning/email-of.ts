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
  return {
    meetingId: meeting.meetingId,
    accountId: meeting.accountId,
    status: meetingStatus(meeting, now),
    meetingType: meeting.meetingType,
    ...(meeting.description === undefined ? {} : { description: meeting.description }),
    start: meeting.start,
    end,
    host: currentHost(plan.profiles, entry.host),
    guests: meeting.guests,
    createdBy: meeting.createdBy,
  };
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

/** The EmailToSend for one planned email, with the meeting and account as the plan holds them now. */
export function emailOf(plan: Plan, entry: MeetingEntry, email: PlannedEmail, now: string): EmailToSend | undefined {
  const { meetingId, accountId } = entry.meeting;
  const account = getById(plan.accounts, accountId);
  const recipient = recipientOf(plan.profiles, entry, account, email.audience, email.recipientId);
  if (recipient === undefined) return undefined;
  const { notification, audience, recipientId, triggerVersion, payload } = email;
  return {
    idempotencyKey: idempotencyKey({ meetingId, notification, audience, recipientId, triggerVersion }),
    notification,
    audience,
    dueAt: fromMillis(email.dueMs),
    recipient,
    meeting: meetingSnapshot(plan, entry, now),
    account: accountSnapshot(accountId, account, email),
    sequence: payload?.sequence ?? sequenceOf(entry.meeting),
    ...(payload?.rescheduling === undefined ? {} : { rescheduling: payload.rescheduling }),
    ...(payload?.cancellation === undefined ? {} : { cancellation: payload.cancellation }),
    ...(payload?.wrapUpNote === undefined ? {} : { wrapUpNote: payload.wrapUpNote }),
  };
}
