import { UUID } from '@eventstore/db-client/generated/shared_pb';
import { uuidFromWire, uuidToWire } from './uuid';

describe('UUIDs on the wire', () => {
  const id = 'f81d4fae-7dec-11d0-a765-00a0c91e6bf6';

  it('go out as the string or as two signed int64 halves, and come back the same', () => {
    const structured = uuidToWire(id, true).getStructured();
    expect([structured?.getMostSignificantBits(), structured?.getLeastSignificantBits()]).toEqual(['-568210367123287600', '-6384696206158828554']);
    expect([uuidFromWire(uuidToWire(id, true)), uuidFromWire(uuidToWire(id, false))]).toEqual([id, id]);
  });

  it('read as undefined when absent or empty', () => {
    expect([uuidFromWire(undefined), uuidFromWire(new UUID())]).toEqual([undefined, undefined]);
  });
});
