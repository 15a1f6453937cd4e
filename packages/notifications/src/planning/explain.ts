import { fromMillis } from '@rendezvous/domain';
import type { Audience, NotificationId } from '@rendezvous/domain';
import { audienceNoun, pairSettings } from '@rendezvous/domain';
import { durationText } from './duration-text';
import { idempotencyKey } from './idempotency-key';
import type { PlanningOptions } from './options';
import type { MeetingEntry, Plan } from './plan';
import type { PlannedEmail, Why } from './planned-email';
import { person } from './recipients';

/** How an email looks from outside: pending until sent, or why it never will be. */
export type ReportedState = 'pending' | 'sent' | 'withdrawn' | 'suppressed';

/** One email planned or considered for a meeting, and a sentence saying why it is where it is. */
export interface PlannedEmailReport {
  readonly idempotencyKey: string;
  readonly notification: NotificationId;
  readonly audience: Audience;
  readonly recipientId: string;
  /** The recipient's address as the plan knows it now (an erased one reads as its marker). */
  readonly email: string;
  readonly dueAt: string;
  readonly state: ReportedState;
  readonly reason: string;
}

const minute = 60_000;
const instant = fromMillis;

function whyText(why: Why, email: PlannedEmail, address: string, options: PlanningOptions, names: Names): string {
  switch (why.kind) {
    case 'sent':
      return `sent at ${instant(why.at)}`;
    case 'cancelled':
      return `withdrawn: the meeting was cancelled at ${instant(why.at)}`;
    case 'rescheduled':
      return `withdrawn: the meeting was rescheduled at ${instant(why.at)} to start at ${why.start}`;
    case 'started':
      return `withdrawn: the meeting started (LIVE) at ${instant(why.at)}, before this was due`;
    case 'ended':
      return `withdrawn: the meeting ended at ${instant(why.at)}`;
    case 'reassigned':
      return `withdrawn: the meeting was reassigned to ${names.host(why.to)} at ${instant(why.at)}`;
    case 'reviewed':
      return `review not sent to ${address}: they reviewed at ${instant(why.at)}`;
    case 'short-notice': {
      const booked = why.rescheduled ? 'rescheduled' : 'booked';
      const start = why.rescheduled ? 'its new start' : 'its start';
      return `starts-soon not sent: the meeting was ${booked} ${durationText(why.noticeMs)} before ${start}, under the ${durationText(options.minimumNoticeMinutes * minute)} minimum`;
    }
    case 'joined-late': {
      const joined = why.invited ? 'were invited' : 'became the host';
      return `starts-soon not sent to ${address}: they ${joined} at ${instant(why.at)}, after it was due at ${instant(email.dueMs)}`;
    }
    case 'disabled':
      return `not sent: the account disabled ${email.notification} for ${audienceNoun(email.audience)}`;
    case 'erased':
      return `not sent: the recipient's address was erased`;
  }
}

function pendingText(plan: Plan, entry: MeetingEntry, email: PlannedEmail, options: PlanningOptions): string {
  const due = instant(email.dueMs);
  if (email.state === 'ready') return `pending: due since ${due} and valid then; waiting for the dispatcher to send it`;
  let when = `pending: due at once, at ${due}`;
  if (email.notification === 'meeting-starts-soon') {
    const start = Date.parse(entry.meeting.start);
    when =
      email.dueMs === start - options.startsSoonLeadMinutes * minute
        ? `pending: due at ${due}, ${durationText(options.startsSoonLeadMinutes * minute)} before the start at ${entry.meeting.start}`
        : `pending: due at once, at ${due}: the start at ${entry.meeting.start} is less than ${durationText(options.startsSoonLeadMinutes * minute)} away`;
  } else if (email.notification === 'review') {
    when = `pending: due at ${due}, ${durationText(options.reviewDelayMinutes * minute)} after the end, unless they review before`;
  }
  const account = plan.accounts.get(entry.meeting.accountId);
  if (account !== undefined && !pairSettings(account, email.audience, email.notification).enabled) {
    return `${when}; but the account disables ${email.notification} for ${audienceNoun(email.audience)} now: unless enabled again by then, it will not be sent`;
  }
  return when;
}

/** How explanations name people the record only knows by id. */
interface Names {
  host(userId: string): string;
}

const reported: Record<PlannedEmail['state'], ReportedState> = {
  waiting: 'pending',
  ready: 'pending',
  sent: 'sent',
  withdrawn: 'withdrawn',
  suppressed: 'suppressed',
};

/** Every email planned or considered for a meeting, in the order it was, each with its reason. */
export function explainMeeting(plan: Plan, meetingId: string, options: PlanningOptions): PlannedEmailReport[] {
  const entry = plan.meetings.get(meetingId);
  if (entry === undefined) return [];
  const names: Names = {
    host(userId) {
      const host = person(plan.profiles, entry, 'user', userId);
      return host === undefined ? `user ${userId}` : `${host.name} (${userId})`;
    },
  };
  return entry.emails.map((email): PlannedEmailReport => {
    const { notification, audience, recipientId, triggerVersion } = email;
    const address = person(plan.profiles, entry, audience, recipientId)?.email ?? '';
    return {
      idempotencyKey: idempotencyKey({ meetingId, notification, audience, recipientId, triggerVersion }),
      notification,
      audience,
      recipientId,
      email: address,
      dueAt: instant(email.dueMs),
      state: reported[email.state],
      reason: email.why === undefined ? pendingText(plan, entry, email, options) : whyText(email.why, email, address, options, names),
    };
  });
}
