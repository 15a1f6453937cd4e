import type { TemplateVariables } from './catalogue';
import type { TemplateRuntime } from './engine';
import { escapeHtml, nl2br } from './escape';
import type { Generated } from './generate';
import { display, equals, lookup, truthy } from './values';

/** How to render: `html` escapes values for an HTML body; `subject` gives one plain-text header line. */
export type RenderMode = 'html' | 'subject';

/** The functions generated eta code calls for one render, bound to its values and mode. */
export function runtime(g: Generated, vars: TemplateVariables, mode: RenderMode): TemplateRuntime {
  return {
    t: (i) => g.texts[i] ?? '',
    v: (i) => {
      const slot = g.outputs[i];
      if (slot === undefined) return '';
      let text = display(lookup(vars, slot.name));
      for (const filter of slot.filters) {
        if (filter === 'upper') text = text.toUpperCase();
        else if (filter === 'lower') text = text.toLowerCase();
      }
      if (mode === 'subject') return text;
      // nl2br after escaping, so the only markup a value can ever produce is our own <br>.
      const escaped = escapeHtml(text);
      return slot.filters.includes('nl2br') ? nl2br(escaped) : escaped;
    },
    c: (i) => {
      const slot = g.conditions[i];
      if (slot === undefined) return false;
      const value = lookup(vars, slot.name);
      if (slot.compare === undefined) return truthy(value);
      const same = equals(value, slot.compare.literal);
      return slot.compare.op === '==' ? same : !same;
    },
  };
}
