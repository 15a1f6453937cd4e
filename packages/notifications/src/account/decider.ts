import * as E from 'fp-ts/Either';
import { accountDeciderWith, checkAccountEventWith, type AccountEvent, type AccountState, type CustomizeNotification } from '@rendezvous/domain';
import { compileTemplate } from '../templates/compile';
import type { TemplateError } from '../templates/errors';
import { checkBodyHtml } from '../templates/html/check';

/** What a customization's templates must pass to be saved: both compile, and the body's HTML is allowed. */
export function checkCustomizationTemplates(customization: CustomizeNotification): TemplateError | undefined {
  const { audience, notification, subject, body } = customization;
  const compiledSubject = compileTemplate(subject, { notification, audience, part: 'subject' });
  if (E.isLeft(compiledSubject)) return compiledSubject.left;
  const compiledBody = compileTemplate(body, { notification, audience, part: 'body' });
  if (E.isLeft(compiledBody)) return compiledBody.left;
  return checkBodyHtml(body);
}

/**
 * The account decider of @rendezvous/domain with the template language's check: a customization
 * is refused with the template error (part, line, column, closest name) when either template fails
 * to compile, so NotificationCustomized is only ever recorded for templates that render.
 */
export const accountDecider = accountDeciderWith(checkCustomizationTemplates);

/** Whether a recorded account event is one {@link accountDecider} could have produced on `state` (for replays). */
export function checkAccountEvent(state: AccountState, event: AccountEvent): ReturnType<typeof checkAccountEventWith<TemplateError>> {
  return checkAccountEventWith(accountDecider, state, event);
}
