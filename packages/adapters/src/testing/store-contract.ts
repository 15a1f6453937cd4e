import { describeAppends } from './store-contract/appends';
import { describeCorruption } from './store-contract/corruption';
import { describeLateCommit } from './store-contract/late-commit';
import type { StoreFactory, StoreUnderTest } from './store-contract/fixtures';
import { describeReads } from './store-contract/reads';
import { describeSubscriptions } from './store-contract/subscriptions';

export type { HeldAppend, StoreFactory, StoreUnderTest } from './store-contract/fixtures';

/**
 * The event store contract as a jest suite: every promise of the EventStore port. An adapter
 * author calls it from a test file with a factory that builds a store over fresh, empty storage.
 */
export function describeEventStoreContract(name: string, factory: StoreFactory): void {
  describe(`${name} fulfils the EventStore contract`, () => {
    let current: StoreUnderTest | undefined;
    const subject = (): StoreUnderTest => {
      if (current === undefined) throw new Error('the store factory has not run for this test');
      return current;
    };

    beforeEach(async () => {
      current = await factory();
    });
    afterEach(async () => {
      const done = current;
      current = undefined;
      await done?.teardown();
    });

    describeAppends(subject);
    describeReads(subject);
    describeSubscriptions(subject);
    describeLateCommit(subject);
    describeCorruption(subject);
  });
}
