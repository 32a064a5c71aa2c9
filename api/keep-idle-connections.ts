import type { Server } from 'node:http';

/**
 * How long the API keeps an idle kept-alive connection: longer than the clients that reuse them.
 * Node's default (5 s) closes a socket a client may be about to reuse: Caddy keeps upstream
 * connections idle for 2 minutes, and Node's fetch reuses one until a second before the
 * `Keep-Alive: timeout` the server announces, counted on a timer that runs late under load, so the
 * next request met a closing socket (ECONNRESET). 125 s outlasts Caddy's idle timeout, and the
 * announced timeout makes fetch let go first.
 */
export const IDLE_CONNECTION_MS = 125_000;

export function keepIdleConnections(server: Server): Server {
  server.keepAliveTimeout = IDLE_CONNECTION_MS;
  // Node's docs: headersTimeout must exceed keepAliveTimeout, or a slow request on a reused socket is cut.
  server.headersTimeout = IDLE_CONNECTION_MS + 1_000;
  return server;
}
