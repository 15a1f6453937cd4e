import * as E from 'fp-ts/Either';
import type { DeliveryEvent, DomainEvent, MeetingState } from '@rendezvous/domain';
import { checkMeetingEvent, evolveMeeting, initialMeetingState } from '@rendezvous/domain';
import { evolveAccount, initialAccountState, type AccountState } from '@rendezvous/domain';
import { checkAccountEvent } from '../account/decider';

/** Accepts the records of one history in order, refusing one that no valid command could have recorded. */
export interface HistoryChecker {
  /** Checks `event` against the state so far and, when it is possible, folds it in. */
  accept(event: Exclude<DomainEvent, DeliveryEvent>): E.Either<string, void>;
}

/**
 * A checker for one replay. Meeting events go through the meeting rules, account events
 * through the account rules (templates must compile); profile updates need only their shape.
 * The maps are private to one replay, so they are updated in place: copying them per record
 * would make long histories quadratic.
 */
export function createHistoryChecker(): HistoryChecker {
  const meetings = new Map<string, MeetingState>();
  const accounts = new Map<string, AccountState>();
  return {
    accept(event) {
      switch (event.type) {
        case 'MeetingScheduled':
        case 'MeetingRescheduled':
        case 'MeetingReassigned':
        case 'GuestInvited':
        case 'MeetingCancelled':
        case 'MeetingStarted':
        case 'MeetingEnded':
        case 'WrapUpNoteLeft':
        case 'MeetingReviewed': {
          const id = event.data.meetingId;
          const before = meetings.get(id) ?? initialMeetingState;
          const checked = checkMeetingEvent(before, event);
          if (E.isLeft(checked)) return E.left(checked.left.message);
          meetings.set(id, evolveMeeting(before, event));
          return E.right(undefined);
        }
        case 'BrandingConfigured':
        case 'NotificationCustomized':
        case 'NotificationEnabled':
        case 'NotificationDisabled': {
          const id = event.data.accountId;
          const before = accounts.get(id) ?? initialAccountState;
          const checked = checkAccountEvent(before, event);
          if (E.isLeft(checked)) return E.left(checked.left.message);
          accounts.set(id, evolveAccount(before, event));
          return E.right(undefined);
        }
        case 'UserProfileUpdated':
          return E.right(undefined);
      }
    },
  };
}
