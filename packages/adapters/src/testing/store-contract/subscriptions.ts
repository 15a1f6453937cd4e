import type { StoredEvent } from '../../store/port';
import { Collector, collect, coordinates, ended, expectIncreasingPositions, invitations, pause, started, within, type Subject } from './fixtures';

/** Catching up, following live appends, stopping, and handler discipline. */
export function describeSubscriptions(subject: Subject): void {
  describe('subscribe', () => {
    it('catches up, then follows live appends in global order, each event once', async () => {
      const { store } = subject();
      await store.append('meeting-a', invitations('a', 2), { kind: 'noStream' });
      await store.append('meeting-b', [started('b')], { kind: 'noStream' });
      const seen = new Collector();
      const subscription = store.subscribe(seen.handler);
      await seen.until(3);
      await store.append('meeting-a', [started('a')], { kind: 'exact', version: 1 });
      await store.append('meeting-b', [ended('b')], { kind: 'exact', version: 0 });
      await seen.until(5);
      await pause(50);
      await subscription.close();
      await expect(subscription.done).resolves.toBeUndefined();
      expect(coordinates(seen.events)).toEqual(['meeting-a@0', 'meeting-a@1', 'meeting-b@0', 'meeting-a@2', 'meeting-b@1']);
      expect(seen.events.map((e) => e.event)).toEqual([...invitations('a', 2), started('b'), started('a'), ended('b')]);
      expectIncreasingPositions(seen.events);
    });

    it('starts strictly after a checkpoint and keeps only the types asked for', async () => {
      const { store } = subject();
      await store.append('meeting-a', [started('a'), ended('a')], { kind: 'noStream' });
      const [first] = await collect(store.readAll());
      const seen = new Collector();
      const subscription = store.subscribe(seen.handler, { after: first?.position as bigint, eventTypes: ['MeetingEnded'] });
      await store.append('meeting-b', [started('b'), ended('b')], { kind: 'noStream' });
      await seen.until(2);
      await pause(50);
      await subscription.close();
      expect(coordinates(seen.events)).toEqual(['meeting-a@1', 'meeting-b@1']);
    });

    it('awaits the handler before handing it the next event', async () => {
      const { store } = subject();
      await store.append('meeting-a', invitations('a', 6), { kind: 'noStream' });
      let running = 0;
      let most = 0;
      const versions: number[] = [];
      const seen = new Collector();
      const subscription = store.subscribe(async (stored) => {
        running++;
        most = Math.max(most, running);
        await pause(3);
        versions.push(stored.version);
        running--;
        seen.handler(stored);
      });
      await seen.until(6);
      await subscription.close();
      expect([most, versions]).toEqual([1, [0, 1, 2, 3, 4, 5]]);
    });

    it('stops with the error the handler threw, handling nothing after it', async () => {
      const { store } = subject();
      await store.append('meeting-a', invitations('a', 4), { kind: 'noStream' });
      const failure = new Error('projection is broken');
      const handled: number[] = [];
      const subscription = store.subscribe((stored) => {
        handled.push(stored.version);
        if (stored.version === 1) throw failure;
      });
      await expect(within(subscription.done, 5000, 'the subscription did not stop')).rejects.toBe(failure);
      await store.append('meeting-a', [started('a')], { kind: 'any' });
      await pause(100);
      expect(handled).toEqual([0, 1]);
      await subscription.close();
    });

    it('closes only once the handler in flight has finished', async () => {
      const { store } = subject();
      await store.append('meeting-a', invitations('a', 3), { kind: 'noStream' });
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const entered = new Collector();
      let finished = 0;
      const subscription = store.subscribe(async (stored) => {
        entered.handler(stored);
        await gate;
        finished++;
      });
      await entered.until(1);
      let closed = false;
      const closing = subscription.close().then(() => (closed = true));
      await pause(50);
      expect(closed).toBe(false);
      release();
      await closing;
      await subscription.done;
      expect([entered.events.length, finished]).toEqual([1, 1]);
    });

    it('closes every subscription when the store closes', async () => {
      const { store } = subject();
      const subscription = store.subscribe(() => undefined);
      await pause(20);
      await store.close();
      await expect(subscription.done).resolves.toBeUndefined();
    });
  });

  describe('resuming from a checkpoint', () => {
    // A projection that records where each event sits, so a repeat or a gap shows up.
    const project = (into: Map<string, number[]>, stored: StoredEvent): void => {
      into.set(stored.streamId, [...(into.get(stored.streamId) ?? []), stored.version]);
    };

    async function seed(subjectStore: ReturnType<Subject>['store']): Promise<void> {
      // 800 events: more than one page of any store that reads in pages of 500.
      for (let batch = 0; batch < 8; batch++) {
        await subjectStore.append(`meeting-r${batch % 4}`, invitations(`r${batch % 4}`, 100, batch * 100), { kind: 'any' });
      }
    }

    async function uninterrupted(subjectStore: ReturnType<Subject>['store'], total: number): Promise<Map<string, number[]>> {
      const projection = new Map<string, number[]>();
      const seen = new Collector();
      const subscription = subjectStore.subscribe((stored) => {
        project(projection, stored);
        seen.handler(stored);
      });
      await seen.until(total, 10000);
      await subscription.close();
      return projection;
    }

    it('a subscriber that crashed mid-catch-up resumes without missing or repeating', async () => {
      const { store } = subject();
      await seed(store);
      const projection = new Map<string, number[]>();
      let checkpoint = 0n;
      const apply = (stored: StoredEvent): void => {
        project(projection, stored);
        checkpoint = stored.position;
      };
      const crash = new Error('killed');
      let applied = 0;
      const first = store.subscribe((stored) => {
        // Killed after 600 events, before the 601st is applied or its checkpoint saved.
        if (applied === 600) throw crash;
        apply(stored);
        applied++;
      });
      await expect(within(first.done, 10000, 'the subscription did not stop')).rejects.toBe(crash);
      expect([...projection.values()].flat().length).toBe(600);
      const seen = new Collector();
      const second = store.subscribe(
        (stored) => {
          apply(stored);
          seen.handler(stored);
        },
        { after: checkpoint },
      );
      await store.append('meeting-r0', [started('r0')], { kind: 'any' });
      await seen.until(201, 10000);
      await second.close();
      expect(projection).toEqual(await uninterrupted(store, 801));
      for (const versions of projection.values()) expect(versions).toEqual(versions.map((_, i) => i));
    });

    it('a subscriber closed mid-catch-up resumes without missing or repeating', async () => {
      const { store } = subject();
      await seed(store);
      const projection = new Map<string, number[]>();
      let checkpoint = 0n;
      let count = 0;
      const first = store.subscribe((stored) => {
        project(projection, stored);
        checkpoint = stored.position;
        if (++count === 450) void first.close();
      });
      await first.done;
      expect(count).toBe(450);
      const seen = new Collector();
      const second = store.subscribe(
        (stored) => {
          project(projection, stored);
          seen.handler(stored);
        },
        { after: checkpoint },
      );
      await seen.until(350, 10000);
      await second.close();
      expect(projection).toEqual(await uninterrupted(store, 800));
    });
  });
}
