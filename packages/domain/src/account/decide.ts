import * as t from 'io-ts';
import * as E from 'fp-ts/Either';
import { decode } from '../codec/decode';
import type { Audience, NotificationId } from '../events/account';
import type { AccountEvent } from '../events/catalogue';
import type { AccountCommand, CustomizeNotification } from './commands';
import { accountCommandCodecs } from './commands';
import type { AccountError, UnknownNotificationPair } from './errors';
import { checkLimits } from './limits';
import { audienceNoun, pairExists } from './pairs';
import type { AccountState } from './state';
import { pairSettings } from './state';

function unknownPair(audience: Audience, notification: NotificationId): UnknownNotificationPair {
  const why =
    audience === 'user'
      ? `${notification} is only sent to guests; the host (user audience) never receives it`
      : `there is no ${notification} notification`;
  return {
    type: 'UnknownNotificationPair',
    audience,
    notification,
    message: `(${audience}, ${notification}) is not a notification ${audienceNoun(audience)} receive: ${why}`,
  };
}

function sameAccount(state: AccountState, accountId: string): E.Either<AccountError, void> {
  if (state.accountId === undefined || state.accountId === accountId) return E.right(undefined);
  return E.left({
    type: 'AccountMismatch',
    expected: state.accountId,
    actual: accountId,
    message: `this is the stream of account ${state.accountId}; a change for account ${accountId} does not belong here`,
  });
}

/**
 * What a customization's subject and body must pass beyond the pair and the limits: the template
 * language lives in @rendezvous/notifications, which passes its check in, so the model stays pure
 * and imports point one way. Returns the refusal, or undefined when the templates are fine.
 */
export type CustomizationCheck<Refusal> = (customization: CustomizeNotification) => Refusal | undefined;

/** Checks a customization the way the Email Editor saves it: pair, limits, then the templates. */
function checkCustomization<R>(command: CustomizeNotification, checkTemplates: CustomizationCheck<R>): E.Either<AccountError<R>, void> {
  const { audience, notification } = command;
  if (!pairExists(audience, notification)) return E.left(unknownPair(audience, notification));
  const tooLarge = checkLimits(command);
  if (tooLarge !== undefined) return E.left(tooLarge);
  const refused = checkTemplates(command);
  return refused === undefined ? E.right(undefined) : E.left(refused);
}

function decoded(command: AccountCommand): E.Either<AccountError, AccountCommand> {
  const codec = accountCommandCodecs[command.type] as unknown as t.Type<AccountCommand, unknown, unknown>;
  return decode(codec, command);
}

function decideValid<R>(command: AccountCommand, state: AccountState, checkTemplates: CustomizationCheck<R>): E.Either<AccountError<R>, readonly AccountEvent[]> {
  const mismatch = sameAccount(state, command.accountId);
  if (E.isLeft(mismatch)) return mismatch;
  const occurredAt = command.now;
  switch (command.type) {
    case 'ConfigureBranding': {
      const { type: _type, now: _now, ...data } = command;
      return E.right([{ type: 'BrandingConfigured', occurredAt, data }]);
    }
    case 'CustomizeNotification': {
      const checked = checkCustomization(command, checkTemplates);
      if (E.isLeft(checked)) return checked;
      const { type: _type, now: _now, ...data } = command;
      return E.right([{ type: 'NotificationCustomized', occurredAt, data }]);
    }
    case 'EnableNotification':
    case 'DisableNotification': {
      const { accountId, audience, notification } = command;
      if (!pairExists(audience, notification)) return E.left(unknownPair(audience, notification));
      const enable = command.type === 'EnableNotification';
      // Asking for the state a pair is already in records nothing: there is no change to tell.
      if (pairSettings(state, audience, notification).enabled === enable) return E.right([]);
      const data = { accountId, audience, notification };
      return E.right([enable ? { type: 'NotificationEnabled', occurredAt, data } : { type: 'NotificationDisabled', occurredAt, data }]);
    }
  }
}

/**
 * The account's decide function, with the check a customization's templates must pass: the
 * events to record, or why not. NotificationCustomized is only ever recorded for a customization
 * that passed it.
 */
export function decideAccountWith<R>(checkTemplates: CustomizationCheck<R>) {
  return (command: AccountCommand, state: AccountState): E.Either<AccountError<R>, readonly AccountEvent[]> => {
    const valid = decoded(command);
    return E.isLeft(valid) ? valid : decideValid(valid.right, state, checkTemplates);
  };
}
