// JSON Schemas of what the routes read and answer, for GET /openapi.json (docs/CONTRACT.md §5).
// They describe; the routes still decode with the library's io-ts codecs, which have the last
// word and name the field path. The tests check every answer against the document, and the
// fuzzer generates requests from it, so a schema that drifts from the code fails a test.

/** A JSON Schema, as OpenAPI 3.1 takes it. */
export type Schema = Readonly<Record<string, unknown>>;

const text = (description: string, example?: string): Schema => ({ type: 'string', minLength: 1, description, ...(example === undefined ? {} : { examples: [example] }) });
export const instant: Schema = { type: 'string', format: 'date-time', description: 'ISO 8601 with an offset, e.g. 2030-03-02T09:00:00Z', examples: ['2030-03-02T09:00:00Z'] };
const email: Schema = { type: 'string', format: 'email', examples: ['gus@example.org'] };
const timezone: Schema = { type: 'string', description: 'an IANA time zone', examples: ['Europe/Amsterdam', 'America/New_York'] };
const locale: Schema = { type: 'string', description: 'a BCP 47 tag', examples: ['en', 'nl', 'nl-BE'] };
const by: Schema = { type: 'string', enum: ['user', 'guest'] };
export const version: Schema = { type: 'integer', minimum: -1, description: 'the stream version after the command; send it back in If-Match' };

const object = (properties: Record<string, Schema>, required: readonly string[] = [], extra: Record<string, unknown> = {}): Schema => ({
  type: 'object',
  properties,
  required: [...required],
  ...extra,
});

export const host = object(
  {
    userId: text('the host user id', 'u-hanna'),
    name: text('the name shown in emails', 'Hanna de Vries'),
    email,
    timezone,
    locale,
    phone: { type: 'string' },
    jobTitle: { type: 'string' },
    location: object({ name: { type: 'string' }, city: { type: 'string' }, state: { type: 'string' }, postcode: { type: 'string' }, country: { type: 'string' } }),
    profileUrl: { type: 'string' },
  },
  ['userId', 'name', 'email', 'timezone'],
);

export const guest = object(
  { guestId: text('the guest id', 'g-gus'), name: text('the name shown in emails', 'Gus Guest'), email, timezone, locale, phone: { type: 'string' } },
  ['guestId', 'name', 'email'],
);

/** The request bodies of the meeting commands (the fields of their event, docs/CONTRACT.md §1). */
export const meetingBodies = {
  schedule: object(
    {
      meetingId: { type: 'string', minLength: 1, description: 'optional; a UUID is generated when left out' },
      accountId: text('the account', 'acme'),
      meetingType: object({ name: text('the meeting type', 'Intro call'), durationMinutes: { type: 'integer', minimum: 1, examples: [30] } }, ['name', 'durationMinutes']),
      description: { type: 'string' },
      start: instant,
      host,
      guests: { type: 'array', items: guest, minItems: 1 },
      createdBy: by,
    },
    ['accountId', 'meetingType', 'start', 'host', 'guests', 'createdBy'],
  ),
  reschedule: object({ start: instant, reason: text('why', 'A clash'), by }, ['start', 'reason', 'by']),
  reassign: object({ host, hostAvailable: { type: 'boolean' } }, ['host', 'hostAvailable']),
  guests: object({ guest }, ['guest']),
  cancel: object({ reason: text('why', 'The guest is ill'), by }, ['reason', 'by']),
  start: object({}),
  end: object({}),
  'wrap-up': object({ note: text('the note to the guests', 'Thanks for your time!') }, ['note']),
  reviews: object({ guestId: text('the reviewing guest', 'g-gus'), rating: { type: 'integer', minimum: 1, maximum: 5 }, comment: { type: 'string' } }, ['guestId', 'rating']),
} as const satisfies Record<string, Schema>;

export const meetingStatus: Schema = { type: 'string', enum: ['scheduled', 'live', 'completed', 'cancelled', 'missed'] };

export const meetingView = object(
  {
    meetingId: { type: 'string' },
    accountId: { type: 'string' },
    status: meetingStatus,
    start: instant,
    meetingType: object({ name: { type: 'string' }, durationMinutes: { type: 'integer' } }, ['name', 'durationMinutes']),
    description: { type: 'string' },
    host,
    hostAvailable: { type: 'boolean' },
    guests: { type: 'array', items: guest },
    createdBy: by,
    previousStart: instant,
    cancellation: { type: 'object' },
    wrapUpNote: { type: 'string' },
    reviews: { type: 'object', description: 'by guestId: rating and comment' },
    version,
  },
  ['meetingId', 'accountId', 'status', 'start', 'meetingType', 'host', 'guests', 'createdBy', 'reviews', 'version'],
);

