import type { RequestHandler } from 'express';
import { AppError } from './errors';

/**
 * The methods a documented path takes. A literal path wins over a templated one, as in OpenAPI:
 * `/api/tasks/bulk` is not `/api/tasks/{id}`. Undefined when no documented path matches.
 */
export function documentedMethods(routes: ReadonlyArray<{ method: string; path: string }>): (path: string) => Set<string> | undefined {
  const byPath = new Map<string, Set<string>>();
  for (const route of routes) {
    const methods = byPath.get(route.path) ?? new Set<string>();
    methods.add(route.method.toUpperCase());
    if (route.method === 'get') methods.add('HEAD');
    byPath.set(route.path, methods);
  }
  const templated = [...byPath.entries()]
    .filter(([path]) => path.includes('{'))
    .map(([path, methods]) => ({ pattern: new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+')}$`), methods }));
  return (path) => {
    const exact = byPath.get(path.replace(/(.)\/$/, '$1'));
    if (exact) return exact;
    const matches = templated.filter((entry) => entry.pattern.test(path));
    return matches.length === 0 ? undefined : new Set(matches.flatMap((entry) => [...entry.methods]));
  };
}

/**
 * For a documented path: OPTIONS answers 204 with `Allow`, and a method the path does not take
 * (`DELETE /api/leads`, `TRACE`) is a 405 with `Allow` instead of a 404 or a 401. Runs before the
 * session check and reads no body.
 */
export function methodNotAllowed(routes: ReadonlyArray<{ method: string; path: string }>): RequestHandler {
  const methodsOf = documentedMethods(routes);
  return (req, res, next) => {
    const path = req.originalUrl.split('?')[0]!;
    const methods = methodsOf(path);
    if (!methods || methods.has(req.method)) return next();
    const allow = [...methods].join(', ');
    res.set('Allow', allow);
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    throw new AppError('METHOD_NOT_ALLOWED', `${req.method} is not a method of ${path}; it takes ${allow}`);
  };
}
