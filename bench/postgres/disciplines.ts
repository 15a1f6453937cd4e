import { Client, escapeIdentifier } from 'pg';
import { databaseUrl } from './connection';

/**
 * How a bench schema's appends run: as the store does (`per-stream`), with a NOTIFY inside every
 * append's transaction (`notify-each`, the wake-up the store no longer uses), or as schema
 * version 1 did (`schema-lock`: one advisory lock per schema, and the NOTIFY inside).
 */
export type AppendDiscipline = 'per-stream' | 'notify-each' | 'schema-lock';

// The other disciplines are put back around today's function, in one bench schema only: same
// code, same table, same run, so the difference is the queue and nothing else.
/** Wraps the schema's append function in `discipline`; `per-stream` leaves it as it is. */
export async function imposeDiscipline(schema: string, discipline: AppendDiscipline): Promise<void> {
  if (discipline === 'per-stream') return;
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const q = escapeIdentifier(schema);
    const lock = discipline === 'schema-lock' ? `PERFORM pg_advisory_xact_lock(${0x52445602}, hashtext('${schema.replace(/'/g, "''")}'));` : '';
    await client.query(`ALTER FUNCTION ${q}.append_events(text, text, integer, jsonb) RENAME TO append_events_side_by_side`);
    await client.query(`
CREATE FUNCTION ${q}.append_events(p_stream text, p_expected text, p_expected_version integer, p_events jsonb)
RETURNS TABLE (stream_version integer, last_position bigint)
LANGUAGE plpgsql AS $fn$
BEGIN
  ${lock}
  RETURN QUERY SELECT * FROM ${q}.append_events_side_by_side(p_stream, p_expected, p_expected_version, p_events);
  PERFORM pg_notify('bench_discipline', p_stream);
END
$fn$`);
  } finally {
    await client.end();
  }
}
