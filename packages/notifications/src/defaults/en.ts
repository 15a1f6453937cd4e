import type { Copy } from './copy';

/** The built-in emails in English. */
export const english: Copy = {
  lang: 'en',
  greeting: 'Hi {{ recipient.name }},',
  footer: 'Sent by {{ company.name }} &middot; <a href="https://{{ general.hostname }}/" style="color:#9ca3af;">{{ general.hostname }}</a>',
  labels: {
    meeting: 'Meeting',
    when: 'When',
    duration: 'Duration',
    minutes: 'minutes',
    with: 'With',
    about: 'About',
    contact: 'Contact',
    email: 'Email',
    phone: 'Phone',
    reason: 'Reason',
    newTime: 'New time',
    previousTime: 'Was',
    plannedFor: 'Was planned for',
  },
  actions: {
    join: 'Join the meeting',
    start: 'Start the meeting',
    calendar: 'Add to calendar',
    reschedule: 'Reschedule',
    cancel: 'Cancel',
    bookAgain: 'Book a new time',
    followUp: 'Book a follow-up',
    review: 'Rate the meeting',
  },
  emails: {
    'guest/meeting-scheduled': {
      subject: 'Confirmed: {{ meeting.type.name }} with {{ meeting.user.name }} on {{ meeting.date }} at {{ meeting.time }}',
      heading: 'Your meeting is confirmed',
      paragraphs: [
        '{% if meeting.isCreatedByGuest %}Thank you for booking a meeting with {{ meeting.user.name }}.{% else %}{{ meeting.user.name }} has invited you to a meeting.{% endif %} Here are the details; the button below takes you straight into the meeting room.',
      ],
    },
    'user/meeting-scheduled': {
      subject: 'New meeting: {{ meeting.type.name }} with {{ meeting.guests }} on {{ meeting.date }} at {{ meeting.time }}',
      heading: 'A new meeting is in your calendar',
      paragraphs: [
        '{% if meeting.isCreatedByGuest %}{{ meeting.guest.name }} booked a meeting with you.{% else %}A meeting with {{ meeting.guests }} is scheduled for you.{% endif %} Here are the details.',
      ],
    },
    'guest/meeting-rescheduled': {
      subject: 'Rescheduled: {{ meeting.type.name }} with {{ meeting.user.name }}, now on {{ meeting.date }} at {{ meeting.time }}',
      heading: 'Your meeting has a new time',
      paragraphs: ['Your meeting with {{ meeting.user.name }} has moved to {{ meeting.date }} at {{ meeting.time }}. The calendar invitation in this email updates your calendar.'],
    },
    'user/meeting-rescheduled': {
      subject: 'Rescheduled: {{ meeting.type.name }} with {{ meeting.guests }}, now on {{ meeting.date }} at {{ meeting.time }}',
      heading: 'Your meeting has a new time',
      paragraphs: ['Your meeting with {{ meeting.guests }} has moved to {{ meeting.date }} at {{ meeting.time }}. The calendar invitation in this email updates your calendar.'],
    },
    'guest/meeting-cancelled': {
      subject: 'Cancelled: {{ meeting.type.name }} with {{ meeting.user.name }} on {{ meeting.date }}',
      heading: 'Your meeting has been cancelled',
      paragraphs: [
        'Your meeting with {{ meeting.user.name }} on {{ meeting.date }} at {{ meeting.time }} will not take place.',
        // Only with a button to press: links.profile is empty for a host without a profile page.
        { text: 'Would you like to meet at another time? You can book a new meeting with the button below.', when: 'links.profile' },
      ],
    },
    'user/meeting-cancelled': {
      subject: 'Cancelled: {{ meeting.type.name }} with {{ meeting.guests }} on {{ meeting.date }}',
      heading: 'A meeting has been cancelled',
      paragraphs: ['Your meeting with {{ meeting.guests }} on {{ meeting.date }} at {{ meeting.time }} will not take place. The time is free again in your calendar.'],
    },
    'guest/meeting-starts-soon': {
      subject: 'Starting soon: {{ meeting.type.name }} with {{ meeting.user.name }} at {{ meeting.time }}',
      heading: 'Your meeting starts soon',
      paragraphs: ['Your meeting with {{ meeting.user.name }} starts at {{ meeting.time }} ({{ meeting.timezone }}). Join a few minutes early to check your camera and microphone.'],
    },
    'user/meeting-starts-soon': {
      subject: 'Starting soon: {{ meeting.type.name }} with {{ meeting.guests }} at {{ meeting.time }}',
      heading: 'Your meeting starts soon',
      paragraphs: ['Your meeting with {{ meeting.guests }} starts at {{ meeting.time }} ({{ meeting.timezone }}).'],
    },
    'guest/wrap-up': {
      subject: 'A note from {{ meeting.user.name }} after your {{ meeting.type.name }}',
      heading: 'A note from {{ meeting.user.name }}',
      paragraphs: ['Thank you for meeting with {{ meeting.user.name }} on {{ meeting.date }}. Here is the note {{ meeting.user.name }} left for you:'],
    },
    'guest/review': {
      subject: 'How was your {{ meeting.type.name }} with {{ meeting.user.name }}?',
      heading: 'How did it go?',
      paragraphs: ['Thank you for meeting with {{ meeting.user.name }} on {{ meeting.date }}. Would you take a minute to rate the meeting? Your feedback helps {{ company.name }} get better.'],
    },
  },
};
