import type { Actor, Audience, Customization, Guest, Host, MeetingType, NotificationId } from '@rendezvous/domain';
import type { KeyParts } from './idempotency-key';

/** The person an email is for, with time zone and locale already resolved (docs/CONTRACT.md §2.11). */
export interface Recipient {
  readonly kind: Audience;
  /** userId for the host, guestId for a guest. */
  readonly id: string;
  readonly name: string;
  readonly email: string;
  /** The guest's own zone when given, else the host's. */
  readonly timezone: string;
  /** The recipient's locale, else the account's defaultLocale, else `en`. */
  readonly locale: string;
}

/** The meeting as it stands at the due time, host profile updates applied. */
export interface MeetingSnapshot {
  readonly meetingId: string;
  readonly accountId: string;
  readonly status: 'scheduled' | 'live' | 'completed' | 'cancelled' | 'missed';
  readonly meetingType: MeetingType;
  readonly description?: string;
  readonly start: string;
  readonly end: string;
  readonly host: Host;
  readonly guests: readonly Guest[];
  readonly createdBy: Actor;
  /**
   * The account's hostname when the meeting was scheduled: its ICS UID is
   * `<meetingId>@<calendarHostname>` for life, so a later branding change never splits the
   * meeting into two calendar events. Absent when the account had no branding then.
   */
  readonly calendarHostname?: string;
}


/** The account settings in force at the due time. */
export interface AccountSnapshot {
  readonly accountId: string;
  readonly companyName?: string;
  readonly hostname?: string;
  readonly defaultLocale?: string;
  /**
   * The customizations of this email's pair, one per locale at most (see `customizationFor`);
   * absent means the built-in default template in every locale.
   */
  readonly customizations?: readonly Customization[];
}

/** Everything rendering needs for one due email: planning's output, rendering's input. */
export interface EmailToSend {
  /** Deterministic: `<meetingId>:<notification>:<audience>:<recipientId>:<triggerVersion>`. */
  readonly idempotencyKey: string;
  /** The same key as its parts: what a planning session's `markSent` takes (the string is for storage and printing). */
  readonly key: KeyParts;
  readonly notification: NotificationId;
  readonly audience: Audience;
  readonly dueAt: string;
  readonly recipient: Recipient;
  readonly meeting: MeetingSnapshot;
  readonly account: AccountSnapshot;
  /** ICS SEQUENCE: the meeting's at the due time (0 when scheduled, one higher at every reschedule, reassign and the cancel). */
  readonly sequence: number;
  /** meeting-rescheduled: the reason and the start before it. */
  readonly rescheduling?: { readonly reason: string; readonly previousStart: string; readonly by: Actor };
  /** meeting-cancelled: the reason (for a reassign's previous host: a sentence saying so). */
  readonly cancellation?: { readonly reason: string; readonly by: Actor | 'reassignment' };
  /** wrap-up: the host's note. */
  readonly wrapUpNote?: string;
}
