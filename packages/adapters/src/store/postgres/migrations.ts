import type { Names } from './names';
import { lockSpace } from './names';
import { slotsPerTransaction } from './positions';

/** One step of the store's schema, applied once, in version order. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

// Schema version 1 (released): appends took turns on one advisory lock per schema. Kept as it
// was so that a schema created today walks the same steps as one created then.
function appendEventsFunctionV1(names: Names): string {
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

// A transaction's events take the positions position_base + (xid - xid_base) * 2^20 + 0, 1, 2...
// (see positions.ts). A reader stops below the oldest transaction still running anywhere in the
// cluster (the snapshot's xmin): every id below it has committed or rolled back for good, and no
// new transaction can get one, so nothing can ever appear below the horizon once a reader passed
// it. STABLE and one SELECT: PostgreSQL inlines it, with the calling statement's snapshot.
function readHorizonFunction(names: Names): string {
  return `
CREATE FUNCTION ${names.readHorizon}() RETURNS bigint
LANGUAGE sql STABLE AS $fn$
  SELECT greatest(o.position_base, o.position_base + ((pg_snapshot_xmin(pg_current_snapshot())::text::bigint - o.xid_base) * ${slotsPerTransaction}))
  FROM ${names.positionOrigin} o
$fn$`;
}

// One advisory lock per stream (a hash of its name, seeded by the schema) serializes writers of
// that stream only, and exists before the stream does, so two writers creating it take turns too.
// The transaction id is asked for only after that lock is held: the previous writer of the stream
// got its id before releasing the lock, so a stream's later events always get larger positions.
function appendEventsFunctionV2(names: Names): string {
  return `
CREATE FUNCTION ${names.appendEvents}(p_stream text, p_expected text, p_expected_version integer, p_events jsonb)
RETURNS TABLE (stream_version integer, last_position bigint)
LANGUAGE plpgsql AS $fn$
DECLARE
  v_current integer;
  v_last bigint;
  v_count integer := jsonb_array_length(p_events);
  v_fresh boolean;
  v_xid bigint;
  v_slot bigint;
  v_first bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended(p_stream, ${names.lockKey}));
  -- Read after taking the lock: in a volatile function each statement sees commits up to now.
  SELECT e.version, e.position INTO v_current, v_last FROM ${names.events} e WHERE e.stream_id = p_stream ORDER BY e.version DESC LIMIT 1;
  v_current := coalesce(v_current, -1);
  IF (p_expected = 'exact' AND v_current <> p_expected_version)
     OR (p_expected = 'noStream' AND v_current <> -1)
     OR (p_expected = 'streamExists' AND v_current = -1) THEN
    RETURN QUERY SELECT v_current, NULL::bigint;
    RETURN;
  END IF;
  -- Whether this transaction wrote before: only then can it hold events of its own already.
  v_fresh := pg_current_xact_id_if_assigned() IS NULL;
  SELECT pg_current_xact_id()::text::bigint - o.xid_base, o.position_base INTO v_xid, v_slot FROM ${names.positionOrigin} o;
  IF v_xid < 0 THEN
    RAISE EXCEPTION 'append to stream %: this transaction is older than the position origin of the event store: append in a new transaction', p_stream;
  END IF;
  v_slot := v_slot + v_xid * ${slotsPerTransaction};
  v_first := v_slot;
  IF NOT v_fresh THEN
    -- A transaction that appends twice goes on after its own events.
    SELECT coalesce(max(e.position) + 1, v_slot) INTO v_first FROM ${names.events} e
      WHERE e.position >= v_slot AND e.position < v_slot + ${slotsPerTransaction};
  END IF;
  -- Only a transaction that wrote something else first can have an id older than the stream's
  -- last writer's; its events would sort before that writer's. Refuse rather than reorder.
  IF v_last >= v_slot + ${slotsPerTransaction} THEN
    RAISE EXCEPTION 'append to stream %: this transaction wrote before appending and is older than the stream''s last append: call append_events before any other write of a transaction', p_stream;
  END IF;
  IF v_first + v_count > v_slot + ${slotsPerTransaction} THEN
    RAISE EXCEPTION 'append to stream %: one transaction holds at most ${slotsPerTransaction} events', p_stream;
  END IF;
  INSERT INTO ${names.events} (position, stream_id, version, type, data, schema_version, occurred_at)
  SELECT v_first + x.ord - 1, p_stream, v_current + x.ord::integer, x.e->>'type', x.e->'data', (x.e->>'schemaVersion')::integer, (x.e->>'occurredAt')::timestamptz
  FROM jsonb_array_elements(p_events) WITH ORDINALITY AS x(e, ord);
  RETURN QUERY SELECT v_current + v_count, v_first + v_count - 1;
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
${appendEventsFunctionV1(names)};`,
    },
    {
      version: 2,
      name: 'positions from transaction ids, a lock per stream',
      sql: `
-- Appends of version 1 still running in other processes hold this lock: wait for them, so
-- every event written with the old sequence is committed before the origin is set.
SELECT pg_advisory_xact_lock(${lockSpace.appends}, ${names.lockKey});
ALTER TABLE ${names.events} ALTER COLUMN position DROP DEFAULT;
DROP SEQUENCE IF EXISTS ${names.schema}.events_position_seq;
CREATE TABLE ${names.positionOrigin} (
  xid_base bigint NOT NULL,
  position_base bigint NOT NULL,
  single boolean PRIMARY KEY DEFAULT true CHECK (single)
);
-- Every event already stored sits below position_base; every later transaction has a larger id.
INSERT INTO ${names.positionOrigin} (xid_base, position_base)
  SELECT pg_current_xact_id()::text::bigint, coalesce(max(position), 0) + 1 FROM ${names.events};
${readHorizonFunction(names)};
DROP FUNCTION ${names.appendEvents}(text, text, integer, jsonb);
${appendEventsFunctionV2(names)};`,
    },
  ];
}
