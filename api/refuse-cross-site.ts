import type { IncomingHttpHeaders } from 'node:http';
import type { RequestHandler } from 'express';
import { CLIENT_HEADER } from '../domain/auth/client-header';
import { AppError } from './errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `host:port` of a URL or origin, without the scheme's default port; null when it is none. */
function hostOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.host : null;
  } catch {
    return null;
  }
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** The Host header as `URL.host` writes it (`example.com:80` → `example.com`). */
function ownHost(headers: IncomingHttpHeaders): string | null {
  return headers.host ? hostOf(`http://${headers.host}`) : null;
}

/**
 * CSRF: a state-changing request (POST, PUT, PATCH, DELETE) must come from the app's own origin
 * — its `Origin`, or without one its `Referer`, names the host the request was sent to or one of
 * `appOrigins` — or carry the X-Flipstackk-Client header our own clients send. Anything else is a
 * 403 before the body is read. The session cookie is SameSite=Strict besides.
 */
export function refuseCrossSite({ appOrigins }: { appOrigins: readonly string[] }): RequestHandler {
  const allowed = new Set(appOrigins);
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method) || req.get(CLIENT_HEADER)) return next();
    // `Origin: null` (a sandboxed frame, a file) is no host, so it is refused.
    const from = req.get('origin') ?? originOf(req.get('referer'));
    if (from !== undefined && (allowed.has(from) || (hostOf(from) !== null && hostOf(from) === ownHost(req.headers)))) return next();
    const what = from === undefined ? 'has no Origin' : `comes from ${from}`;
    throw new AppError('CROSS_SITE_REQUEST', `Refused: this ${req.method} ${what}, not from this app. Send it from the app's own pages or with the ${CLIENT_HEADER} header.`);
  };
}
