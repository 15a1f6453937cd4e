import * as t from 'io-ts';
import * as E from 'fp-ts/Either';
import type { DecodeError } from '@rendezvous/domain';
import { decode } from '@rendezvous/domain';

/** The timing an embedding application may change (docs/CONTRACT.md §2.13). */
export interface PlanningOptions {
  /** meeting-starts-soon is due this long before the start. */
  readonly startsSoonLeadMinutes: number;
  /** meeting-starts-soon is only sent when the start was set at least this long before it. */
  readonly minimumNoticeMinutes: number;
  /** review is due this long after the end. */
  readonly reviewDelayMinutes: number;
}

/** The contract's defaults: 60 minutes lead, 3 hours minimum notice, 60 minutes review delay. */
export const defaultPlanningOptions: PlanningOptions = {
  startsSoonLeadMinutes: 60,
  minimumNoticeMinutes: 180,
  reviewDelayMinutes: 60,
};

const thirtyDays = 30 * 24 * 60;

const WholeMinutes = new t.Type<number, number, unknown>(
  'WholeMinutes',
  (u): u is number => typeof u === 'number' && Number.isInteger(u) && u >= 0 && u <= thirtyDays,
  (u, c) =>
    typeof u === 'number' && Number.isInteger(u) && u >= 0 && u <= thirtyDays
      ? t.success(u)
      : t.failure(u, c, `must be a whole number of minutes from 0 to ${thirtyDays} (30 days)`),
  t.identity,
);

const PlanningOptionsCodec = t.exact(
  t.partial({ startsSoonLeadMinutes: WholeMinutes, minimumNoticeMinutes: WholeMinutes, reviewDelayMinutes: WholeMinutes }),
  'PlanningOptions',
);

/** Reads options from untrusted configuration (JSON, environment); missing ones take the defaults. */
export function decodePlanningOptions(raw: unknown): E.Either<DecodeError, PlanningOptions> {
  return E.map(planningOptions)(decode(PlanningOptionsCodec, raw ?? {}));
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The options with the defaults filled in. */
export function planningOptions(options: Partial<PlanningOptions> = {}): PlanningOptions {
  return { ...defaultPlanningOptions, ...withoutUndefined(options) };
}
