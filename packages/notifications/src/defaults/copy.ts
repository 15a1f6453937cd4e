import type { Paragraph } from './layout';
/** The (audience, notification) pairs that have a built-in email (docs/CONTRACT.md §2). */
export const defaultPairs = [
  'user/meeting-scheduled',
  'user/meeting-rescheduled',
  'user/meeting-cancelled',
  'user/meeting-starts-soon',
  'guest/meeting-scheduled',
  'guest/meeting-rescheduled',
  'guest/meeting-cancelled',
  'guest/meeting-starts-soon',
  'guest/wrap-up',
  'guest/review',
] as const;
/** One pair, written `<audience>/<notification>`. */
export type DefaultPair = (typeof defaultPairs)[number];

/** The words of one email that differ by pair: template source. */
export interface EmailCopy {
  readonly subject: string;
  readonly heading: string;
  readonly paragraphs: readonly Paragraph[];
}

/** Everything a language needs to say in the built-in emails (template source, HTML-safe). */
export interface Copy {
  readonly lang: string;
  readonly greeting: string;
  readonly footer: string;
  readonly labels: {
    readonly meeting: string;
    readonly when: string;
    readonly duration: string;
    readonly minutes: string;
    readonly with: string;
    readonly about: string;
    /** Host emails: the first guest's name, address and phone, under the list of every guest. */
    readonly contact: string;
    readonly email: string;
    readonly phone: string;
    readonly reason: string;
    readonly newTime: string;
    readonly previousTime: string;
    readonly plannedFor: string;
  };
  readonly actions: {
    readonly join: string;
    readonly start: string;
    readonly calendar: string;
    readonly reschedule: string;
    readonly cancel: string;
    readonly bookAgain: string;
    readonly followUp: string;
    readonly review: string;
  };
  readonly emails: Readonly<Record<DefaultPair, EmailCopy>>;
}
