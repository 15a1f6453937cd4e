import { accountStream, Audience, NotificationId, type AccountEvent, pairExists, type AccountState } from '@rendezvous/domain';
import { accountDecider } from '@rendezvous/notifications';
import type { App } from '../app';
import { invalidFields, notFound, type Problem } from '../http/problem';

/** An account's folded settings and its stream version (-1: nothing recorded yet). */
export async function loadAccount(app: App, accountId: string): Promise<{ state: AccountState; version: number }> {
  let state = accountDecider.initial;
  let version = -1;
  for await (const stored of app.store.readStream(accountStream(accountId))) {
    state = accountDecider.evolve(state, stored.event as AccountEvent);
    version = stored.version;
  }
  return { state, version };
}

/** A pair named in a path, checked against the catalogue. */
export type PairParams = { readonly audience: Audience; readonly notification: NotificationId };

const audienceList = Object.keys(Audience.keys).join(', ');
const notificationList = Object.keys(NotificationId.keys).join(', ');

/** Reads `:audience/:notification` from the path: an unknown one is a 404 that lists the valid ones. */
export function pairOf(params: { readonly audience: string; readonly notification: string }): PairParams | Problem {
  const { audience, notification } = params;
  if (!Audience.is(audience)) return notFound(`there is no audience ${JSON.stringify(audience)}; audiences are ${audienceList}`, 'unknown-notification', 'No such notification');
  if (!NotificationId.is(notification)) {
    return notFound(`there is no notification ${JSON.stringify(notification)}; notifications are ${notificationList}`, 'unknown-notification', 'No such notification');
  }
  if (!pairExists(audience, notification)) {
    return notFound(`${notification} is only sent to guests; the user audience (the host) never receives it`, 'unknown-notification', 'No such notification');
  }
  return { audience, notification };
}

/** True when `value` is a Problem rather than a result. */
export const isProblemValue = (value: object): value is Problem => 'status' in value && 'type' in value;

/** 422 for an account id that is empty or only spaces (`/accounts/%20/...`); found by the fuzzer. */
export function accountIdProblem(accountId: string): Problem | undefined {
  return accountId.trim() === '' ? invalidFields([{ field: 'id', detail: 'the account id in the path is empty; the path is /accounts/<accountId>/..., e.g. /accounts/acme/notifications' }]) : undefined;
}
