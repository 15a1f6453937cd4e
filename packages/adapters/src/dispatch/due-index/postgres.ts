import type { PoolClient } from 'pg';
import { Client, escapeIdentifier, Pool } from '../../peers/pg';
import type { PostgresConnection } from '../../store/postgres';
import type { EventStore } from '../../store/port';
import { withDeadline } from '../deadline';
import { fedByConsumerGroup, type ConsumerGroupFeed } from './consumer-group/fed-index';
import { dueMarkOf, meetingFactTypes } from './facts';
import type { DueIndex, DueMeeting, DueWatch } from './port';

/** Options of the PostgreSQL due index. */
export type PostgresDueIndexOptions = PostgresConnection & {
  /** Schema of its tables: the event store's own (default `rendezvous`); created if absent. */
  readonly schema?: string;
  /** Meeting facts folded per transaction (default 1,000). */
  readonly pageSize?: number;
  /**
   * How often a watching process that is not the filler tries to become it, and reconnects a lost
   * listening connection (real time, default 2,000 ms): how soon a dead filler is replaced.
   */
  readonly fillerPollMs?: number;
  /**
   * How often the filler looks for new meeting facts (real time, default 250 ms): the longest a
   * new booking waits before its emails are seen. One short transaction per look, whatever the
   * number of instances and however fast the store is appended to.
   */
  readonly followMs?: number;
  /**
   * For an EventStoreDB store: the meeting facts come from a persistent subscription (consumer
   * group) that every process using the index joins, instead of from one filler process. See
   * DISPATCHER.md, *The due index*.
   */
  readonly consumerGroup?: ConsumerGroupFeed;
};

/** The due index in PostgreSQL; `close` ends the pool when the index opened it. */
export interface PostgresDueIndex extends DueIndex {
  /** Ends the pool if the index opened it; a pool passed in is left to its owner. */
  close(): Promise<void>;
}

// Advisory lock keys (first half; the second is the schema's hash): creating the tables, one
// transaction at a time folding new facts into the index, and the one watching process (the
// filler) that follows the store, held by its listening connection for as long as it lives.
const createLock = 0x52445604;
const indexLock = 0x52445605;
const fillerLock = 0x52445606;

interface TakenRow {
  meeting_id: string;
  due_ms: string;
  seq: string;
}

/**
 * Opens the due index kept in the store's PostgreSQL database: a `due_meetings` row per meeting
 * with pending work, and the position of the last meeting fact folded into it, moved in the same
 * transaction as the rows it wrote. Instances that share it share the work: each takes due
 * meetings with `FOR UPDATE SKIP LOCKED` under a short lease, so no two fold the same meeting.
 */
