import { account, anna, ben, chloe, lotte, priya, sam, tom } from './cast';
import { onAccount, onMeeting, onProfile, type Issue } from './commands';
import { guestConfirmation, guestConfirmationDutch, guestWrapUp, reviewWithTypo } from './templates';

/** One thing someone does in the story, at a moment of the virtual clock. */
export interface Step {
  /** When (UTC). */
  readonly at: string;
  /** Who acts: a role or a person's name. */
  readonly who: string;
  /** What they do, in one sentence. */
  readonly what: string;
  readonly issue: Issue;
}

/** The demo starts here (a Monday morning, UTC). */
export const storyStart = '2026-03-02T07:00:00Z';
/** ...and runs the clock to here, after the last email is due. */
export const storyEnd = '2026-03-04T18:00:00Z';

const { accountId } = account;
const intro = { meetingId: 'm-intro', accountId, meetingType: { name: 'Intro call', durationMinutes: 30 } };

/** Three days at Northwind Advisory, in the order they happen. */
export const story: readonly Step[] = [
  {
    at: '2026-03-02T08:00:00Z',
    who: 'admin',
    what: `Sets the branding: ${account.companyName} at ${account.hostname}.`,
    issue: onAccount({ type: 'ConfigureBranding', ...account, defaultLocale: 'en' }),
  },
  {
    at: '2026-03-02T08:05:00Z',
    who: 'admin',
    what: "Customizes the guests' meeting-scheduled email in the Email Editor.",
    issue: onAccount({ type: 'CustomizeNotification', accountId, audience: 'guest', notification: 'meeting-scheduled', ...guestConfirmation }),
  },
  {
    at: '2026-03-02T08:05:30Z',
    who: 'admin',
    what: 'Saves the same confirmation in Dutch, for Dutch guests.',
    issue: onAccount({ type: 'CustomizeNotification', accountId, audience: 'guest', notification: 'meeting-scheduled', locale: 'nl', ...guestConfirmationDutch }),
  },
  {
    at: '2026-03-02T08:06:00Z',
    who: 'admin',
    what: "Customizes the guests' wrap-up email.",
    issue: onAccount({ type: 'CustomizeNotification', accountId, audience: 'guest', notification: 'wrap-up', ...guestWrapUp }),
  },
  {
    at: '2026-03-02T08:07:00Z',
    who: 'admin',
    what: 'Tries to save a review email with a typo in a variable name.',
    issue: onAccount({ type: 'CustomizeNotification', accountId, audience: 'guest', notification: 'review', ...reviewWithTypo }),
  },
  {
    at: '2026-03-02T08:10:00Z',
    who: 'admin',
    what: 'Turns off the starts-soon reminder for hosts.',
    issue: onAccount({ type: 'DisableNotification', accountId, audience: 'user', notification: 'meeting-starts-soon' }),
  },
  {
    at: '2026-03-02T09:00:00Z',
    who: sam.name,
    what: `Books an intro call with ${anna.name} (m-intro) for Tue 03 Mar 14:00.`,
    issue: onMeeting({
      type: 'ScheduleMeeting',
      ...intro,
      description: 'First conversation about a retirement plan.',
      start: '2026-03-03T14:00:00Z',
      host: anna,
      guests: [sam],
      createdBy: 'guest',
    }),
  },
  {
    at: '2026-03-02T09:30:00Z',
    who: ben.name,
    what: `Plans a financial plan review with ${priya.name} (m-plan) for Wed 04 Mar 13:00.`,
    issue: onMeeting({
      type: 'ScheduleMeeting',
      meetingId: 'm-plan',
      accountId,
      meetingType: { name: 'Financial plan review', durationMinutes: 60 },
      start: '2026-03-04T13:00:00Z',
      host: ben,
      guests: [priya],
      createdBy: 'user',
    }),
  },
  {
    at: '2026-03-02T10:00:00Z',
    who: tom.name,
    what: `Books a tax check-in with ${anna.name} (m-tax) for Tue 03 Mar 16:00.`,
    issue: onMeeting({
      type: 'ScheduleMeeting',
      meetingId: 'm-tax',
      accountId,
      meetingType: { name: 'Tax check-in', durationMinutes: 30 },
      start: '2026-03-03T16:00:00Z',
      host: anna,
      guests: [tom],
      createdBy: 'guest',
    }),
  },
  {
    at: '2026-03-02T10:30:00Z',
    who: sam.name,
    what: `Books pension advice with ${ben.name} (m-pension) for Thu 05 Mar 15:00.`,
    issue: onMeeting({
      type: 'ScheduleMeeting',
      meetingId: 'm-pension',
      accountId,
      meetingType: { name: 'Pension advice', durationMinutes: 45 },
      start: '2026-03-05T15:00:00Z',
      host: ben,
      guests: [sam],
      createdBy: 'guest',
    }),
  },
  {
    at: '2026-03-02T11:00:00Z',
    who: anna.name,
    what: 'Updates My Account: job title Senior Advisor, phone +31 20 555 0143 (her next emails show them).',
    issue: onProfile({ type: 'UpdateUserProfile', userId: anna.userId, jobTitle: 'Senior Advisor', phone: '+31 20 555 0143' }),
  },
  {
    at: '2026-03-02T11:30:00Z',
    who: anna.name,
    what: `Invites ${lotte.name} to the intro call (m-intro).`,
    issue: onMeeting({ type: 'InviteGuest', meetingId: 'm-intro', guest: lotte }),
  },
  {
    at: '2026-03-03T08:00:00Z',
    who: ben.name,
    what: `Hands the financial plan review (m-plan) to ${chloe.name}, whose calendar shows her busy.`,
    issue: onMeeting({ type: 'ReassignMeeting', meetingId: 'm-plan', host: chloe, hostAvailable: false }),
  },
  {
    at: '2026-03-03T09:15:00Z',
    who: sam.name,
    what: 'Cancels the pension advice (m-pension).',
    issue: onMeeting({ type: 'CancelMeeting', meetingId: 'm-pension', reason: 'I would rather wait until my tax return is done.', by: 'guest' }),
  },
  {
    at: '2026-03-03T13:30:00Z',
    who: tom.name,
    what: 'Moves the tax check-in (m-tax) one hour earlier, to 15:00 today.',
    issue: onMeeting({ type: 'RescheduleMeeting', meetingId: 'm-tax', start: '2026-03-03T15:00:00Z', reason: 'My train home leaves earlier.', by: 'guest' }),
  },
  {
    at: '2026-03-03T14:00:00Z',
    who: anna.name,
    what: 'Starts the intro call (m-intro): it is LIVE.',
    issue: onMeeting({ type: 'StartMeeting', meetingId: 'm-intro' }),
  },
  {
    at: '2026-03-03T14:10:00Z',
    who: sam.name,
    what: 'Tries to move the intro call (m-intro) to Friday.',
    issue: onMeeting({ type: 'RescheduleMeeting', meetingId: 'm-intro', start: '2026-03-06T14:00:00Z', reason: 'Something came up.', by: 'guest' }),
  },
  {
    at: '2026-03-03T14:40:00Z',
    who: anna.name,
    what: 'Ends the intro call (m-intro).',
    issue: onMeeting({ type: 'EndMeeting', meetingId: 'm-intro' }),
  },
  {
    at: '2026-03-03T14:50:00Z',
    who: anna.name,
    what: 'Leaves a wrap-up note for the guests of m-intro.',
    issue: onMeeting({
      type: 'LeaveWrapUpNote',
      meetingId: 'm-intro',
      note: 'Great to meet you both.\nNext step: send me your last three payslips and I will draft a plan.',
    }),
  },
  {
    at: '2026-03-03T15:05:00Z',
    who: sam.name,
    what: 'Reviews the intro call (m-intro): 5 out of 5.',
    issue: onMeeting({ type: 'ReviewMeeting', meetingId: 'm-intro', guestId: sam.guestId, rating: 5, comment: 'Clear and friendly.' }),
  },
];
