import { escapeIdentifier, type Pool } from 'pg';
import type { ScheduleMeeting } from '@rendezvous/domain';

// The baseline: the same rows written with raw `pg` in the store's transaction pattern. Load
// the stream, decide by hand, then one statement (one transaction) that takes the schema's
// append lock, inserts the event and notifies, as append_events does. No codecs, no decider,
// no serializer: the data is the command's fields as JSON.

const lockSpace = 0x52445602;

/** Load, decide and append for one booking, by hand. */
export function rawSchedule(pool: Pool, schema: string): (command: ScheduleMeeting) => Promise<void> {
  const events = `${escapeIdentifier(schema)}.events`;
  const append = `WITH lock AS (SELECT pg_advisory_xact_lock(${lockSpace}, 1)),
    ins AS (INSERT INTO ${events} (stream_id, version, type, data, schema_version, occurred_at)
            SELECT $1, $2, $3, $4::jsonb, 2, $5::timestamptz FROM lock RETURNING position)
    SELECT position, pg_notify('bench_events', position::text) FROM ins`;
  return async (command) => {
    const streamId = `meeting-${command.meetingId}`;
    const { rows } = await pool.query(`SELECT version, type, data FROM ${events} WHERE stream_id = $1 ORDER BY version`, [streamId]);
    if (rows.length > 0) throw new Error(`${streamId} is scheduled already`);
    if (Date.parse(command.start) <= Date.parse(command.now)) throw new Error(`${streamId} would start in the past`);
    const { type: _type, now, ...data } = command;
    await pool.query(append, [streamId, 0, 'MeetingScheduled', JSON.stringify(data), now]);
  };
}
