import type { AccountEvent, DomainEvent } from '@rendezvous/domain';
import { evolveAccount } from '../account/evolve';
import { initialAccountState } from '../account/state';
import { foldMeetingEvent } from './meeting-rules';
import type { PlanningOptions } from './options';
import type { Plan, ProfileChange } from './plan';
import { compareStrings } from './plan';
import { hashString, treeGet, treeSet } from './persistent-tree';
import { settle } from './settle';

function isAccountEvent(event: DomainEvent): event is AccountEvent {
  return (
    event.type === 'BrandingConfigured' ||
    event.type === 'NotificationCustomized' ||
    event.type === 'NotificationEnabled' ||
    event.type === 'NotificationDisabled'
  );
}

function foldOther(plan: Plan, options: PlanningOptions, event: DomainEvent): Plan {
  if (event.type === 'UserProfileUpdated') {
    const { userId } = event.data;
    const changes: readonly ProfileChange[] = treeGet(plan.profiles, userId, compareStrings) ?? [];
    const next = [...changes, { at: plan.folded, update: event.data }];
    return { ...plan, profiles: treeSet(plan.profiles, userId, next, hashString(userId), compareStrings) };
  }
  if (isAccountEvent(event)) {
    const { accountId } = event.data;
    const state = evolveAccount(treeGet(plan.accounts, accountId, compareStrings) ?? initialAccountState, event);
    return { ...plan, accounts: treeSet(plan.accounts, accountId, state, hashString(accountId), compareStrings) };
  }
  return foldMeetingEvent(plan, options, event);
}

/**
 * Folds one event of any stream into the plan. Emails due before the event are judged first,
 * on the state at their due time; then the event updates projections and plans its emails.
 */
export function evolvePlan(plan: Plan, options: PlanningOptions, event: DomainEvent): Plan {
  const at = Date.parse(event.occurredAt);
  const next = foldOther(settle(plan, at), options, event);
  return { ...next, clock: Math.max(next.clock, at), folded: next.folded + 1 };
}
