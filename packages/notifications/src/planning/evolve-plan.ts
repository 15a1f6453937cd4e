import type { DomainEvent } from '@rendezvous/domain';
import { toMillis } from '@rendezvous/domain';
import { evolveAccount, initialAccountState } from '@rendezvous/domain';
import { foldMeetingEvent } from './meeting-rules';
import type { PlanningOptions } from './options';
import type { Plan, ProfileChange } from './plan';
import { planWith } from './plan';
import { settle } from './settle';

function foldOther(plan: Plan, options: PlanningOptions, event: DomainEvent, at: number): Plan {
  switch (event.type) {
    case 'UserProfileUpdated': {
      const { userId } = event.data;
      const changes: readonly ProfileChange[] = plan.profiles.get(userId) ?? [];
      return planWith(plan, { profiles: plan.profiles.set(userId, [...changes, { at, update: event.data }]) });
    }
    case 'BrandingConfigured': {
      const { accountId, hostname } = event.data;
      const state = evolveAccount(plan.accounts.get(accountId) ?? initialAccountState, event);
      const hostnames = [...(plan.hostnames.get(accountId) ?? []), { at, hostname }];
      return planWith(plan, { accounts: plan.accounts.set(accountId, state), hostnames: plan.hostnames.set(accountId, hostnames) });
    }
    case 'NotificationCustomized':
    case 'NotificationEnabled':
    case 'NotificationDisabled': {
      const { accountId } = event.data;
      const state = evolveAccount(plan.accounts.get(accountId) ?? initialAccountState, event);
      return planWith(plan, { accounts: plan.accounts.set(accountId, state) });
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
      return foldMeetingEvent(plan, options, event, at);
    default:
      // Anything else (a dispatcher's own records) says nothing about who should get what.
      return plan;
  }
}

/**
 * Folds one event of any stream into the plan. Emails due before the event are judged first,
 * on the state at their due time; then the event updates projections and plans its emails.
 */
export function evolvePlan(plan: Plan, options: PlanningOptions, event: DomainEvent): Plan {
  const at = toMillis(event.occurredAt);
  return foldOther(settle(plan, at), options, event, at);
}
