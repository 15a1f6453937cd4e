import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { problemSchema } from '../openapi/operation';

// Checks an answer against the service's own GET /openapi.json: the status must be documented
// for the operation, the media type too, and the body must validate against its schema. The test
// fixture runs this on every answer the backend tests see, and the fuzzer on every answer it gets.

/** The parts of an OpenAPI 3.1 document this reads. */
export interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, OpenApiOperation>>>>;
}

/** One operation: its parameters, request body and responses. */
export interface OpenApiOperation {
  readonly parameters?: readonly { readonly in: string; readonly name: string; readonly required?: boolean; readonly schema: object }[];
  readonly requestBody?: { readonly required?: boolean; readonly content: Readonly<Record<string, { readonly schema: object }>> };
  readonly responses: Readonly<Record<string, { readonly content?: Readonly<Record<string, { readonly schema: object }>> }>>;
  readonly security?: readonly object[];
}

/** Finds the operation a request reaches: the path template that matches, and the method. */
export function operationOf(document: OpenApiDocument, method: string, path: string): { template: string; operation: OpenApiOperation } | undefined {
  const bare = path.split('?')[0] ?? '';
  for (const [template, item] of Object.entries(document.paths)) {
    const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}/?$`);
    const operation = item[method.toLowerCase()];
    if (operation !== undefined && pattern.test(bare)) return { template, operation };
  }
  return undefined;
}

/** A checker bound to one document (schemas compiled once). */
export function answerChecker(document: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: false, allErrors: false });
  addFormats(ajv);
  const compiled = new Map<object, ValidateFunction>();
  const validator = (schema: object): ValidateFunction => {
    let validate = compiled.get(schema);
    if (validate === undefined) compiled.set(schema, (validate = ajv.compile(schema)));
    return validate;
  };
  const problem = validator(problemSchema);

  /** What is wrong with an answer, or undefined when the document allows it. */
  return (method: string, path: string, status: number, contentType: string, body: unknown): string | undefined => {
    const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
    const where = `${method} ${path.split('?')[0]} -> ${status} ${mediaType}`;
    const found = operationOf(document, method, path);
    if (found === undefined) {
      // Outside the document (unknown route, another method): the answer is still a problem.
      if (mediaType !== 'application/problem+json' || !problem(body)) return `${where}: a request outside the document must get problem+json, got ${JSON.stringify(body)?.slice(0, 300)}`;
      return undefined;
    }
    const response = found.operation.responses[String(status)];
    if (response === undefined) return `${where}: status ${status} is not documented for ${method} ${found.template} (documented: ${Object.keys(found.operation.responses).join(', ')})`;
    const media = response.content?.[mediaType];
    if (media === undefined) return `${where}: ${mediaType} is not documented for status ${status} of ${method} ${found.template}`;
    if (mediaType === 'text/html') return typeof body === 'string' ? undefined : `${where}: not text`;
    const validate = validator(media.schema);
    if (validate(body)) return undefined;
    return `${where}: the body does not match the document: ${ajv.errorsText(validate.errors)}; body ${JSON.stringify(body)?.slice(0, 300)}`;
  };
}
