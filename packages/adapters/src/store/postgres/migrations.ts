import type { Names } from './names';
import { lockSpace } from './names';

/** One step of the store's schema, applied once, in version order. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

// Appends take turns on one advisory lock per schema, held until commit, and PostgreSQL makes a
// commit visible before it releases the transaction's locks. So when a reader sees position p,
// every lower position is already committed or rolled back for good: following positions in
// order never skips a late commit. STORES.md explains the choice and what it costs.
function appendEventsFunction(names: Names): string {
  return `
CREATE FUNCTION ${names.appendEvents}(p_stream text, p_expected text, p_expected_version integer, p_events jsonb)
RETURNS TABLE (stream_version integer, last_position bigint)
LANGUAGE plpgsql AS $fn$
DECLARE
  v_current integer;
  v_last bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(${lockSpace.appends}, ${names.lockKey});
  -- Read after taking the lock: in a volatile function each statement sees commits up to now.
  SELECT coalesce(max(e.version), -1) INTO v_current FROM ${names.events} e WHERE e.stream_id = p_stream;
  IF (p_expected = 'exact' AND v_current <> p_expected_version)
     OR (p_expected = 'noStream' AND v_current <> -1)
     OR (p_expected = 'streamExists' AND v_current = -1) THEN
    RETURN QUERY SELECT v_current, NULL::bigint;
    RETURN;
  END IF;
  WITH inserted AS (
    INSERT INTO ${names.events} (stream_id, version, type, data, schema_version, occurred_at)
    SELECT p_stream, v_current + x.ord::integer, x.e->>'type', x.e->'data', (x.e->>'schemaVersion')::integer, (x.e->>'occurredAt')::timestamptz
    FROM jsonb_array_elements(p_events) WITH ORDINALITY AS x(e, ord)
    ORDER BY x.ord
    RETURNING position
  )
  SELECT max(position) INTO v_last FROM inserted;
  PERFORM pg_notify('${names.channel}', v_last::text);
  RETURN QUERY SELECT v_current + jsonb_array_length(p_events), v_last;
END
$fn$`;
}

/** The store's schema, step by step. Never edit a released step: add one. */
export function migrations(names: Names): readonly Migration[] {
  return [
    {
      version: 1,
      name: 'events table and the append function',
      sql: `
CREATE TABLE ${names.events} (
  position bigserial PRIMARY KEY,
  stream_id text NOT NULL,
  version integer NOT NULL CHECK (version >= 0),
  type text NOT NULL,
  data jsonb NOT NULL,
  schema_version integer NOT NULL,
  occurred_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT events_stream_version UNIQUE (stream_id, version)
);
CREATE INDEX events_type_position ON ${names.events} (type, position);
${appendEventsFunction(names)};`,
    },
  ];
}
