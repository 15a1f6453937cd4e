import type { Pool } from 'pg';
import { VersionConflictError } from '../errors';
import type { AppendResult, ExpectedVersion } from '../port';
import type { SerializedEvent } from '../serializer';
import type { Names } from './names';

interface PgError {
  readonly code?: string;
  readonly message: string;
}

const isPgError = (error: unknown): error is PgError => error instanceof Error && typeof (error as { code?: unknown }).code === 'string';

async function currentVersion(pool: Pool, names: Names, streamId: string): Promise<number> {
  const { rows } = await pool.query<{ version: number }>(
    `SELECT coalesce(max(version), -1) AS version FROM ${names.events} WHERE stream_id = $1`,
    [streamId],
  );
  return rows[0]?.version ?? -1;
}

/** Appends serialized records in one transaction; the expected version is checked inside it. */
export async function appendRecords(
  pool: Pool,
  names: Names,
  streamId: string,
  records: readonly SerializedEvent[],
  expected: ExpectedVersion,
): Promise<AppendResult> {
  try {
    const { rows } = await pool.query<{ stream_version: number; last_position: string | null }>({
      name: `${names.statementPrefix}_append`,
      text: `SELECT stream_version, last_position FROM ${names.appendEvents}($1, $2, $3, $4::jsonb)`,
      values: [streamId, expected.kind, expected.kind === 'exact' ? expected.version : null, JSON.stringify(records)],
    });
    const row = rows[0];
    if (row === undefined) throw new Error(`append to stream ${streamId}: ${names.appendEvents} returned no row`);
    if (row.last_position === null) throw new VersionConflictError(streamId, expected, row.stream_version);
    return { nextVersion: row.stream_version, position: BigInt(row.last_position) };
  } catch (error) {
    // Only a writer that bypassed the append function can race us to a version; report it as
    // the conflict it is rather than as a database error.
    if (isPgError(error) && error.code === '23505') {
      throw new VersionConflictError(streamId, expected, await currentVersion(pool, names, streamId));
    }
    // Class 22 is bad data (e.g. a NUL character, which jsonb cannot hold): say which stream.
    if (isPgError(error) && error.code?.startsWith('22') === true) {
      throw new Error(`append to stream ${streamId} refused by PostgreSQL, nothing was written: ${error.message}`, { cause: error });
    }
    throw error;
  }
}
