import { notFound, badRequest, problem, type Problem } from './problem';
import type { Method, Route } from './route';

/** What a path and method resolve to: a route with its parameters, or the problem to send. */
export type Resolution =
  | { readonly kind: 'route'; readonly route: Route; readonly params: Record<string, string>; readonly loggedPath: string }
  | { readonly kind: 'problem'; readonly problem: Problem; readonly headers?: Record<string, string>; readonly loggedPath: string };

interface Compiled {
  readonly route: Route;
  readonly segments: readonly string[];
}

const splitPath = (path: string): string[] => path.replace(/\/+$/, '').split('/').slice(1);

function match(pattern: readonly string[], segments: readonly string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of pattern.entries()) {
    const segment = segments[i] as string;
    if (part.startsWith(':')) {
      if (segment === '') return undefined;
      params[part.slice(1)] = segment;
    } else if (part !== segment) return undefined;
  }
  return params;
}

/**
 * A table router: exact segments and `:name` parameters. A path that matches no pattern is a 404;
 * a path that matches with another method is a 405 that lists the methods it does take.
 */
export function createRouter(routes: readonly Route[]): (method: string, path: string) => Resolution {
  const compiled: Compiled[] = routes.map((route) => ({ route, segments: splitPath(route.pattern) }));
  return (method, path) => {
    const segments = splitPath(path);
    const allowed = new Set<Method>();
    for (const { route, segments: pattern } of compiled) {
      const raw = match(pattern, segments);
      if (raw === undefined) continue;
      const loggedPath = pattern.map((part, i) => (route.personal?.includes(part.slice(1)) ? part : segments[i])).join('/');
      if (route.method !== method) {
        allowed.add(route.method);
        continue;
      }
      const params: Record<string, string> = {};
      for (const [name, value] of Object.entries(raw)) {
        try {
          params[name] = decodeURIComponent(value);
        } catch {
          return { kind: 'problem', problem: badRequest(`the path segment ${JSON.stringify(value)} is not valid percent-encoding`), loggedPath: `/${loggedPath}` };
        }
      }
      return { kind: 'route', route, params, loggedPath: `/${loggedPath}` };
    }
    if (allowed.size > 0) {
      const allow = [...allowed].join(', ');
      return {
        kind: 'problem',
        problem: problem(405, 'method-not-allowed', 'Method not allowed', `${path} does not take ${method}; it takes ${allow}`, { allow: [...allowed] }),
        headers: { Allow: allow },
        loggedPath: path,
      };
    }
    return { kind: 'problem', problem: notFound(`there is no route ${method} ${path}; README.md lists every route`), loggedPath: path };
  };
}
