import type { ResolvedEventLike } from './client';
import { streamNames } from './names';
import { commitPositionOf, selectionOf } from './selection';

const resolved = (streamId: string, type: string, position: bigint): ResolvedEventLike => ({
  event: { streamId, type, revision: 0n, data: {}, position: { commit: position, prepare: position } },
  commitPosition: position,
});

const picked = (selection: ReturnType<typeof selectionOf>, events: ResolvedEventLike[]): string[] =>
  events.flatMap((e) => {
    const selected = selection.pick(e);
    return selected ? [`${selected.streamId}:${selected.recorded.type}@${selected.position}`] : [];
  });

describe('selectionOf', () => {
  it('asks the server for the types, escaped and anchored, from the checkpoint', () => {
    const selection = selectionOf(streamNames(), { after: 42n, eventTypes: ['Meeting.Started', 'A+B'] });
    expect([selection.fromPosition, selection.filter]).toEqual([
      { commit: 42n, prepare: 42n },
      { filterOn: 'eventType', regex: '^(?:Meeting\\.Started|A\\+B)$', checkpointInterval: 1 },
    ]);
  });

  it('asks for everything but system events from the start when given nothing', () => {
    const selection = selectionOf(streamNames(), {});
    expect([selection.fromPosition, selection.filter]).toEqual(['start', { filterOn: 'eventType', regex: '^[^$]', checkpointInterval: 1 }]);
  });

  it('asks for the stream prefix when there is one', () => {
    expect(selectionOf(streamNames('t1/'), { eventTypes: ['A'] }).filter).toEqual({ filterOn: 'streamName', prefixes: ['t1/'], checkpointInterval: 1 });
  });

  it('keeps only what was asked for, strictly after the checkpoint, without the prefix', () => {
    const selection = selectionOf(streamNames('t1/'), { after: 10n, eventTypes: ['A'] });
    const events = [
      resolved('t1/m-1', 'A', 10n),
      resolved('t1/m-1', 'A', 11n),
      resolved('t1/m-1', 'B', 12n),
      resolved('t2/m-1', 'A', 13n),
      resolved('$$t1/m-1', 'A', 14n),
      resolved('t1/m-2', '$metadata', 15n),
      { commitPosition: 16n },
      resolved('t1/m-2', 'A', 17n),
    ];
    expect(picked(selection, events)).toEqual(['m-1:A@11', 'm-2:A@17']);
  });

  it('skips system streams and types without a prefix too', () => {
    const events = [resolved('$stats-1', 'A', 1n), resolved('m-1', '$>', 2n), resolved('m-1', 'A', 3n)];
    expect(picked(selectionOf(streamNames(), {}), events)).toEqual(['m-1:A@3']);
  });

  it('keeps nothing when no type is asked for', () => {
    expect(picked(selectionOf(streamNames(), { eventTypes: [] }), [resolved('m-1', 'A', 1n)])).toEqual([]);
  });
});

describe('commitPositionOf', () => {
  it('refuses an event whose position the server does not know, naming the server version needed', () => {
    const old: ResolvedEventLike = { event: { streamId: 'm-1', type: 'A', revision: 3n, data: {}, position: { commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n } } };
    expect(() => commitPositionOf(old, old.event!)).toThrow('EventStoreDB sent m-1@3 without a commit position; the adapter needs a server of version 22.6 or later');
  });
});
