// What the Northwind admin types into the Email Editor: the template language of
// packages/notifications/TEMPLATES.md, exactly as an admin would write it.

/** The guests' booking confirmation, in the company's own words. */
export const guestConfirmation = {
  subject: '{{ company.name }}: your {{ meeting.type.name|lower }} with {{ meeting.user.name }} on {{ meeting.date }} at {{ meeting.time }}',
  body: [
    '<p>Hello {{ recipient.name }},</p>',
    '<p>Your {{ meeting.type.name|lower }} with {{ meeting.user.name }}{% if meeting.user.jobTitle %}, {{ meeting.user.jobTitle }},{% endif %}',
    'is booked for {{ meeting.date }} at {{ meeting.time }} ({{ meeting.timezone }}), for {{ meeting.type.duration }} minutes.</p>',
    '{% if meeting.description %}<p><em>{{ meeting.description|nl2br }}</em></p>{% endif %}',
    '<p><a href="{{ links.meeting }}">Join the meeting</a> &middot; <a href="{{ links.calendar }}">Add to calendar</a>',
    '&middot; <a href="{{ links.reschedule }}">Reschedule</a> &middot; <a href="{{ links.cancel }}">Cancel</a></p>',
    '{% if meeting.user.phone %}<p>Questions before we meet? Call {{ meeting.user.name }} on {{ meeting.user.phone }}.</p>{% endif %}',
    '<p>{{ company.name }}</p>',
  ].join('\n'),
};

/** The same confirmation in Dutch, saved for locale nl: Dutch guests read this one. */
export const guestConfirmationDutch = {
  subject: '{{ company.name }}: je {{ meeting.type.name|lower }} met {{ meeting.user.name }} op {{ meeting.date }} om {{ meeting.time }}',
  body: [
    '<p>Hallo {{ recipient.name }},</p>',
    '<p>Je {{ meeting.type.name|lower }} met {{ meeting.user.name }}{% if meeting.user.jobTitle %}, {{ meeting.user.jobTitle }},{% endif %}',
    'staat gepland op {{ meeting.date }} om {{ meeting.time }} ({{ meeting.timezone }}), voor {{ meeting.type.duration }} minuten.</p>',
    '{% if meeting.description %}<p><em>{{ meeting.description|nl2br }}</em></p>{% endif %}',
    '<p><a href="{{ links.meeting }}">Deelnemen</a> &middot; <a href="{{ links.calendar }}">Toevoegen aan agenda</a>',
    '&middot; <a href="{{ links.reschedule }}">Verzetten</a> &middot; <a href="{{ links.cancel }}">Annuleren</a></p>',
    '{% if meeting.user.phone %}<p>Vragen vooraf? Bel {{ meeting.user.name }} op {{ meeting.user.phone }}.</p>{% endif %}',
    '<p>{{ company.name }}</p>',
  ].join('\n'),
};

/** The wrap-up note, framed by the company. */
export const guestWrapUp = {
  subject: 'Your notes from {{ meeting.user.name }} ({{ company.name }})',
  body: [
    '<p>Dear {{ recipient.name }},</p>',
    '<p>Thank you for your time today. {{ meeting.user.name }} wrote:</p>',
    '<blockquote>{{ wrapup|nl2br }}</blockquote>',
    '<p>{{ company.name }}</p>',
  ].join('\n'),
};

/** A review request with a typo in a variable name: the editor refuses it and names the fix. */
export const reviewWithTypo = {
  subject: 'How did we do, {{ recipient.nmae }}?',
  body: '<p><a href="{{ links.review }}">Rate your meeting</a></p>',
};
