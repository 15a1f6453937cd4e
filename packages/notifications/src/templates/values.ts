import type { TemplateVariables } from './catalogue';
import type { TemplateLiteral } from './syntax';

type Value = string | number | boolean | undefined;

/** A variable's value by own property only: `constructor` or `__proto__` never reach the prototype. */
export function lookup(vars: TemplateVariables, name: string): Value {
  if (!Object.prototype.hasOwnProperty.call(vars, name)) return undefined;
  const value: unknown = vars[name];
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
}

/** The text of a value: undefined (and anything that is not a string, number or boolean) is empty. */
export function display(value: Value): string {
  if (value === undefined) return '';
  return String(value);
}

/** `{% if %}` truthiness: a non-empty string, a non-zero number, true. */
export function truthy(value: Value): boolean {
  if (typeof value === 'string') return value !== '';
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  return value === true;
}

/**
 * `==` compares text forms, so `meeting.type.duration == 30`, `== "30"` and a duration held as
 * the string "30" all agree, and an absent value equals "".
 */
export function equals(value: Value, literal: TemplateLiteral): boolean {
  return display(value) === String(literal.value);
}
