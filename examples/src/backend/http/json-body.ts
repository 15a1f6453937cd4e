import * as E from 'fp-ts/Either';
import { findJsonSyntaxError } from './json-syntax';
import { malformedJson, problem, type Problem } from './problem';

// Fastify reads the bytes (and stops at the body limit); this turns them into a JSON value with
// the errors a person can act on: the media type, UTF-8, and where the JSON stops being JSON.

// Lenient on purpose: a body with no Content-Type is read as JSON, and so is one sent with curl's
// default for -d (application/x-www-form-urlencoded): that is how people try an example, and a
// real form body then gets a 400 that says where it stops being JSON. Any other type that is not
// JSON (text/plain, multipart, XML) is refused: we would misread it.
function contentTypeProblem(header: string | undefined): Problem | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const [mediaType = '', ...params] = header.split(';').map((part) => part.trim().toLowerCase());
  if (mediaType === 'application/x-www-form-urlencoded') return undefined;
  const json = mediaType === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
  const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  if (json && (charset === undefined || charset === 'utf-8' || charset === 'utf8')) return undefined;
  const detail = json
    ? `the body is declared as ${charset ?? ''}; send it as UTF-8 (Content-Type: application/json; charset=utf-8)`
    : `the body is declared as ${JSON.stringify(mediaType)}; this service reads JSON only: send Content-Type: application/json${mediaType === 'text/plain' ? ' (fetch sends text/plain for a string body unless told otherwise)' : ''}`;
  return problem(415, 'unsupported-media-type', 'Unsupported media type', detail);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a request body as JSON: media type (415), UTF-8 and JSON syntax (400, with line and
 * column). An empty body is `undefined`: whether that is allowed is the route's business.
 */
export function parseJsonBody(raw: Buffer, contentType: string | undefined): E.Either<Problem, unknown> {
  let text: string;
  try {
    text = utf8.decode(raw).replace(/^\uFEFF/, '');
  } catch {
    return E.left(malformedJson('the body is not valid UTF-8 text; JSON must be sent as UTF-8'));
  }
  if (text.trim() === '') return E.right(undefined);
  const unsupported = contentTypeProblem(contentType);
  if (unsupported !== undefined) return E.left(unsupported);
  try {
    return E.right(JSON.parse(text) as unknown);
  } catch {
    const where = findJsonSyntaxError(text);
    return E.left(
      where === undefined
        ? malformedJson('the body is not valid JSON')
        : malformedJson(`line ${where.line}, column ${where.column}: ${where.message}`, { line: where.line, column: where.column }),
    );
  }
}
