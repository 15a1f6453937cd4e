import type { DomainEvent } from '@rendezvous/domain';
import { toMillis } from '@rendezvous/domain';
import { evolveAccount, initialAccountState } from '@rendezvous/domain';
import { foldMeetingEvent } from './meeting-rules';
import type { PlanningOptions } from './options';
import type { Plan, ProfileChange } from './plan';
import { settle } from './settle';

function foldOther(plan: Plan, options: PlanningOptions, event: DomainEvent, at: number): void {
  switch (event.type) {
    case 'UserProfileUpdated': {
      const { userId } = event.data;
      const changes: readonly ProfileChange[] = plan.profiles.get(userId) ?? [];
      plan.profiles.set(userId, [...changes, { at, update: event.data }]);
      return;
    }
    case 'BrandingConfigured': {
      const { accountId, hostname } = event.data;
      const state = evolveAccount(plan.accounts.get(accountId) ?? initialAccountState, event);
      const hostnames = [...(plan.hostnames.get(accountId) ?? []), { at, hostname }];
      plan.accounts.set(accountId, state);
      plan.hostnames.set(accountId, hostnames);
      return;
    }
    case 'NotificationCustomized':
    case 'NotificationEnabled':
    case 'NotificationDisabled': {
      const { accountId } = event.data;
      const state = evolveAccount(plan.accounts.get(accountId) ?? initialAccountState, event);
      plan.accounts.set(accountId, state);
      return;
    }
    case 'MeetingScheduled':
    case 'MeetingRescheduled':
    case 'MeetingReassigned':
    case 'GuestInvited':
    case 'MeetingCancelled':
    case 'MeetingStarted':
    case 'MeetingEnded':
    case 'WrapUpNoteLeft':
    case 'MeetingReviewed':
      foldMeetingEvent(plan, options, event, at);
      return;
    default:
      // Anything else (a dispatcher's own records) says nothing about who should get what.
      return;
  }
}

/**
 * Folds one event of any stream into the plan. Emails due before the event are judged first,
 * on the state at their due time; then the event updates projections and plans its emails.
 */
export function evolvePlan(plan: Plan, options: PlanningOptions, event: DomainEvent): void {
  const at = toMillis(event.occurredAt);
  settle(plan, at);
  foldOther(plan, options, event, at);
}
