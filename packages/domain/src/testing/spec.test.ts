import * as E from 'fp-ts/Either';
import { meetingDecider, type Decider } from '@rendezvous/domain';
import { forDecider, jsonDiff, recorded, scheduleMeeting, startMeeting, SpecificationFailure } from '@rendezvous/domain/testing';

const failureOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SpecificationFailure);
    return (error as Error).message;
  }
  throw new Error('expected the specification to fail');
};

// A tiny counter decider: the kit works for any decider, not only meetings.
type Add = { type: 'Add'; amount: number };
type Added = { type: 'Added'; amount: number };
type Refused = { type: 'NotPositive'; message: string };
const counter: Decider<Add, Added, number, Refused> = {
  decide: (c) => (c.amount > 0 ? E.right([{ type: 'Added', amount: c.amount }]) : E.left({ type: 'NotPositive', message: 'amount must be positive' })),
  evolve: (total, e) => total + e.amount,
  initial: 0,
};

describe('the given/when/then kit', () => {
  it('passes when the events match and returns the refusal when one is expected', () => {
    forDecider(counter).given([{ type: 'Added', amount: 2 }]).when({ type: 'Add', amount: 3 }).then([{ type: 'Added', amount: 3 }]);
    expect(forDecider(counter).when({ type: 'Add', amount: 0 }).thenFails('NotPositive').message).toBe('amount must be positive');
    expect(forDecider(counter).given([{ type: 'Added', amount: 2 }]).when({ type: 'Add', amount: 3 }).thenState()).toBe(5);
  });

  it('shows a JSON line diff of the events outside jest', () => {
    const message = failureOf(() => forDecider(counter, { differ: 'json' }).when({ type: 'Add', amount: 3 }).then([{ type: 'Added', amount: 4 }]));
    expect(message).toBe(
      ['given 0 event(s), when Add: the events differ', '', '- expected', '+ actual', '', '  [', '    {', '-     "amount": 4,', '+     "amount": 3,', '      "type": "Added"', '    }', '  ]'].join('\n'),
    );
  });

  it('shows jest’s own diff under jest', () => {
    const message = failureOf(() => forDecider(counter).when({ type: 'Add', amount: 3 }).then([{ type: 'Added', amount: 4 }]));
    expect(message).toContain('given 0 event(s), when Add: the events differ');
    expect(message).toContain('toEqual');
  });

  it('says when a command was refused but events were expected, and the other way round', () => {
    expect(failureOf(() => forDecider(counter).when({ type: 'Add', amount: -1 }).then([]))).toBe(
      'given 0 event(s), when Add: expected 0 event(s), but the command was refused with NotPositive: amount must be positive',
    );
    expect(failureOf(() => forDecider(counter).when({ type: 'Add', amount: 1 }).thenFails('NotPositive'))).toBe(
      'given 0 event(s), when Add: expected a refusal of type NotPositive, but the command was accepted with\n[\n  {\n    "amount": 1,\n    "type": "Added"\n  }\n]',
    );
  });

  it('names both error types when the refusal is a different one', () => {
    const message = failureOf(() => forDecider(meetingDecider).given([recorded(scheduleMeeting())]).when(scheduleMeeting()).thenFails('StartNotInFuture'));
    expect(message).toBe(
      'given 1 event(s), when ScheduleMeeting: expected a refusal of type StartNotInFuture, but it was refused with MeetingAlreadyScheduled: meeting m-1 is already scheduled; a meeting is scheduled once (reschedule it to move its start)',
    );
  });

  it('refuses to be awaited like a promise', async () => {
    const outcome = forDecider(meetingDecider).when(startMeeting());
    await expect(Promise.resolve().then(() => outcome)).rejects.toThrow('an Outcome is not a promise');
  });

  it('diffs values line by line, keys sorted', () => {
    expect(jsonDiff({ b: 1, a: [1, 2] }, { a: [1, 3], b: 1 })).toBe(
      ['- expected', '+ actual', '', '  {', '    "a": [', '      1,', '-     2', '+     3', '    ],', '    "b": 1', '  }'].join('\n'),
    );
  });
});
