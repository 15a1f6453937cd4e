import { compilePattern, matchPattern, type CompiledPattern } from './field-paths';

// Who owns each personal field of the catalogue. A guest is a data subject keyed by their email
// address (lower-cased), a host by their userId. Free text belongs to whoever wrote it:
//   MeetingScheduled.description        the booker: the host if createdBy "user", else the first guest
//   MeetingRescheduled/Cancelled.reason by "user": the meeting's current host;
//                                       by "guest": every guest of the meeting (we cannot tell which
//                                       one wrote it, so erasing any of them erases the reason)
//   WrapUpNoteLeft.note                 the meeting's current host
//   MeetingReviewed.comment             the reviewing guest (by guestId)
//   NotificationCustomized.bcc          each address is its own subject
// Those last four name nobody in the event itself: their owners are "parties" of the meeting,
// known from earlier events of the stream (MeetingScheduled, MeetingReassigned, GuestInvited).
// Ids (meetingId, userId, guestId, accountId) stay in clear: stores route by them, so they must
// never be personal (no email addresses as ids). Time zones and locales stay in clear too.

/** A person personal data is about: a guest or other address by email, a host by userId. */
export type DataSubject = { readonly email: string } | { readonly userId: string };

/** The key-store name of a data subject: `email:<lower-cased address>` or `user:<userId>`. */
export function subjectId(subject: DataSubject): string {
  return 'email' in subject ? `email:${subject.email.trim().toLowerCase()}` : `user:${subject.userId}`;
}

/** What an erased value must still look like to pass its codec. */
export type PersonalKind = 'text' | 'email' | 'url';

/** Who owns a field: a subject named in the event, or a party of the meeting known from its stream. */
export type FieldOwner =
  | { readonly kind: 'subject'; readonly subject: string }
  /** `host`, or `guest:<guestId>`. */
  | { readonly kind: 'party'; readonly party: string }
  | { readonly kind: 'allGuests' };

/** One personal value of an event. */
export interface PersonalField {
  readonly segments: readonly (string | number)[];
  readonly path: string;
  readonly kind: PersonalKind;
  readonly value: string;
  /** Who owns the value; worked out on demand, and only meaningful on plaintext data. */
  owners(): readonly FieldOwner[];
}

type Data = Record<string, unknown>;
interface Rule {
  readonly pattern: string;
  readonly kind: PersonalKind;
  readonly owners: (data: Data, indices: readonly number[]) => FieldOwner[];
}

const str = (u: unknown): string => (typeof u === 'string' ? u : '');
const field = (u: unknown, key: string): unknown => (typeof u === 'object' && u !== null ? (u as Data)[key] : undefined);
const emailOwner = (email: unknown): FieldOwner[] => [{ kind: 'subject', subject: subjectId({ email: str(email) }) }];
const userOwner = (userId: unknown): FieldOwner[] => [{ kind: 'subject', subject: subjectId({ userId: str(userId) }) }];

function hostRules(base: string, owners: Rule['owners']): Rule[] {
  const text = ['name', 'phone', 'jobTitle', 'location.name', 'location.city', 'location.state', 'location.postcode', 'location.country'];
  const prefix = base === '' ? '' : `${base}.`;
  return [
    ...text.map((f): Rule => ({ pattern: `${prefix}${f}`, kind: 'text', owners })),
    { pattern: `${prefix}email`, kind: 'email', owners },
    { pattern: `${prefix}profileUrl`, kind: 'url', owners },
  ];
}

function guestRules(base: string, owners: Rule['owners']): Rule[] {
  return [
    { pattern: `${base}.name`, kind: 'text', owners },
    { pattern: `${base}.email`, kind: 'email', owners },
    { pattern: `${base}.phone`, kind: 'text', owners },
  ];
}

