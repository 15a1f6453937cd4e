import * as E from 'fp-ts/Either';
import { decodePlanningOptions, defaultPlanningOptions, planningOptions } from './options';

describe('planning options', () => {
  it('default to a 60-minute lead, a 3-hour minimum notice and a 60-minute review delay', () => {
    expect(planningOptions()).toEqual({ startsSoonLeadMinutes: 60, minimumNoticeMinutes: 180, reviewDelayMinutes: 60 });
    expect(planningOptions({ reviewDelayMinutes: 15 })).toEqual({ ...defaultPlanningOptions, reviewDelayMinutes: 15 });
  });

  it('read from untrusted configuration, naming a field that is not whole minutes', () => {
    expect(decodePlanningOptions({ startsSoonLeadMinutes: 30 })).toEqual(E.right({ ...defaultPlanningOptions, startsSoonLeadMinutes: 30 }));
    expect(decodePlanningOptions(undefined)).toEqual(E.right(defaultPlanningOptions));
    const bad = decodePlanningOptions({ minimumNoticeMinutes: -5, reviewDelayMinutes: '60' });
    expect(E.isLeft(bad) && bad.left.message).toBe(
      'minimumNoticeMinutes: must be a whole number of minutes from 0 to 43200 (30 days)\nreviewDelayMinutes: must be a whole number of minutes from 0 to 43200 (30 days)',
    );
  });
});
