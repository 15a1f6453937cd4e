import * as E from 'fp-ts/Either';
import type { Decider } from '../decider';
import type { AccountEvent } from '../events/catalogue';
import type { AccountCommand } from './commands';
import type { AccountError } from './errors';
import type { AccountState } from './state';

const commandType = {
  BrandingConfigured: 'ConfigureBranding',
  NotificationCustomized: 'CustomizeNotification',
  NotificationEnabled: 'EnableNotification',
  NotificationDisabled: 'DisableNotification',
} as const;

/**
 * Whether a recorded account event is one that the decider could have produced on `state`: the
 * replay command refuses a NotificationCustomized whose template does not compile, or a pair that
 * does not exist. Re-enabling an enabled pair is harmless and accepted.
 */
export function checkAccountEventWith<R>(
  decider: Decider<AccountCommand, AccountEvent, AccountState, AccountError<R>>,
  state: AccountState,
  event: AccountEvent,
): E.Either<AccountError<R>, void> {
  const command = { ...event.data, type: commandType[event.type], now: event.occurredAt } as AccountCommand;
  return E.map(() => undefined)(decider.decide(command, state));
}
