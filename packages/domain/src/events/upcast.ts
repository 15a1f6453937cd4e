import type { EventType } from './catalogue';

// Events are stored forever; when a data shape changes, the old shape is upcast on read so
// that the rest of the code only ever sees the current one. Each step lifts one version.
type Step = (data: Record<string, unknown>) => Record<string, unknown>;

const steps: Partial<Record<EventType, Record<number, Step>>> = {
  MeetingScheduled: {
    // Version 1 stored the meeting type as a bare name with a top-level `duration` (minutes)
    // and had no `createdBy` (only hosts could book then).
    1: ({ meetingType, duration, ...rest }) => ({
      ...rest,
      meetingType: typeof meetingType === 'string' ? { name: meetingType, durationMinutes: duration } : meetingType,
      createdBy: rest['createdBy'] ?? 'user',
    }),
  },
};

/** Lifts `data` stored under `schemaVersion` to the current shape of `type`. */
export function upcast(type: EventType, schemaVersion: number, data: Record<string, unknown>): Record<string, unknown> {
  const chain = steps[type];
  if (chain === undefined) return data;
  let current = data;
  for (let version = schemaVersion; chain[version] !== undefined; version++) {
    current = (chain[version] as Step)(current);
  }
  return current;
}
