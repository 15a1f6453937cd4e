import { Client, escapeIdentifier } from 'pg';
import { createPostgresEventStore } from '@rendezvous/adapters/postgres';
import { databaseUrl } from './connection';

// Ten events per meeting, in the order a meeting lives them: the booking, three invitations and
// a reschedule, the meeting itself, the wrap-up note and two reviews. Built inside PostgreSQL
// (generate_series) because the workloads that use it are about reading: writing a million
// events through the store would take longer than everything else together.
const types = ['MeetingScheduled', 'GuestInvited', 'GuestInvited', 'MeetingRescheduled', 'GuestInvited', 'MeetingStarted', 'MeetingEnded', 'WrapUpNoteLeft', 'MeetingReviewed', 'MeetingReviewed'];

const utc = (expression: string): string => `to_char((${expression}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

// Positions as the store gives them (see store/postgres/positions.ts): each chunk is one
// transaction, and its events take consecutive places in that transaction's block.
const slot = (schema: string): string =>
  `(SELECT o.position_base + (pg_current_xact_id()::text::bigint - o.xid_base) * 1048576 FROM ${escapeIdentifier(schema)}.position_origin o)`;

function insert(schema: string, table: string, from: number, to: number): string {
  const meeting = `'m-' || m`;
  const guest = (k: string): string =>
    `jsonb_build_object('guestId', 'g-' || m || '-' || ${k}, 'name', 'Zoë O''Brien', 'email', 'guest' || m || '.' || ${k} || '@example.org')`;
  return `
INSERT INTO ${table} (position, stream_id, version, type, data, schema_version, occurred_at)
SELECT ${slot(schema)} + (n - ${from}), 'meeting-' || ${meeting}, k, (ARRAY[${types.map((t) => `'${t}'`).join(', ')}])[k + 1],
  CASE
    WHEN k = 0 THEN jsonb_build_object('meetingId', ${meeting}, 'accountId', 'acc-' || (m % 100),
      'meetingType', jsonb_build_object('name', 'Intro call', 'durationMinutes', 30), 'description', 'Bring your questions.',
      'start', ${utc("booked + interval '3 days'")}, 'createdBy', 'guest',
      'host', jsonb_build_object('userId', 'u-' || (m % 1000), 'name', 'Hanna de Vries', 'email', 'host' || (m % 1000) || '@example.com',
        'timezone', 'Europe/Amsterdam', 'phone', '+31 20 555 0100', 'jobTitle', 'Account Manager'),
      'guests', jsonb_build_array(${guest('0')}))
    WHEN k IN (1, 2, 4) THEN jsonb_build_object('meetingId', ${meeting}, 'guest', ${guest('k')})
    WHEN k = 3 THEN jsonb_build_object('meetingId', ${meeting}, 'start', ${utc("booked + interval '4 days'")}, 'reason', 'Train delayed', 'by', 'guest')
    WHEN k IN (5, 6) THEN jsonb_build_object('meetingId', ${meeting})
    WHEN k = 7 THEN jsonb_build_object('meetingId', ${meeting}, 'note', 'Thanks for your time!' || chr(10) || 'Next steps follow.')
    ELSE jsonb_build_object('meetingId', ${meeting}, 'guestId', 'g-' || m || '-' || (k - 8), 'rating', 5)
  END,
  2, at
FROM generate_series(${from}, ${to - 1}) AS n,
  LATERAL (SELECT n / 10 AS m, n % 10 AS k, timestamptz '2026-01-05T00:00:00Z' + n * interval '1 second' AS at,
                  timestamptz '2026-01-05T00:00:00Z' + (n / 10 * 10) * interval '1 second' AS booked) AS x
ORDER BY n`;
}

/** Creates the store's schema (through the store itself) and fills it with `events` events. */
export async function seedEvents(schema: string, events: number): Promise<number> {
  const started = performance.now();
  const store = await createPostgresEventStore({ connectionString: databaseUrl, schema });
  await store.close();
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const table = `${escapeIdentifier(schema)}.events`;
    for (let from = 0; from < events; from += 200_000) await client.query(insert(schema, table, from, Math.min(events, from + 200_000)));
    await client.query(`ANALYZE ${table}`);
  } finally {
    await client.end();
  }
  return performance.now() - started;
}