export const audience: Schema = { type: 'string', enum: ['user', 'guest'] };
export const notification: Schema = { type: 'string', enum: ['meeting-scheduled', 'meeting-rescheduled', 'meeting-cancelled', 'meeting-starts-soon', 'wrap-up', 'review'] };

const attachment = object(
  { filename: text('the file name', 'terms.pdf'), contentType: text('its media type', 'application/pdf'), contentBase64: { type: 'string', contentEncoding: 'base64', examples: ['JVBERi0xLjQK'] } },
  ['filename', 'contentType', 'contentBase64'],
);
const attachmentSummary = object({ filename: { type: 'string' }, contentType: { type: 'string' }, bytes: { type: 'integer', minimum: 0 }, contentBase64: { type: 'string' } }, ['filename', 'contentType', 'bytes']);

export const accountBodies = {
  branding: object({ companyName: text('shown in every email', 'Acme'), hostname: text('where links point', 'meet.acme.example'), defaultLocale: locale }, ['companyName', 'hostname']),
  customization: object(
    {
      locale,
      subject: { type: 'string', description: 'template text (docs/CONTRACT.md §3)', examples: ['Booked: {{ meeting.type.name }}'] },
      body: { type: 'string', description: 'template text with the allowed HTML', examples: ['<p>Hello {{ recipient.name }},</p>'] },
      bcc: { type: 'array', items: email, maxItems: 10 },
      attachments: { type: 'array', items: attachment },
    },
    ['subject', 'body'],
  ),
  toggle: object({}),
  preview: object({ subject: { type: 'string' }, body: { type: 'string' }, bcc: { type: 'array', items: email }, attachments: { type: 'array', items: attachment }, locale }),
} as const satisfies Record<string, Schema>;

export const accountChange = object({ version, changed: { type: 'boolean', description: 'false when the account already was so (nothing recorded)' } }, ['version', 'changed']);

const pairView = object(
  {
    notification,
    enabled: { type: 'boolean' },
    customized: { type: 'boolean' },
    customizedLocales: { type: 'array', items: { type: ['string', 'null'] } },
    template: object({ locale: { type: 'string' }, subject: { type: 'string' }, body: { type: 'string' }, bcc: { type: 'array', items: { type: 'string' } }, attachments: { type: 'array', items: attachmentSummary } }, ['subject', 'body', 'bcc', 'attachments']),
    builtIn: object({ subject: { type: 'string' }, body: { type: 'string' } }, ['subject', 'body']),
  },
  ['notification', 'enabled', 'customized', 'customizedLocales', 'template', 'builtIn'],
);
const audienceView = object({ total: { type: 'integer' }, active: { type: 'integer' }, disabled: { type: 'integer' }, pairs: { type: 'array', items: pairView } }, ['total', 'active', 'disabled', 'pairs']);

export const accountOverview = object(
  { accountId: { type: 'string' }, version, branding: object({ companyName: { type: 'string' }, hostname: { type: 'string' }, defaultLocale: { type: 'string' } }), locale: { type: 'string' }, user: audienceView, guest: audienceView },
  ['accountId', 'version', 'locale', 'user', 'guest'],
);

export const renderedEmail = object(
  {
    notification,
    audience,
    from: {},
    to: { type: 'array' },
    bcc: { type: 'array' },
    subject: { type: 'string' },
    text: { type: 'string' },
    html: { type: 'string' },
    attachments: { type: 'array', items: attachmentSummary },
    calendar: {},
    sentAt: instant,
  },
  ['notification', 'audience', 'to', 'subject', 'text', 'html', 'attachments'],
);

export const linkCheck = object({ meetingId: { type: 'string' }, audience, recipient: { type: 'string' }, status: meetingStatus }, ['meetingId', 'audience', 'recipient', 'status']);

const subjectName: Schema = { type: 'string', description: 'email:<address> or user:<userId>' };
export const subjectExport = object(
  {
    email: { type: 'string' },
    erased: { type: 'boolean' },
    restricted: { type: 'boolean' },
    subjects: { type: 'array', items: object({ subject: subjectName, erased: { type: 'boolean' }, restricted: { type: 'boolean' }, events: { type: 'array' } }, ['subject', 'erased', 'restricted', 'events']) },
  },
  ['email', 'erased', 'restricted', 'subjects'],
);
export const subjectAction = (flag: 'restricted' | 'erased'): Schema => object({ email: { type: 'string' }, [flag]: { type: 'boolean' }, subjects: { type: 'array', items: subjectName } }, ['email', flag, 'subjects']);
