import type { Pool } from 'pg';
import type { StoredEvent } from '../port';
import type { EventSerializer } from '../serializer';
import type { Names } from './names';
import { eventColumns, storedEventOf, type EventRow } from './rows';

/** What the readers need: where to read, how to decode, how much at a time. */
export interface ReadContext {
  readonly pool: Pool;
  readonly names: Names;
  readonly serializer: EventSerializer;
  readonly pageSize: number;
}

/** Reads one stream forward page by page (keyset on version), decoding as it goes. */
export async function* readStreamPaged(context: ReadContext, streamId: string, fromVersion: number): AsyncIterable<StoredEvent> {
  const { pool, names, serializer, pageSize } = context;
  let next = Math.max(0, fromVersion);
  for (;;) {
    const { rows } = await pool.query<EventRow>(
      `SELECT ${eventColumns} FROM ${names.events} WHERE stream_id = $1 AND version >= $2 ORDER BY version LIMIT $3`,
      [streamId, next, pageSize],
    );
    for (const row of rows) yield await storedEventOf(row, serializer);
    const last = rows[rows.length - 1];
    if (last === undefined || rows.length < pageSize) return;
    next = last.version + 1;
  }
}

/** One page of the global log strictly after `after` (and up to `upTo` when given). */
export async function readAllPage(
  context: ReadContext,
  after: bigint,
  eventTypes: readonly string[] | undefined,
  upTo?: bigint,
): Promise<EventRow[]> {
  const { pool, names, pageSize } = context;
  const values: unknown[] = [after.toString(), pageSize];
  const conditions = ['position > $1'];
  if (upTo !== undefined) conditions.push(`position <= $${values.push(upTo.toString())}`);
  if (eventTypes !== undefined) conditions.push(`type = ANY($${values.push([...eventTypes])}::text[])`);
  const { rows } = await pool.query<EventRow>(
    `SELECT ${eventColumns} FROM ${names.events} WHERE ${conditions.join(' AND ')} ORDER BY position LIMIT $2`,
    values,
  );
  return rows;
}

/** Reads the global log page by page (keyset on position), up to the last event committed when it starts. */
export async function* readAllPaged(context: ReadContext, after: bigint, eventTypes: readonly string[] | undefined): AsyncIterable<StoredEvent> {
  const { rows } = await context.pool.query<{ last: string }>(`SELECT coalesce(max(position), 0) AS last FROM ${context.names.events}`);
  const upTo = BigInt(rows[0]?.last ?? '0');
  let checkpoint = after;
  for (;;) {
    const page = await readAllPage(context, checkpoint, eventTypes, upTo);
    for (const row of page) yield await storedEventOf(row, context.serializer);
    const last = page[page.length - 1];
    if (last === undefined || page.length < context.pageSize) return;
    checkpoint = BigInt(last.position);
  }
}
