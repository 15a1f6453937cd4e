import type { Decider } from '../decider';
import type { AccountEvent } from '../events/catalogue';
import type { AccountCommand } from './commands';
import { decideAccountWith, type CustomizationCheck } from './decide';
import type { AccountError } from './errors';
import { evolveAccount } from './evolve';
import { initialAccountState, type AccountState } from './state';

/**
 * The account aggregate (branding, per-pair customization and toggles), given the check a
 * customization's templates must pass. @rendezvous/notifications exports `accountDecider`, this
 * with its template language's check.
 */
export function accountDeciderWith<R>(checkTemplates: CustomizationCheck<R>): Decider<AccountCommand, AccountEvent, AccountState, AccountError<R>> {
  return { decide: decideAccountWith(checkTemplates), evolve: evolveAccount, initial: initialAccountState };
}
