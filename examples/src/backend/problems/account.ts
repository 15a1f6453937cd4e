import type { AccountError } from '@rendezvous/domain';
import type { TemplateError } from '@rendezvous/notifications';
import { invalidFields, notFound, problem, type Problem } from '../http/problem';

/** The problem that explains an account command's refusal (template errors carry line and column). */
export function accountProblem(error: AccountError<TemplateError>): Problem {
  switch (error.type) {
    case 'DecodeError':
      return invalidFields(error.problems.map((p) => ({ field: p.path, detail: p.message })));
    case 'TemplateError':
      return problem(422, 'template-error', 'The template does not compile', error.message, {
        field: error.part,
        line: error.line,
        column: error.column,
        construct: error.construct,
        ...(error.suggestion === undefined ? {} : { suggestion: error.suggestion }),
      });
    case 'CustomizationTooLarge':
      return invalidFields([{ field: error.field, detail: error.message }], 'The customization is over a limit');
    case 'UnknownNotificationPair':
      return notFound(error.message, 'unknown-notification', 'No such notification');
    case 'AccountMismatch':
      return invalidFields([{ field: 'accountId', detail: error.message }]);
  }
}
