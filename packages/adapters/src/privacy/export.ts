import type { EventStore } from '../store/port';
import { isErasedValue } from './erased';
import type { KeyStore } from './keys';
import { partiesIntroduced, personalFields, resolveParty, subjectId, type DataSubject } from './subjects';

/** One event that holds personal data about the subject, with only those fields. */
export interface ExportedEvent {
  readonly streamId: string;
  readonly version: number;
  readonly type: string;
  readonly occurredAt: string;
  /** Field path (`data.guests.0.name`) to the value held about the subject. */
  readonly fields: Readonly<Record<string, string>>;
}

/** Everything held about one data subject (right of access and data portability), as JSON. */
export interface SubjectExport {
  readonly subject: DataSubject;
  /** True when the subject was erased: what was held reads back as markers and is left out. */
  readonly erased: boolean;
  readonly restricted: boolean;
  readonly events: readonly ExportedEvent[];
}

/**
 * Collects every personal field about `subject` from the whole history (one `readAll` scan,
 * decrypted by the store's serializer), with the same owners the encrypting serializer uses.
 */
export async function exportSubject(store: EventStore, keyStore: KeyStore, subject: DataSubject): Promise<SubjectExport> {
  const wanted = subjectId(subject);
  const parties = new Map<string, Map<string, string>>();
  const events: ExportedEvent[] = [];
  for await (const { streamId, version, event } of store.readAll()) {
    const stream = parties.get(streamId) ?? new Map<string, string>();
    for (const { party, subject: s } of partiesIntroduced(event.type, event.data)) stream.set(party, s);
    if (stream.size > 0) parties.set(streamId, stream);
    const fields: Record<string, string> = {};
    for (const field of personalFields(event.type, event.data)) {
      if (isErasedValue(field.value)) continue;
      const owners = field.owners().flatMap((o) => (o.kind === 'subject' ? [o.subject] : resolveParty(o, stream)));
      if (owners.includes(wanted)) fields[field.path] = field.value;
    }
    if (Object.keys(fields).length > 0) events.push({ streamId, version, type: event.type, occurredAt: event.occurredAt, fields });
  }
  const [erased, restricted] = await Promise.all([keyStore.isDestroyed(wanted), keyStore.isRestricted(wanted)]);
  return { subject, erased, restricted, events };
}

/**
 * The subjects an email address stands for: the address itself, and every host (userId) that
 * went by it. What the privacy routes use, since a person asks by address, not by userId.
 */
export async function subjectsByEmail(store: EventStore, email: string): Promise<DataSubject[]> {
  const address = email.trim().toLowerCase();
  const users = new Set<string>();
  for await (const { event } of store.readAll({ eventTypes: ['MeetingScheduled', 'MeetingReassigned', 'UserProfileUpdated'] })) {
    const host = event.type === 'UserProfileUpdated' ? event.data : 'host' in event.data ? event.data.host : undefined;
    if (host?.email?.toLowerCase() === address) users.add(host.userId);
  }
  return [{ email: address }, ...[...users].map((userId) => ({ userId }))];
}
