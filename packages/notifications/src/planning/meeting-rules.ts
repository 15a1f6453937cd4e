import type { Audience, EventOf, ExistingMeeting, MeetingEvent } from '@rendezvous/domain';
import { evolveMeeting, initialMeetingState } from '@rendezvous/domain';
import { type Addressee, Draft } from './draft';
import type { PlanningOptions } from './options';
import type { MeetingEntry, Plan } from './plan';
import { HostTenure, entryWith } from './plan';
import type { Payload } from './planned-email';
import { currentHost } from './recipients';

// The rules of docs/CONTRACT.md §2 that depend on meeting events: which emails an event plans (due at
// once or later) and which waiting ones it takes back. Toggles, customizations and erased
// addresses are judged later, at each email's due time (settle.ts).


const minute = 60_000;
const noFormerHosts: readonly HostTenure[] = [];

/** The entry with its ICS SEQUENCE one higher: a reschedule, a reassign or the cancel changed the calendar event. */
function raiseSequence(draft: Draft): void {
  draft.entry = entryWith(draft.entry, { sequence: draft.entry.sequence + 1 });
}

function hostOf(draft: Draft): Addressee {
  const { host } = draft.entry;
  return { audience: 'user', id: host.host.userId, email: currentHost(draft.plan.profiles, host).email };
}

function guestsOf(draft: Draft): Addressee[] {
  return draft.entry.meeting.guests.map((guest) => ({ audience: 'guest', id: guest.guestId, email: guest.email }));
}

function everyone(draft: Draft): Addressee[] {
  return [hostOf(draft), ...guestsOf(draft)];
}

function atOnce(
  draft: Draft,
  notification: 'meeting-scheduled' | 'meeting-rescheduled' | 'meeting-cancelled' | 'wrap-up',
  to: readonly Addressee[],
  payload: Payload | undefined,
): void {
  for (const who of to) draft.add(notification, who, draft.version, draft.at, payload);
}

/**
 * Plans meeting-starts-soon for one person, or records why not: the start was set with less
 * than the minimum notice, or they joined (invited, or became the host) after it was due.
 */
function startsSoon(draft: Draft, who: Addressee, joined?: { readonly invited: boolean }): void {
  const { meeting, startVersion } = draft.entry;
  const { startsSoonLeadMinutes, minimumNoticeMinutes } = draft.options;
  const start = draft.millis(meeting.start);
  const setAt = draft.millis(meeting.startSetAt);
  if (setAt > start - minimumNoticeMinutes * minute) {
    const why = { kind: 'short-notice', noticeMs: start - setAt, rescheduled: meeting.rescheduleCount > 0 } as const;
    draft.add('meeting-starts-soon', who, startVersion, start - startsSoonLeadMinutes * minute, undefined, { state: 'suppressed', why });
    return;
  }
  // With a minimum notice shorter than the lead, a late booking gets its reminder at once.
  const dueMs = Math.max(start - startsSoonLeadMinutes * minute, setAt);
  if (joined !== undefined && dueMs < draft.at) {
    draft.add('meeting-starts-soon', who, startVersion, dueMs, undefined, { state: 'suppressed', why: { kind: 'joined-late', at: draft.at, invited: joined.invited } });
    return;
  }
  draft.add('meeting-starts-soon', who, startVersion, dueMs, undefined);
}

function withdrawStartsSoon(draft: Draft, why: Parameters<Draft['withdraw']>[1], audience?: Audience, recipientId?: string): void {
  draft.withdraw(
    (e) => e.notification === 'meeting-starts-soon' && (audience === undefined || (e.audience === audience && e.recipientId === recipientId)),
    why,
  );
}

function scheduled(draft: Draft): void {
  const all = everyone(draft);
  atOnce(draft, 'meeting-scheduled', all, undefined);
  for (const who of all) startsSoon(draft, who);
}

function rescheduled(draft: Draft, before: ExistingMeeting, event: EventOf<'MeetingRescheduled'>): void {
  const { start, reason, by } = event.data;
  withdrawStartsSoon(draft, { kind: 'rescheduled', at: draft.at, start });
  draft.entry = entryWith(draft.entry, { startVersion: draft.version });
  raiseSequence(draft);
  const rescheduling = { reason, previousStart: before.start, by };
  const all = everyone(draft);
  atOnce(draft, 'meeting-rescheduled', all, { rescheduling });
  for (const who of all) startsSoon(draft, who);
}

