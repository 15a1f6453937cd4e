// An event store a user might write for themselves: records in an array, every event through the
// JSON serializer, one global order. It exists to prove the contract kit runs against a store
// that is not ours, from the published packages alone.
const { VersionConflictError, jsonSerializer } = require('@rendezvous/adapters');

function createArrayStore() {
  const records = []; // { streamId, version, position, serialized }, in global order
  const versions = new Map();
  const sleepers = new Set();
  const subscriptions = new Set();
  let position = 0n;

  const wakeAll = () => {
    for (const wake of [...sleepers]) wake();
  };
  const toStored = async (r) => ({
    streamId: r.streamId,
    version: r.version,
    position: r.position,
    event: await jsonSerializer.deserialize(r.streamId, r.version, r.serialized),
  });
  const selected = (r, options) =>
    (options.after === undefined || r.position > options.after) &&
    (options.eventTypes === undefined || options.eventTypes.includes(r.serialized.type));

  function currentVersion(streamId, expected) {
    const current = versions.has(streamId) ? versions.get(streamId) : -1;
    const fits =
      expected.kind === 'any' ||
      (expected.kind === 'noStream' && current === -1) ||
      (expected.kind === 'streamExists' && current >= 0) ||
      (expected.kind === 'exact' && expected.version === current);
    if (!fits) throw new VersionConflictError(streamId, expected, current);
    return current;
  }

  function push(streamId, serialized) {
    let version = versions.has(streamId) ? versions.get(streamId) : -1;
    for (const s of serialized) {
      version += 1;
      position += 1n;
      records.push({ streamId, version, position, serialized: s });
    }
    versions.set(streamId, version);
    wakeAll();
    return { nextVersion: version, position };
  }

  return {
    async append(streamId, events, expected) {
      const serialized = await Promise.all(events.map((e) => jsonSerializer.serialize(streamId, e)));
      currentVersion(streamId, expected); // checked after the awaits, so nothing runs in between
      return push(streamId, serialized);
    },
    async writeRaw(streamId, record) {
      push(streamId, [record]);
    },
    async *readStream(streamId, options = {}) {
      const upTo = records.length;
      for (let i = 0; i < upTo; i++) {
        const r = records[i];
        if (r.streamId === streamId && r.version >= (options.fromVersion ?? 0)) yield await toStored(r);
      }
    },
    async *readAll(options = {}) {
      const upTo = records.length;
      for (let i = 0; i < upTo; i++) if (selected(records[i], options)) yield await toStored(records[i]);
    },
    subscribe(handler, options = {}) {
      let stopped = false;
      let wake = () => undefined;
      const follow = async () => {
        let next = 0;
        while (!stopped) {
          if (next < records.length) {
            const r = records[next++];
            if (selected(r, options)) await handler(await toStored(r));
          } else {
            await new Promise((resolve) => {
              wake = resolve;
              sleepers.add(resolve);
            });
            sleepers.delete(wake);
          }
        }
      };
      const done = follow();
      done.catch(() => undefined); // the caller reads the failure from `done`
      const subscription = {
        done,
        async close() {
          stopped = true;
          wake();
          subscriptions.delete(subscription);
          await done.catch(() => undefined);
        },
      };
      subscriptions.add(subscription);
      return subscription;
    },
    async close() {
      await Promise.all([...subscriptions].map((s) => s.close()));
    },
  };
}

module.exports = { createArrayStore };
