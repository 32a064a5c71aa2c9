import { timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import { AppError } from '../errors';
import type { Metrics } from '../observability/metrics';
import { mayReadMetrics } from '../observability/may-read-metrics';

/**
 * `GET /metrics` in Prometheus' text format. With METRICS_TOKEN set, only a request bearing it;
 * without, only a request made straight to a loopback address (no proxy header), so a reverse
 * proxy on the same machine never serves it to the world.
 */
export function createMetricsRouter({ metrics, token, read = () => metrics.registry.metrics() }: { metrics: Metrics; token?: string; read?: () => Promise<string> }) {
  const router = Router();

  router.get('/', async (req, res) => {
    const verdict = mayReadMetrics({ token, authorization: req.get('authorization'), remoteAddress: req.socket.remoteAddress, forwarded: req.get('x-forwarded-for') ?? req.get('forwarded') }, timingSafeEqual);
    if (verdict === 'no-token') {
      res.set('WWW-Authenticate', 'Bearer realm="metrics"');
      throw new AppError('UNAUTHENTICATED', 'Send the metrics token the server was started with as a bearer token');
    }
    if (verdict === 'not-local') throw new AppError('FORBIDDEN', 'Metrics are served only to this machine (start the server with a metrics token to read them from elsewhere)');
    res.set('Content-Type', metrics.registry.contentType);
    res.send(await read());
  });

  return router;
}