function reassigned(draft: Draft, before: MeetingEntry, event: EventOf<'MeetingReassigned'>): void {
  const previous = before.host;
  const host = event.data.host;
  const formerHosts = [...before.formerHosts.filter((t) => t.host.userId !== previous.host.userId && t.host.userId !== host.userId), previous];
  const previousAddressee: Addressee = { audience: 'user', id: previous.host.userId, email: currentHost(draft.plan.profiles, previous).email };
  draft.entry = entryWith(draft.entry, { host: new HostTenure(host, draft.at), formerHosts });
  // Both calendar messages of a reassign carry the new SEQUENCE: a calendar that sees both (a
  // shared or delegated one, a bcc archive) must not drop the new host's invitation as stale.
  raiseSequence(draft);
  const cancellation = { handedTo: host.name, by: 'reassignment' } as const;
  atOnce(draft, 'meeting-cancelled', [previousAddressee], { cancellation });
  atOnce(draft, 'meeting-scheduled', [hostOf(draft)], undefined);
  withdrawStartsSoon(draft, { kind: 'reassigned', at: draft.at, to: host.userId }, 'user', previous.host.userId);
  startsSoon(draft, hostOf(draft), { invited: false });
}

function invited(draft: Draft, event: EventOf<'GuestInvited'>): void {
  const { guestId, email } = event.data.guest;
  const guest: Addressee = { audience: 'guest', id: guestId, email };
  atOnce(draft, 'meeting-scheduled', [guest], undefined);
  startsSoon(draft, guest, { invited: true });
}

function ended(draft: Draft): void {
  withdrawStartsSoon(draft, { kind: 'ended', at: draft.at });
  const dueMs = draft.at + draft.options.reviewDelayMinutes * minute;
  for (const who of guestsOf(draft)) draft.add('review', who, draft.version, dueMs, undefined);
}

function applyRules(draft: Draft, before: MeetingEntry, event: MeetingEvent): void {
  switch (event.type) {
    case 'MeetingScheduled':
      return; // a second MeetingScheduled for the same meeting announces nothing new
    case 'MeetingRescheduled':
      return rescheduled(draft, before.meeting, event);
    case 'MeetingReassigned':
      return reassigned(draft, before, event);
    case 'GuestInvited':
      return invited(draft, event);
    case 'MeetingCancelled': {
      withdrawStartsSoon(draft, { kind: 'cancelled', at: draft.at });
      raiseSequence(draft);
      const { reason, by } = event.data;
      return atOnce(draft, 'meeting-cancelled', everyone(draft), { cancellation: { reason, by } });
    }
    case 'MeetingStarted':
      return withdrawStartsSoon(draft, { kind: 'started', at: draft.at });
    case 'MeetingEnded':
      return ended(draft);
    case 'WrapUpNoteLeft':
      return atOnce(draft, 'wrap-up', guestsOf(draft), { wrapUpNote: event.data.note });
    case 'MeetingReviewed':
      return draft.withdraw(
        (e) => e.notification === 'review' && e.recipientId === event.data.guestId,
        { kind: 'reviewed', at: draft.at },
      );
  }
}

/** Folds one meeting event into the plan: the projection via evolveMeeting, then the email rules. */
export function foldMeetingEvent(plan: Plan, options: PlanningOptions, event: MeetingEvent, at: number): void {
  const before = plan.meetings.get(event.data.meetingId);
  if (before === undefined) {
    // Events of a meeting that was never scheduled have nobody to write to.
    if (event.type !== 'MeetingScheduled') return;
    const meeting = evolveMeeting(initialMeetingState, event);
    if (meeting.kind === 'none') return;
    const entry: MeetingEntry = { meeting, host: new HostTenure(meeting.host, at), formerHosts: noFormerHosts, startVersion: 0, sequence: 0, emails: [], pending: [] };
    const draft = new Draft(plan, options, entry, 0, at);
    scheduled(draft);
    draft.finish();
    return;
  }
  const meeting = evolveMeeting(before.meeting, event);
  if (meeting.kind === 'none') return;
  const draft = new Draft(plan, options, entryWith(before, { meeting }), before.meeting.eventCount, at);
  applyRules(draft, before, event);
  draft.finish();
}