const hostOf = (data: Data): FieldOwner[] => userOwner(field(data['host'], 'userId'));
const byActor = (data: Data): FieldOwner[] => (data['by'] === 'user' ? [{ kind: 'party', party: 'host' }] : [{ kind: 'allGuests' }]);

const ruleList: Readonly<Record<string, readonly Rule[]>> = {
  MeetingScheduled: [
    ...hostRules('host', hostOf),
    ...guestRules('guests.*', (data, [i]) => emailOwner(field(Array.isArray(data['guests']) ? data['guests'][i ?? 0] : undefined, 'email'))),
    {
      pattern: 'description',
      kind: 'text',
      owners: (data) => (data['createdBy'] === 'guest' && Array.isArray(data['guests']) ? emailOwner(field(data['guests'][0], 'email')) : hostOf(data)),
    },
  ],
  MeetingRescheduled: [{ pattern: 'reason', kind: 'text', owners: byActor }],
  MeetingCancelled: [{ pattern: 'reason', kind: 'text', owners: byActor }],
  MeetingReassigned: hostRules('host', hostOf),
  GuestInvited: guestRules('guest', (data) => emailOwner(field(data['guest'], 'email'))),
  WrapUpNoteLeft: [{ pattern: 'note', kind: 'text', owners: () => [{ kind: 'party', party: 'host' }] }],
  MeetingReviewed: [{ pattern: 'comment', kind: 'text', owners: (data) => [{ kind: 'party', party: `guest:${str(data['guestId'])}` }] }],
  UserProfileUpdated: hostRules('', (data) => userOwner(data['userId'])),
  NotificationCustomized: [
    { pattern: 'bcc.*', kind: 'email', owners: (data, [i]) => emailOwner(Array.isArray(data['bcc']) ? data['bcc'][i ?? 0] : undefined) },
  ],
};

const rules = new Map<string, readonly (Rule & { readonly compiled: CompiledPattern })[]>(
  Object.entries(ruleList).map(([type, list]) => [type, list.map((rule) => ({ ...rule, compiled: compilePattern(rule.pattern) }))]),
);

/** The personal values present in the (plain or stored) data of an event of type `type`. */
export function personalFields(type: string, data: unknown): PersonalField[] {
  const list = rules.get(type);
  if (list === undefined || typeof data !== 'object' || data === null) return [];
  const fields: PersonalField[] = [];
  for (const rule of list) {
    for (const m of matchPattern(data, rule.compiled)) {
      fields.push({ segments: m.segments, path: m.path, kind: rule.kind, value: m.value, owners: () => rule.owners(data as Data, m.indices) });
    }
  }
  return fields;
}

/** The parties of a meeting an event introduces (`host`, `guest:<guestId>`), with their subjects. */
export function partiesIntroduced(type: string, data: unknown): { readonly party: string; readonly subject: string }[] {
  const d = (typeof data === 'object' && data !== null ? data : {}) as Data;
  const host = (h: unknown) => ({ party: 'host', subject: subjectId({ userId: str(field(h, 'userId')) }) });
  const guest = (g: unknown) => ({ party: `guest:${str(field(g, 'guestId'))}`, subject: subjectId({ email: str(field(g, 'email')) }) });
  switch (type) {
    case 'MeetingScheduled':
      return [host(d['host']), ...(Array.isArray(d['guests']) ? d['guests'].map(guest) : [])];
    case 'MeetingReassigned':
      return [host(d['host'])];
    case 'GuestInvited':
      return [guest(d['guest'])];
    default:
      return [];
  }
}

/** The values a party owner stands for: `host`, one guest, or every `guest:` entry. */
export function resolveParty<V>(owner: FieldOwner, parties: ReadonlyMap<string, V>): V[] {
  if (owner.kind === 'subject') return [];
  if (owner.kind === 'party') {
    const value = parties.get(owner.party);
    return value === undefined ? [] : [value];
  }
  return [...parties.entries()].filter(([party]) => party.startsWith('guest:')).map(([, value]) => value);
}
