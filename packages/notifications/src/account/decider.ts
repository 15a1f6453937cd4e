import type { AccountEvent, Decider } from '@rendezvous/domain';
import type { AccountCommand } from './commands';
import { decideAccount } from './decide';
import type { AccountError } from './errors';
import { evolveAccount } from './evolve';
import type { AccountState } from './state';
import { initialAccountState } from './state';

/** The account aggregate: branding and per-pair customization and toggles. */
export const accountDecider: Decider<AccountCommand, AccountEvent, AccountState, AccountError> = {
  decide: decideAccount,
  evolve: evolveAccount,
  initial: initialAccountState,
};
