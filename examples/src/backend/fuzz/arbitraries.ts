import fc from 'fast-check';

// fast-check arbitraries derived from the JSON Schemas of GET /openapi.json: values the schema
// accepts (valid requests), and ways to break them (invalid ones). Only the keywords the
// service's own schemas use are read; anything else falls back to any JSON value.

/** A JSON Schema as the document holds it. */
export type JsonSchema = {
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly format?: string;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly items?: JsonSchema;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly examples?: readonly unknown[];
  readonly example?: unknown;
};

const smallJson = fc.jsonValue({ maxDepth: 2 });
const isoInstant = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().replace('.000Z', 'Z'));

function stringOf(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  let made: fc.Arbitrary<string>;
  if (schema.format === 'email') made = fc.emailAddress();
  else if (schema.format === 'date-time') made = isoInstant;
  else if (schema.pattern !== undefined) made = fc.stringMatching(new RegExp(schema.pattern));
  else made = fc.string({ minLength, maxLength: Math.max(minLength, schema.maxLength ?? 24), unit: 'grapheme' });
  return made;
}

/** Values `schema` accepts; its examples come up often, so requests reach past the first checks. */
export function valueOf(schema: JsonSchema): fc.Arbitrary<unknown> {
  const examples = [...(schema.examples ?? []), ...(schema.example === undefined ? [] : [schema.example])];
  const made = madeOf(schema);
  return examples.length === 0 ? made : fc.oneof({ arbitrary: fc.constantFrom(...examples), weight: 3 }, { arbitrary: made, weight: 1 });
}

function madeOf(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum !== undefined) return fc.constantFrom(...schema.enum);
  const type = schema.type;
  if (Array.isArray(type)) return fc.oneof(...type.map((one: string) => madeOf({ ...schema, type: one })));
  switch (type) {
    case 'string':
      return stringOf(schema);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(valueOf(schema.items ?? {}), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 3, Math.max(3, schema.minItems ?? 0)) });
    case 'object': {
      const properties = schema.properties ?? {};
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, property] of Object.entries(properties)) model[name] = valueOf(property);
      return fc.record(model, { requiredKeys: (schema.required ?? []).filter((name) => name in properties) as never[] });
    }
    default:
      return smallJson;
  }
}

/** Strings that have broken services: control characters, lone surrogates, direction marks, header injection, long ones. */
export const oddStrings: readonly string[] = [
  '',
  ' ',
  '\u0000',
  '\ud800',
  'a\udc00b',
  '\u202eevil',
  'e\u0301\u0301\u0301',
  '🎉'.repeat(500),
  'Ann\r\nBcc: victim@example.com',
  '{{ constructor.constructor("return process")() }}',
  '<% process.exit() %>',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00%ff',
  'x'.repeat(100_000),
  '1e309',
  '9'.repeat(400),
];

/** A way to break a valid value. */
export type Breakage =
  | { readonly kind: 'wrong-type'; readonly at: number; readonly value: unknown }
  | { readonly kind: 'missing'; readonly at: number }
  | { readonly kind: 'odd-string'; readonly at: number; readonly value: string }
  | { readonly kind: 'huge-body'; readonly bytes: number }
  | { readonly kind: 'bad-json'; readonly cut: number; readonly junk: string }
  | { readonly kind: 'not-an-object'; readonly value: unknown };

const wrongValue = fc.oneof(fc.constant(null), fc.integer(), fc.boolean(), fc.constant([]), fc.constant({}), fc.string({ maxLength: 5 }), fc.constant(1.5), fc.constant(-1));

export const breakage: fc.Arbitrary<Breakage> = fc.oneof(
  fc.record({ kind: fc.constant('wrong-type' as const), at: fc.nat(), value: wrongValue }),
  fc.record({ kind: fc.constant('missing' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('odd-string' as const), at: fc.nat(), value: fc.constantFrom(...oddStrings) }),
  fc.record({ kind: fc.constant('huge-body' as const), bytes: fc.constantFrom(600_000, 1_100_000) }),
  fc.record({ kind: fc.constant('bad-json' as const), cut: fc.nat(), junk: fc.constantFrom('', '}', ',', '\u0000', 'NaN', '{"a":', '\ud800') }),
  fc.record({ kind: fc.constant('not-an-object' as const), value: fc.oneof(fc.constant(null), fc.constant([1, 2]), fc.integer(), fc.string({ maxLength: 5 })) }),
);

type Slot = { readonly parent: Record<string, unknown> | unknown[]; readonly key: string | number };

// Every place in a JSON value that holds something: the breakages pick one by index.
function slots(value: unknown, into: Slot[] = []): Slot[] {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      into.push({ parent: value, key: index });
      slots(item, into);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      into.push({ parent: value as Record<string, unknown>, key });
      slots(item, into);
    }
  }
  return into;
}

/** The body to send (as text) once `broken` is applied to the valid `value`. */
export function breakBody(value: unknown, broken: Breakage): string {
  const copy = structuredClone(value);
  const places = slots(copy);
  const place = 'at' in broken && places.length > 0 ? places[broken.at % places.length] : undefined;
  const put = (replacement: unknown) => {
    if (place === undefined) return;
    (place.parent as Record<string | number, unknown>)[place.key] = replacement;
  };
  switch (broken.kind) {
    case 'wrong-type':
      put(broken.value);
      return JSON.stringify(copy);
    case 'odd-string':
      put(broken.value);
      return JSON.stringify(copy);
    case 'missing':
      if (place !== undefined) {
        if (Array.isArray(place.parent)) place.parent.splice(place.key as number, 1);
        else delete place.parent[place.key as string];
      }
      return JSON.stringify(copy);
    case 'huge-body':
      return JSON.stringify({ ...(typeof copy === 'object' && copy !== null ? copy : {}), padding: 'x'.repeat(broken.bytes) });
    case 'bad-json': {
      const text = JSON.stringify(copy);
      return text.slice(0, broken.cut % Math.max(1, text.length)) + broken.junk;
    }
    case 'not-an-object':
      return JSON.stringify(broken.value);
  }
}
