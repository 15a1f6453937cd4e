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
    const { rows } = await pool.query<EventRow>({
      name: `${names.statementPrefix}_read_stream`,
      text: `SELECT ${eventColumns} FROM ${names.events} WHERE stream_id = $1 AND version >= $2 ORDER BY version LIMIT $3`,
      values: [streamId, next, pageSize],
    });
    for (const row of rows) yield await storedEventOf(row, serializer);
    const last = rows[rows.length - 1];
    if (last === undefined || rows.length < pageSize) return;
    next = last.version + 1;
  }
}

/**
 * One page of the global log strictly after `after` and below `below` (default: the read
 * horizon of this very statement, under which every event is committed for good).
 */
export async function readAllPage(
  context: ReadContext,
  after: bigint,
  eventTypes: readonly string[] | undefined,
  below?: bigint,
): Promise<EventRow[]> {
  const { pool, names, pageSize } = context;
  const values: unknown[] = [after.toString(), pageSize];
  const conditions = ['position > $1'];
  conditions.push(below === undefined ? `position < ${names.readHorizon}()` : `position < $${values.push(below.toString())}`);
  if (eventTypes !== undefined) conditions.push(`type = ANY($${values.push([...eventTypes])}::text[])`);
  const { rows } = await pool.query<EventRow>(
    `SELECT ${eventColumns} FROM ${names.events} WHERE ${conditions.join(' AND ')} ORDER BY position LIMIT $2`,
    values,
  );
  return rows;
}

/** The read horizon now: every event below it is committed for good, none can appear there later. */
export async function readHorizon(context: ReadContext): Promise<bigint> {
  const { rows } = await context.pool.query<{ below: string }>(`SELECT ${context.names.readHorizon}() AS below`);
  return BigInt(rows[0]?.below ?? '0');
}

/** Whether committed events wait above the horizon for an older transaction to finish. */
export async function eventsHeldBack(context: ReadContext, after: bigint): Promise<boolean> {
  const { rows } = await context.pool.query<{ held: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM ${context.names.events} WHERE position > $1 AND position >= ${context.names.readHorizon}()) AS held`,
    [after.toString()],
  );
  return rows[0]?.held === true;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The last position committed now, once every position below it is final. Appends that took a
 * lower position and are still running (their transactions are older) finish within
 * milliseconds; the wait lasts as long as the oldest of them, and no longer.
 */
async function settledEnd(context: ReadContext): Promise<bigint> {
  const { rows } = await context.pool.query<{ last: string; below: string }>(
    `SELECT coalesce(max(position), 0) AS last, ${context.names.readHorizon}() AS below FROM ${context.names.events}`,
  );
  const last = BigInt(rows[0]?.last ?? '0');
  let below = BigInt(rows[0]?.below ?? '0');
  for (let delay = 1; below <= last; delay = Math.min(delay * 2, 50)) {
    await pause(delay);
    below = await readHorizon(context);
  }
  return last;
}

/**
 * Reads the global log page by page (keyset on position): every event committed when the read
 * began, in order, and none whose position a late commit could still precede.
 */
export async function* readAllPaged(context: ReadContext, after: bigint, eventTypes: readonly string[] | undefined): AsyncIterable<StoredEvent> {
  const end = await settledEnd(context);
  if (end <= after) return;
  let checkpoint = after;
  for (;;) {
    const page = await readAllPage(context, checkpoint, eventTypes, end + 1n);
    for (const row of page) yield await storedEventOf(row, context.serializer);
    const last = page[page.length - 1];
    if (last === undefined || page.length < context.pageSize) return;
    checkpoint = BigInt(last.position);
  }
}
