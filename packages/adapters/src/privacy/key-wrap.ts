import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

// Keys at rest in a database can be wrapped (encrypted) with a master key that lives elsewhere
// (an environment secret, a KMS): a dump of the key table alone then opens nothing.

/** Refuses a master key that is not 256 bits, without echoing it. */
export function checkMasterKey(masterKey: Buffer): void {
  if (masterKey.length !== 32) throw new RangeError(`the master key must be 32 bytes (256 bits), got ${masterKey.length} bytes`);
}

/** Encrypts a key for storage; `label` (e.g. the handle) binds it to its row. */
export function wrapKey(masterKey: Buffer, label: string, key: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', masterKey, iv);
  cipher.setAAD(Buffer.from(`rendezvous/key/v1\u0000${label}`, 'utf8'));
  return Buffer.concat([iv, cipher.update(key), cipher.final(), cipher.getAuthTag()]);
}

/** Decrypts a stored key; undefined when the master key (or row) is not the one it was wrapped with. */
export function unwrapKey(masterKey: Buffer, label: string, wrapped: Buffer): Buffer | undefined {
  try {
    const decipher = createDecipheriv('aes-256-gcm', masterKey, wrapped.subarray(0, 12));
    decipher.setAAD(Buffer.from(`rendezvous/key/v1\u0000${label}`, 'utf8'));
    decipher.setAuthTag(wrapped.subarray(wrapped.length - 16));
    return Buffer.concat([decipher.update(wrapped.subarray(12, wrapped.length - 16)), decipher.final()]);
  } catch {
    return undefined;
  }
}

/**
 * What a key table stores instead of the subject: an HMAC under a store secret, so rows can be
 * found by subject while a table dump does not list email addresses.
 */
export function subjectHash(secret: Buffer, subject: string): Buffer {
  return createHmac('sha256', secret).update(subject, 'utf8').digest();
}

/** A 32-bit advisory lock key for a label, stable across processes and PostgreSQL versions. */
export function lockKeyOf(label: string): number {
  return Buffer.from(hkdfSync('sha256', Buffer.from(label, 'utf8'), Buffer.alloc(0), 'rendezvous/lock', 4)).readInt32BE(0);
}
