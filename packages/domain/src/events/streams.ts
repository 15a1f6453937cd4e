import type { DomainEvent } from './catalogue';
import { deliveryStream } from './delivery';

/** The stream a meeting's events live in. */
export const meetingStream = (meetingId: string): string => `meeting-${meetingId}`;
/** The stream a user's profile events live in. */
export const userStream = (userId: string): string => `user-${userId}`;
/** The stream an account's settings events live in. */
export const accountStream = (accountId: string): string => `account-${accountId}`;

/** The stream an event belongs to, from its type and data. */
export function streamOf(event: DomainEvent): string {
  switch (event.type) {
    case 'UserProfileUpdated':
      return userStream(event.data.userId);
    case 'BrandingConfigured':
    case 'NotificationCustomized':
    case 'NotificationEnabled':
    case 'NotificationDisabled':
      return accountStream(event.data.accountId);
    case 'EmailClaimed':
    case 'EmailSent':
    case 'EmailFailed':
    case 'EmailSkipped':
      return deliveryStream(event.data.meetingId, event.data.dueAt);
    default:
      return meetingStream(event.data.meetingId);
  }
}
