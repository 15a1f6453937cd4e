import { escapeIdentifier, type Pool } from 'pg';
import type { ScheduleMeeting } from '@rendezvous/domain';

// The baseline is the physical limit of the table: raw `pg`, load the stream, decide by hand,
// then one INSERT into the same events table, whose UNIQUE (stream_id, version) constraint is
// the only guard between writers. No lock of any kind, no notification, no codecs, no decider,
// no serializer: the data is the command's fields as JSON. Positions come from a sequence of
// its own (the store's table has no default), the cheapest way to number rows.

/** Creates what the baseline needs beside the store's table. */
export async function prepareRaw(pool: Pool, schema: string): Promise<void> {
  await pool.query(`CREATE SEQUENCE ${escapeIdentifier(schema)}.raw_position`);
}

/** Load, decide and append for one booking, by hand. */
export function rawSchedule(pool: Pool, schema: string): (command: ScheduleMeeting) => Promise<void> {
  const events = `${escapeIdentifier(schema)}.events`;
  const append = `INSERT INTO ${events} (position, stream_id, version, type, data, schema_version, occurred_at)
    VALUES (nextval('${escapeIdentifier(schema)}.raw_position'), $1, $2, $3, $4::jsonb, 2, $5::timestamptz)`;
  return async (command) => {
    const streamId = `meeting-${command.meetingId}`;
    const { rows } = await pool.query(`SELECT version, type, data FROM ${events} WHERE stream_id = $1 ORDER BY version`, [streamId]);
    if (rows.length > 0) throw new Error(`${streamId} is scheduled already`);
    if (Date.parse(command.start) <= Date.parse(command.now)) throw new Error(`${streamId} would start in the past`);
    const { type: _type, now, ...data } = command;
    await pool.query(append, [streamId, 0, 'MeetingScheduled', JSON.stringify(data), now]);
  };
}
