import { newHandle, newKey, type HandleKey, type KeyStore, type SubjectKey } from './keys';

/** Options of the in-memory key store. */
export interface InMemoryKeyStoreOptions {
  /** The clock tombstones are stamped with (default: the system clock). */
  readonly now?: () => Date;
}

/** The in-memory key store, with the tombstones it keeps (for tests and inspection). */
export interface InMemoryKeyStore extends KeyStore {
  /** When each destroyed handle was destroyed. */
  tombstones(): ReadonlyMap<string, Date>;
}

/** A key store held in process memory: for tests, demos and the store-less backend. */
export function createInMemoryKeyStore(options: InMemoryKeyStoreOptions = {}): InMemoryKeyStore {
  const now = options.now ?? (() => new Date());
  const current = new Map<string, SubjectKey>();
  const byHandle = new Map<string, Buffer>();
  const tombstones = new Map<string, Date>();
  const erased = new Set<string>();
  const restricted = new Set<string>();
  const parties = new Map<string, Map<string, string>>();

  const subjectKey = async (subject: string): Promise<SubjectKey> => {
    const existing = current.get(subject);
    if (existing !== undefined) return existing;
    const created = { handle: newHandle(), key: newKey() };
    current.set(subject, created);
    byHandle.set(created.handle, created.key);
    erased.delete(subject);
    return created;
  };

  return {
    subjectKey,
    async keyFor(subject) {
      return (await subjectKey(subject)).key;
    },
    async existingKey(subject) {
      return current.get(subject)?.key;
    },
    async destroy(subject) {
      const live = current.get(subject);
      if (live !== undefined) {
        byHandle.delete(live.handle);
        tombstones.set(live.handle, now());
        current.delete(subject);
      }
      erased.add(subject);
    },
    async isDestroyed(subject) {
      return erased.has(subject) && !current.has(subject);
    },
    async restrict(subject) {
      restricted.add(subject);
    },
    async liftRestriction(subject) {
      restricted.delete(subject);
    },
    async isRestricted(subject) {
      return restricted.has(subject);
    },
    async keyByHandle(handle): Promise<HandleKey> {
      const key = byHandle.get(handle);
      if (key !== undefined) return { state: 'live', key };
      return tombstones.has(handle) ? { state: 'destroyed' } : { state: 'unknown' };
    },
    async linkParty(streamId, party, handle) {
      const stream = parties.get(streamId) ?? new Map<string, string>();
      stream.set(party, handle);
      parties.set(streamId, stream);
    },
    async partiesOf(streamId) {
      return new Map(parties.get(streamId) ?? []);
    },
    async close() {},
    tombstones: () => new Map(tombstones),
  };
}
