import { CorruptEventError } from '../store/errors';
import { jsonSerializer, type EventSerializer } from '../store/serializer';
import { erasedValue, isErasedValue } from './erased';
import { replaceAt, type Replacement } from './field-paths';
import { combinedKey, fieldAad, formatEnvelope, isEnvelope, open, parseEnvelope, seal } from './field-cipher';
import type { HandleKey, KeyStore, SubjectKey } from './keys';
import { partiesIntroduced, personalFields, resolveParty, type FieldOwner } from './subjects';

/** Options of the encrypting serializer. */
export interface EncryptingSerializerOptions {
  /** Where subjects' keys live; destroying a key there erases the subject. */
  readonly keyStore: KeyStore;
  /** The serializer that does the JSON and codec work (default `jsonSerializer`). */
  readonly inner?: EventSerializer;
}

// The erased-email marker is tagged with the start of the handle: distinct erased guests of one
// meeting stay distinct, and the tag says nothing about who they were.
const tagLength = 16;

/** Looks keys up at most once per handle or subject within one serialize/deserialize call. */
function batch(keyStore: KeyStore, streamId: string) {
  const memo = <V>(lookup: (name: string) => Promise<V>) => {
    const seen = new Map<string, Promise<V>>();
    return (name: string): Promise<V> => {
      const known = seen.get(name);
      if (known !== undefined) return known;
      const pending = lookup(name);
      seen.set(name, pending);
      return pending;
    };
  };
  let parties: Promise<ReadonlyMap<string, string>> | undefined;
  return {
    subject: memo<SubjectKey>((subject) => keyStore.subjectKey(subject)),
    handle: memo<HandleKey>((handle) => keyStore.keyByHandle(handle)),
    parties: () => (parties ??= keyStore.partiesOf(streamId)),
  };
}

/**
 * A serializer that stores every personal field (docs/CONTRACT.md §1; see `personalFields`) encrypted
 * under its owner's key. Reading a field whose key was destroyed gives the erasure marker, so
 * the event still decodes; a field that does not authenticate rejects with CorruptEventError.
 */
export function createEncryptingSerializer(options: EncryptingSerializerOptions): EventSerializer {
  const { keyStore } = options;
  const inner = options.inner ?? jsonSerializer;

  return {
    async serialize(streamId, event) {
      const plain = await inner.serialize(streamId, event);
      const keys = batch(keyStore, streamId);
      // Record who the parties are first: later reasons, notes and comments of this meeting
      // name nobody, and are encrypted for the parties these events introduced.
      for (const { party, subject } of partiesIntroduced(plain.type, plain.data)) {
        await keyStore.linkParty(streamId, party, (await keys.subject(subject)).handle);
      }
      const replacements: Replacement[] = [];
      for (const field of personalFields(plain.type, plain.data)) {
        if (isErasedValue(field.value)) continue;
        const owners = await ownerKeys(field.owners(), keys, streamId);
        const envelope = formatEnvelope({
          handles: owners.map((o) => o.handle),
          sealed: seal(combinedKey(owners.map((o) => o.key)), fieldAad(streamId, field.path), field.value),
        });
        replacements.push({ segments: field.segments, value: envelope });
      }
      return { ...plain, data: replaceAt(plain.data, replacements) };
    },

    async deserialize(streamId, version, stored) {
      const keys = batch(keyStore, streamId);
      const replacements: Replacement[] = [];
      for (const field of personalFields(stored.type, stored.data)) {
        if (!isEnvelope(field.value)) continue; // written in clear before encryption was switched on
        const fail = (message: string) => new CorruptEventError(streamId, version, [{ path: field.path, message }]);
        const envelope = parseEnvelope(field.value);
        if (envelope === undefined) throw fail('encrypted value is malformed');
        const found = await Promise.all(envelope.handles.map((h) => keys.handle(h)));
        if (found.some((k) => k.state === 'unknown')) {
          throw fail('encrypted under a key this key store never issued (is it the key store these events were written with?)');
        }
        const live = found.flatMap((k) => (k.state === 'live' ? [k.key] : []));
        if (live.length < found.length) {
          replacements.push({ segments: field.segments, value: erasedValue(field.kind, (envelope.handles[0] ?? '').slice(0, tagLength)) });
          continue;
        }
        const plaintext = open(combinedKey(live), fieldAad(streamId, field.path), envelope.sealed);
        if (plaintext === undefined) throw fail('encrypted value does not authenticate (altered, or moved from another field or stream)');
        replacements.push({ segments: field.segments, value: plaintext });
      }
      return inner.deserialize(streamId, version, { ...stored, data: replaceAt(stored.data, replacements) });
    },
  };
}

/** The live keys a field is encrypted for, in handle order; a meeting-wide key when no owner is known. */
async function ownerKeys(owners: readonly FieldOwner[], keys: ReturnType<typeof batch>, streamId: string): Promise<SubjectKey[]> {
  const found = new Map<string, Buffer>();
  for (const owner of owners) {
    if (owner.kind === 'subject') {
      const k = await keys.subject(owner.subject);
      found.set(k.handle, k.key);
      continue;
    }
    for (const handle of resolveParty(owner, await keys.parties())) {
      const k = await keys.handle(handle);
      if (k.state === 'live') found.set(handle, k.key);
    }
  }
  // A history written before encryption was on has no recorded parties: the text then belongs to
  // the stream itself rather than being stored in clear (see PRIVACY.md, "limits").
  if (found.size === 0) {
    const k = await keys.subject(`stream:${streamId}`);
    found.set(k.handle, k.key);
  }
  return [...found.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([handle, key]) => ({ handle, key }));
}
