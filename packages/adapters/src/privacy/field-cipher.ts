import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

// One personal value becomes one envelope string:
//   enc:v1:<handle>[+<handle>...]:<base64 of iv(12) | ciphertext | tag(16)>
// AES-256-GCM under the owner's key; a value owned by several subjects (a reason any guest may
// have written) uses a key derived from all their keys, so destroying any one of them shreds it.
// The associated data binds the ciphertext to its stream and field: moved elsewhere, it fails.

const prefix = 'enc:v1:';
const ivLength = 12;
const tagLength = 16;

/** An envelope taken apart: the owners' key handles and the sealed bytes. */
export interface Envelope {
  readonly handles: readonly string[];
  readonly sealed: Buffer;
}

/** True when a stored value is an envelope (it may still be malformed). */
export function isEnvelope(value: string): boolean {
  return value.startsWith(prefix);
}

/** Writes an envelope string. */
export function formatEnvelope(envelope: Envelope): string {
  return `${prefix}${envelope.handles.join('+')}:${envelope.sealed.toString('base64')}`;
}

/** Reads an envelope string; undefined when it is malformed. */
export function parseEnvelope(value: string): Envelope | undefined {
  const match = /^enc:v1:([0-9a-f]{8,64}(?:\+[0-9a-f]{8,64})*):([A-Za-z0-9+/]+={0,2})$/.exec(value);
  if (match === null) return undefined;
  const sealed = Buffer.from(match[2] ?? '', 'base64');
  if (sealed.length < ivLength + tagLength) return undefined;
  return { handles: (match[1] ?? '').split('+'), sealed };
}

/** The associated data of a field: the stream and the field path it was written to. */
export function fieldAad(streamId: string, path: string): Buffer {
  return Buffer.from(`rendezvous/field/v1\u0000${streamId}\u0000${path}`, 'utf8');
}

/** The key a value owned by several subjects is sealed with (keys in handle order). */
export function combinedKey(keys: readonly Buffer[]): Buffer {
  if (keys.length === 1 && keys[0] !== undefined) return keys[0];
  return Buffer.from(hkdfSync('sha256', Buffer.concat(keys), Buffer.alloc(0), 'rendezvous/joint-owners/v1', 32));
}

// Asking the CSPRNG for 12 bytes per value cost a fifth of all encryption time; drawing IVs from
// a pool of random bytes (never reused: each refill is a new buffer) gives the same IVs cheaper.
let ivPool = Buffer.alloc(0);
let ivOffset = 0;
function freshIv(): Buffer {
  if (ivOffset + ivLength > ivPool.length) {
    ivPool = randomBytes(ivLength * 1024);
    ivOffset = 0;
  }
  ivOffset += ivLength;
  return ivPool.subarray(ivOffset - ivLength, ivOffset);
}

/** Seals `plaintext` with AES-256-GCM under `key` and a fresh random IV. */
export function seal(key: Buffer, aad: Buffer, plaintext: string): Buffer {
  const iv = freshIv();
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: tagLength });
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

/** Opens sealed bytes; undefined when they do not authenticate (altered, moved or wrong key). */
export function open(key: Buffer, aad: Buffer, sealed: Buffer): string | undefined {
  const iv = sealed.subarray(0, ivLength);
  const tag = sealed.subarray(sealed.length - tagLength);
  const body = sealed.subarray(ivLength, sealed.length - tagLength);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: tagLength });
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
