import type { IncomingMessage } from 'node:http';
import * as E from 'fp-ts/Either';
import { findJsonSyntaxError } from './json-syntax';
import { badRequest, invalidFields, malformedJson, problem, type Problem } from './problem';

/** The largest body accepted (docs/CONTRACT.md §5: over 1 MiB is refused with 413). */
export const maxBodyBytes = 1024 * 1024;

/** What a route expects of the body: none at all, an optional JSON object, or a required one. */
export type BodyRule = 'none' | 'optional' | 'required';

function tooLarge(bytes: string): Problem {
  return problem(
    413,
    'body-too-large',
    'The request body is too large',
    `the body is ${bytes}; this service accepts at most ${maxBodyBytes} bytes (1 MiB). Attachments count towards it: send smaller files`,
    { limit: maxBodyBytes },
  );
}

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

/** Requests whose body was left half read (over the limit): their connection must be closed. */
export const abandonedBodies = new WeakSet<IncomingMessage>();

/** Reads the raw body, up to the limit; on overflow it stops reading at once. */
function readRaw(req: IncomingMessage): Promise<E.Either<Problem, Buffer>> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > maxBodyBytes) {
    abandonedBodies.add(req);
    return Promise.resolve(E.left(tooLarge(`${declared} bytes (Content-Length)`)));
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: E.Either<Problem, Buffer>): void => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        req.pause();
        abandonedBodies.add(req);
        settle(E.left(tooLarge(`over ${maxBodyBytes} bytes`)));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => settle(E.right(Buffer.concat(chunks, size))));
    req.once('error', (error) => settle(E.left(badRequest(`the body could not be read: ${error.message}`))));
    req.once('aborted', () => settle(E.left(badRequest('the client aborted the request while sending the body'))));
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a route's JSON body: checks size (413), media type (415), UTF-8 and JSON syntax (400,
 * with line and column) and that it is an object (422). An empty optional body reads as `{}`.
 */
export async function readJsonBody(req: IncomingMessage, rule: BodyRule): Promise<E.Either<Problem, Record<string, unknown>>> {
  if (rule === 'none') return E.right({});
  const raw = await readRaw(req);
  if (E.isLeft(raw)) return raw;
  let text: string;
  try {
    text = utf8.decode(raw.right).replace(/^\uFEFF/, '');
  } catch {
    return E.left(malformedJson('the body is not valid UTF-8 text; JSON must be sent as UTF-8'));
  }
  if (text.trim() === '') {
    if (rule === 'optional') return E.right({});
    return E.left(malformedJson('the body is empty; send a JSON object (see README.md for the fields of this route)'));
  }
  const unsupported = contentTypeProblem(req.headers['content-type']);
  if (unsupported !== undefined) return E.left(unsupported);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const where = findJsonSyntaxError(text);
    return E.left(
      where === undefined
        ? malformedJson('the body is not valid JSON')
        : malformedJson(`line ${where.line}, column ${where.column}: ${where.message}`, { line: where.line, column: where.column }),
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    return E.left(invalidFields([{ field: '', detail: `the body must be a JSON object, not ${kind}` }]));
  }
  return E.right(value as Record<string, unknown>);
}
