import type { Copy } from './copy';

/** The built-in emails in Dutch. */
export const dutch: Copy = {
  lang: 'nl',
  greeting: 'Hallo {{ recipient.name }},',
  footer: 'Verstuurd door {{ company.name }} &middot; <a href="https://{{ general.hostname }}/" style="color:#9ca3af;">{{ general.hostname }}</a>',
  labels: {
    meeting: 'Afspraak',
    when: 'Wanneer',
    duration: 'Duur',
    minutes: 'minuten',
    with: 'Met',
    about: 'Omschrijving',
    contact: 'Contact',
    email: 'E-mail',
    phone: 'Telefoon',
    reason: 'Reden',
    newTime: 'Nieuwe tijd',
    previousTime: 'Was',
    plannedFor: 'Was gepland op',
  },
  actions: {
    join: 'Deelnemen aan de meeting',
    start: 'Meeting starten',
    calendar: 'Toevoegen aan agenda',
    reschedule: 'Verzetten',
    cancel: 'Annuleren',
    bookAgain: 'Nieuwe tijd kiezen',
    followUp: 'Vervolgafspraak plannen',
    review: 'Afspraak beoordelen',
  },
  emails: {
    'guest/meeting-scheduled': {
      subject: 'Bevestigd: {{ meeting.type.name }} met {{ meeting.user.name }} op {{ meeting.date }} om {{ meeting.time }}',
      heading: 'Je afspraak is bevestigd',
      paragraphs: [
        '{% if meeting.isCreatedByGuest %}Bedankt voor het inplannen van een afspraak met {{ meeting.user.name }}.{% else %}{{ meeting.user.name }} heeft je uitgenodigd voor een afspraak.{% endif %} Hieronder vind je de details; met de knop kom je direct in de meetingruimte.',
      ],
    },
    'user/meeting-scheduled': {
      subject: 'Nieuwe afspraak: {{ meeting.type.name }} met {{ meeting.guests }} op {{ meeting.date }} om {{ meeting.time }}',
      heading: 'Er staat een nieuwe afspraak in je agenda',
      paragraphs: [
        '{% if meeting.isCreatedByGuest %}{{ meeting.guest.name }} heeft een afspraak met je ingepland.{% else %}Er is een afspraak met {{ meeting.guests }} voor je ingepland.{% endif %} Hieronder vind je de details.',
      ],
    },
    'guest/meeting-rescheduled': {
      subject: 'Verzet: {{ meeting.type.name }} met {{ meeting.user.name }}, nu op {{ meeting.date }} om {{ meeting.time }}',
      heading: 'Je afspraak heeft een nieuwe tijd',
      paragraphs: ['Je afspraak met {{ meeting.user.name }} is verzet naar {{ meeting.date }} om {{ meeting.time }}. Met de agenda-uitnodiging in deze e-mail werk je je agenda bij.'],
    },
    'user/meeting-rescheduled': {
      subject: 'Verzet: {{ meeting.type.name }} met {{ meeting.guests }}, nu op {{ meeting.date }} om {{ meeting.time }}',
      heading: 'Je afspraak heeft een nieuwe tijd',
      paragraphs: ['Je afspraak met {{ meeting.guests }} is verzet naar {{ meeting.date }} om {{ meeting.time }}. Met de agenda-uitnodiging in deze e-mail werk je je agenda bij.'],
    },
    'guest/meeting-cancelled': {
      subject: 'Geannuleerd: {{ meeting.type.name }} met {{ meeting.user.name }} op {{ meeting.date }}',
      heading: 'Je afspraak is geannuleerd',
      paragraphs: [
        'Je afspraak met {{ meeting.user.name }} op {{ meeting.date }} om {{ meeting.time }} gaat niet door.',
        // Only with a button to press: links.profile is empty for a host without a profile page.
        { text: 'Wil je op een ander moment afspreken? Met de knop hieronder plan je een nieuwe afspraak.', when: 'links.profile' },
      ],
    },
    'user/meeting-cancelled': {
      subject: 'Geannuleerd: {{ meeting.type.name }} met {{ meeting.guests }} op {{ meeting.date }}',
      heading: 'Een afspraak is geannuleerd',
      paragraphs: ['Je afspraak met {{ meeting.guests }} op {{ meeting.date }} om {{ meeting.time }} gaat niet door. Die tijd is weer vrij in je agenda.'],
    },
    'guest/meeting-starts-soon': {
      subject: 'Begint zo: {{ meeting.type.name }} met {{ meeting.user.name }} om {{ meeting.time }}',
      heading: 'Je afspraak begint zo',
      paragraphs: ['Je afspraak met {{ meeting.user.name }} begint om {{ meeting.time }} ({{ meeting.timezone }}). Kom een paar minuten eerder binnen om je camera en microfoon te testen.'],
    },
    'user/meeting-starts-soon': {
      subject: 'Begint zo: {{ meeting.type.name }} met {{ meeting.guests }} om {{ meeting.time }}',
      heading: 'Je afspraak begint zo',
      paragraphs: ['Je afspraak met {{ meeting.guests }} begint om {{ meeting.time }} ({{ meeting.timezone }}).'],
    },
    'guest/wrap-up': {
      subject: 'Een bericht van {{ meeting.user.name }} na je {{ meeting.type.name }}',
      heading: 'Een bericht van {{ meeting.user.name }}',
      paragraphs: ['Bedankt voor je afspraak met {{ meeting.user.name }} op {{ meeting.date }}. Dit bericht heeft {{ meeting.user.name }} voor je achtergelaten:'],
    },
    'guest/review': {
      subject: 'Hoe was je {{ meeting.type.name }} met {{ meeting.user.name }}?',
      heading: 'Hoe was het?',
      paragraphs: ['Bedankt voor je afspraak met {{ meeting.user.name }} op {{ meeting.date }}. Wil je even de tijd nemen om de afspraak te beoordelen? Met je feedback wordt {{ company.name }} nog beter.'],
    },
  },
};
