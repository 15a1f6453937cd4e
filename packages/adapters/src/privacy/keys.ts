import { randomBytes } from 'node:crypto';

// Crypto-shredding: every data subject has one random 256-bit key; their personal fields are
// stored encrypted under it, so destroying the key erases them in every event, copy and
// projection rebuilt from the store, without rewriting the append-only history.
// Stored events name a key by a random handle, never by the subject: the handle says nothing
// about the person, and a subject erased and seen again later gets a fresh key and handle.
// Keys never appear in logs, events or error messages.

/** A subject's current key and the handle that names it in stored events. */
export interface SubjectKey {
  readonly handle: string;
  readonly key: Buffer;
}

/** What a handle found in a stored event stands for now. */
export type HandleKey =
  | { readonly state: 'live'; readonly key: Buffer }
  | { readonly state: 'destroyed' }
  /** Never issued by this key store: a configuration mistake or a foreign event, not an erasure. */
  | { readonly state: 'unknown' };

/**
 * The key store port. Subjects are the strings `subjectId` makes (`email:<address>`, `user:<id>`).
 * Implementations: `createInMemoryKeyStore`, `createPostgresKeyStore`.
 */
export interface KeyStore {
  /** The subject's key, created (random, 256-bit) on first use; a fresh one after an erasure. */
  keyFor(subject: string): Promise<Buffer>;
  /** The subject's live key, if it has one. */
  existingKey(subject: string): Promise<Buffer | undefined>;
  /** Crypto-shredding: destroys the subject's key, so their data is unreadable everywhere. */
  destroy(subject: string): Promise<void>;
  /** True when the subject was erased and has no newer key. */
  isDestroyed(subject: string): Promise<boolean>;
  /** Records that the subject objected to further processing (no more emails to them). */
  restrict(subject: string): Promise<void>;
  /** Lifts a restriction. */
  liftRestriction(subject: string): Promise<void>;
  /** True while the subject's processing is restricted. */
  isRestricted(subject: string): Promise<boolean>;
  /** The subject's key with its handle, created on first use (what the serializer writes under). */
  subjectKey(subject: string): Promise<SubjectKey>;
  /** The key a handle from a stored event names, or why there is none. */
  keyByHandle(handle: string): Promise<HandleKey>;
  /** Remembers that `handle` is `party` (`host`, `guest:<guestId>`) of a stream; a later host replaces the earlier. */
  linkParty(streamId: string, party: string, handle: string): Promise<void>;
  /** The parties of a stream and their handles. */
  partiesOf(streamId: string): Promise<ReadonlyMap<string, string>>;
  /** Releases connections. */
  close(): Promise<void>;
}

/** A fresh random key. */
export function newKey(): Buffer {
  return randomBytes(32);
}

/** A fresh random handle: 128 bits as lower-case hex. */
export function newHandle(): string {
  return randomBytes(16).toString('hex');
}
