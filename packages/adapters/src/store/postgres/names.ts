import { escapeIdentifier } from '../../peers/pg';

/** The SQL names of one store's objects, all inside its own schema. */
export interface Names {
  readonly schema: string;
  readonly events: string;
  readonly migrations: string;
  readonly appendEvents: string;
  /** The one-row table that anchors positions to transaction ids (see migrations.ts). */
  readonly positionOrigin: string;
  /** The function giving the position below which every event is committed for good. */
  readonly readHorizon: string;
  /** The LISTEN/NOTIFY channel appends announce themselves on (raw, unquoted). */
  readonly channel: string;
  /**
   * Second half of the schema's migration lock key (the first half says which lock); also the
   * seed of the per-stream append lock keys.
   */
  readonly lockKey: number;
  /**
   * Prefix of the names of the prepared statements the store sends on the command path (unique
   * per schema, since one pool may serve stores of several schemas).
   */
  readonly statementPrefix: string;
}

/**
 * First halves of the advisory lock keys: which of the store's locks. `appends` was the schema-wide
 * append lock of schema version 1; the version 2 migration takes it once to drain such appends.
 */
export const lockSpace = { migrations: 0x52445601, appends: 0x52445602 } as const;

// FNV-1a: stable across processes and versions (unlike a hash PostgreSQL might change), so every
// process derives the same lock key and channel from the same schema name.
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) hash = Math.imul(hash ^ byte, 0x01000193);
  return hash | 0;
}

/** Names the objects of a store living in `schema`; refuses a name PostgreSQL would truncate. */
export function namesFor(schema: string): Names {
  if (schema.length === 0 || Buffer.byteLength(schema, 'utf8') > 63) {
    throw new RangeError(`schema name ${JSON.stringify(schema)} must be 1 to 63 bytes long`);
  }
  const quoted = escapeIdentifier(schema);
  const hash = fnv1a(schema);
  return {
    schema: quoted,
    events: `${quoted}.events`,
    migrations: `${quoted}.migrations`,
    appendEvents: `${quoted}.append_events`,
    positionOrigin: `${quoted}.position_origin`,
    readHorizon: `${quoted}.read_horizon`,
    channel: `rendezvous_events_${(hash >>> 0).toString(16).padStart(8, '0')}`,
    lockKey: hash,
    statementPrefix: `rendezvous_${(hash >>> 0).toString(16).padStart(8, '0')}`,
  };
}