export async function createPostgresDueIndex(options: PostgresDueIndexOptions): Promise<PostgresDueIndex> {
  const owned = 'connectionString' in options;
  const pool = 'pool' in options ? options.pool : new Pool({ connectionString: options.connectionString, max: 4 });
  if (owned) pool.on('error', () => undefined);
  const schemaName = options.schema ?? 'rendezvous';
  const schema = escapeIdentifier(schemaName);
  const rows = `${schema}.due_meetings`;
  const checkpoint = `${schema}.due_index_checkpoint`;
  const pageSize = options.pageSize ?? 1_000;
  const fillerPollMs = options.fillerPollMs ?? 2_000;
  const followMs = options.followMs ?? 250;
  // Raw and unquoted, as pg_notify takes it; LISTEN quotes it.
  const channel = `${schemaName}_due`;
  const inTransaction = async <T>(work: (client: PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };

  try {
    await inTransaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [createLock, schemaName]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      // Times are epoch milliseconds of the dispatchers' clock. due_ms: every email due before it is
      // settled; available_ms: when the meeting may be taken next (its next look, or its lease's end).
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${rows} (
           meeting_id text PRIMARY KEY, due_ms bigint NOT NULL, available_ms bigint NOT NULL,
           seq bigint NOT NULL DEFAULT 1, owner text, lease_until_ms bigint)`,
      );
      await client.query(`CREATE INDEX IF NOT EXISTS due_meetings_available ON ${rows} (available_ms)`);
      await client.query(`CREATE TABLE IF NOT EXISTS ${checkpoint} (id smallint PRIMARY KEY CHECK (id = 1), position bigint NOT NULL, saved_at timestamptz NOT NULL DEFAULT now())`);
      await client.query(`INSERT INTO ${checkpoint} (id, position) VALUES (1, 0) ON CONFLICT (id) DO NOTHING`);
    });
  } catch (error) {
    if (owned) await pool.end();
    throw error;
  }

  /** Marks meetings due from the given times: a new row, or an existing one's due time lowered. */
  const upsertMarks = async (client: Pick<PoolClient, 'query'>, marks: ReadonlyMap<string, number>): Promise<void> => {
    await client.query(
      `INSERT INTO ${rows} AS d (meeting_id, due_ms, available_ms)
         SELECT m, ms, ms FROM unnest($1::text[], $2::bigint[]) AS t(m, ms)
       ON CONFLICT (meeting_id) DO UPDATE SET
         seq = d.seq + 1,
         due_ms = LEAST(d.due_ms, EXCLUDED.due_ms),
         available_ms = GREATEST(LEAST(d.available_ms, EXCLUDED.due_ms), COALESCE(d.lease_until_ms, 0))`,
      [[...marks.keys()], [...marks.values()].map(String)],
    );
  };

  /** Folds one page of facts; undefined when another process holds the indexing lock. */
  const foldPage = (store: EventStore, timeoutMs: number): Promise<number | undefined> =>
    inTransaction(async (client) => {
      const { rows: locked } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS ok', [indexLock, schemaName]);
      if (locked[0]?.ok !== true) return undefined;
      const { rows: at } = await client.query<{ position: string }>(`SELECT position FROM ${checkpoint} WHERE id = 1`);
      let position = BigInt(at[0]?.position ?? '0');
      const marks = new Map<string, number>();
      let count = 0;
      const iterator = store.readAll({ after: position, eventTypes: meetingFactTypes })[Symbol.asyncIterator]();
      try {
        while (count < pageSize) {
          const next = await withDeadline(iterator.next(), timeoutMs, 'reading the event store');
          if (next.done === true) break;
          position = next.value.position;
          count++;
          const mark = dueMarkOf(next.value);
          if (mark !== undefined) marks.set(mark.meetingId, Math.min(marks.get(mark.meetingId) ?? Number.POSITIVE_INFINITY, mark.dueMs));
        }
      } finally {
        void iterator.return?.()?.catch(() => undefined);
      }
      if (count === 0) return 0;
      if (marks.size > 0) await upsertMarks(client, marks);
      await client.query(`UPDATE ${checkpoint} SET position = $1, saved_at = now() WHERE id = 1`, [position.toString()]);
      return count;
    });

  // Another transaction folding (this process's filler, or another process) holds the lock for
  // one page. Returning then would let `idle()` resolve before a fact appended a moment ago is in
  // the index (the other fold may have begun reading before that append), so wait for it to
  // finish and fold whatever it left. A page takes milliseconds; the wait backs off to 50 ms.
  const catchUp = async (store: EventStore, timeoutMs: number): Promise<number> => {
    let total = 0;
    let waitMs = 1;
    for (;;) {
      const count = await foldPage(store, timeoutMs);
      if (count === undefined) {
        await new Promise((resolve) => setTimeout(resolve, waitMs));
        waitMs = Math.min(waitMs * 2, 50);
        continue;
      }
      total += count;
      if (count < pageSize) return total;
    }
  };

  const position = async (): Promise<bigint> => {
    const { rows: at } = await pool.query<{ position: string }>(`SELECT position FROM ${checkpoint} WHERE id = 1`);
    return BigInt(at[0]?.position ?? '0');
  };

  /**
   * One listening connection per watching process: it hears `<schema>_due` (sent after facts were
   * folded) and holds the filler's session lock if this process is the filler. Only the filler
   * reads the store, every `followMs`; the others hear only of new due work. The store's own
   * wake-ups (one per append, the dispatchers' delivery records included) are followed by nobody:
   * under a burst they would cost every instance a read per append.
   */
  const watch = (store: EventStore, timeoutMs: number, onDue: () => void, onError: (error: unknown) => void): DueWatch => {
    let closed = false;
    let listener: Client | undefined;
    let filling: NodeJS.Timeout | undefined;
    let folding: Promise<void> = Promise.resolve();

    const fold = async (): Promise<void> => {
      try {
        if ((await catchUp(store, timeoutMs)) > 0) await pool.query('SELECT pg_notify($1, $2)', [channel, '']);
      } catch (error) {
        onError(error);
      }
    };
    const resign = (): void => {
      clearInterval(filling);
      filling = undefined;
    };
    const connect = async (): Promise<Client> => {
      const client = new Client(pool.options);
      client.on('notification', (message) => {
        if (message.channel === channel) onDue();
      });
      client.on('error', (error) => {
        // The session and its lock are gone: another process may become the filler now.
        if (listener === client) listener = undefined;
        resign();
        client.end().catch(() => undefined);
        onError(error);
      });
      try {
        await client.connect();
        await client.query(`LISTEN ${escapeIdentifier(channel)}`);
      } catch (error) {
        await client.end().catch(() => undefined);
        throw error;
      }
      return client;
    };
    const attempt = async (): Promise<void> => {
      if (closed) return;
      if (listener === undefined) {
        const client = await connect();
        if (closed) {
          await client.end();
          return;
        }
        listener = client;
        // Whatever was announced while nobody here listened.
        onDue();
      }
      if (filling !== undefined) return;
      const { rows: got } = await listener.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok', [fillerLock, schemaName]);
      if (got[0]?.ok !== true || closed) return;
      // One look at a time: a slow store delays the next look rather than stacking them.
      let looking = false;
      const look = (): void => {
        if (looking) return;
        looking = true;
        folding = fold().finally(() => (looking = false));
      };
      filling = setInterval(() => {
        if (!closed) look();
      }, followMs);
      filling.unref();
      look();
    };
    let attempting = attempt().catch(onError);
    const timer = setInterval(() => {
      attempting = attempting.then(() => attempt().catch(onError));
    }, fillerPollMs);
    timer.unref();

    return {
      async close() {
        closed = true;
        clearInterval(timer);
        await attempting;
        resign();
        await folding;
        // Ending the session lets the filler's lock go at once.
        await listener?.end().catch(() => undefined);
        listener = undefined;
      },
    };
  };

  const index: PostgresDueIndex = {
    shared: true,
    catchUp,
    watch,

    async take(owner, nowMs, leaseUntilMs, limit): Promise<DueMeeting[]> {
      const { rows: taken } = await pool.query<TakenRow>(
        `UPDATE ${rows} AS d SET owner = $1, lease_until_ms = $3, available_ms = $3
         FROM (SELECT meeting_id FROM ${rows} WHERE available_ms <= $2 ORDER BY available_ms LIMIT $4 FOR UPDATE SKIP LOCKED) AS picked
         WHERE d.meeting_id = picked.meeting_id
         RETURNING d.meeting_id, d.due_ms, d.seq`,
        [owner, nowMs, leaseUntilMs, limit],
      );
      return taken.map((row) => ({ meetingId: row.meeting_id, dueMs: Number(row.due_ms), seq: Number(row.seq), leaseUntilMs }));
    },

    async release(owner, meeting, next) {
      const mine = [meeting.meetingId, owner, meeting.leaseUntilMs];
      if (next === undefined) {
        const gone = await pool.query(`DELETE FROM ${rows} WHERE meeting_id = $1 AND owner = $2 AND lease_until_ms = $3 AND seq = $4`, [...mine, meeting.seq]);
        if (gone.rowCount === 1) return;
      }
      // A fact that came after the take (seq moved) keeps the meeting due from its own time.
      await pool.query(
        `UPDATE ${rows} SET owner = NULL, lease_until_ms = NULL,
           due_ms = CASE WHEN $5::bigint IS NULL THEN due_ms WHEN seq = $4 THEN $5::bigint ELSE LEAST(due_ms, $5::bigint) END,
           available_ms = CASE WHEN $6::bigint IS NOT NULL AND seq = $4 THEN $6::bigint ELSE LEAST(due_ms, COALESCE($6::bigint, due_ms)) END
         WHERE meeting_id = $1 AND owner = $2 AND lease_until_ms = $3`,
        [...mine, meeting.seq, next?.settledBeforeMs ?? null, next?.atMs ?? null],
      );
    },

    async nextDueMs() {
      const { rows: found } = await pool.query<{ next: string | null }>(`SELECT min(available_ms) AS next FROM ${rows}`);
      const next = found[0]?.next;
      return next === null || next === undefined ? undefined : Number(next);
    },

    position,

    async size() {
      const { rows: counted } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${rows}`);
      return Number(counted[0]?.n ?? 0);
    },

    async close() {
      if (owned) await pool.end();
    },
  };
  if (options.consumerGroup === undefined) return index;
  const markDue = (meetingId: string, dueMs: number): Promise<void> => upsertMarks(pool, new Map([[meetingId, dueMs]]));
  return fedByConsumerGroup(index, markDue, options.consumerGroup);
}
