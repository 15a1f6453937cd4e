import { Eta } from 'eta';

/**
 * The one eta instance: no auto-escaping (values are escaped per mode by our own `it.v`), no
 * `with` (the generated code reads only `it`), no whitespace trimming (the admin's text is in our
 * tables, not in the source), no views directory (so include/layout cannot reach a file).
 */
const eta = new Eta({
  autoEscape: false,
  autoFilter: false,
  autoTrim: false,
  rmWhitespace: false,
  useWith: false,
  cache: false,
  debug: false,
  varName: 'it',
  tags: ['<%', '%>'],
  plugins: [],
  customTags: {},
});

/** The calls generated eta source makes: literal text, a value, a test, each by table index. */
export interface TemplateRuntime {
  readonly t: (index: number) => string;
  readonly v: (index: number) => string;
  readonly c: (index: number) => boolean;
}

/** A compiled template function, compiled once and rendered many times. */
export type EtaTemplate = (runtime: TemplateRuntime) => string;

/** Compiles eta source that WE generated (never admin text) into a reusable function. */
export function compileEta(source: string): EtaTemplate {
  const fn = eta.compile(source);
  return (runtime) => eta.render(fn, runtime);
}
