import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The API's Prometheus metrics, in a registry of its own (one per app, so tests may run several):
 * request latency by route pattern, open event streams, event lag and Temporal client errors,
 * beside Node's process metrics.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  let openStreams: () => number = () => 0;
  const metrics = {
    registry,
    requestDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time from a request received to its answer sent, by method, Express route pattern (e.g. /api/leads/:id) and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    sseClients: new Gauge({
      name: 'flipstackk_sse_clients',
      help: 'Event streams (GET /api/events) open on this API process',
      registers: [registry],
      collect() {
        this.set(openStreams());
      },
    }),
    eventLag: new Histogram({
      name: 'flipstackk_event_lag_seconds',
      help: 'Time from an Event row committed to it sent to the open event streams of this process',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    temporalClientErrors: new Counter({
      name: 'flipstackk_temporal_client_errors_total',
      help: 'Calls of the Temporal client (workflow start, signal, update, query …) that failed, by operation and error',
      labelNames: ['operation', 'error'] as const,
      registers: [registry],
    }),
    /** Where the SSE gauge reads the open streams from. */
    countStreamsWith(count: () => number): void {
      openStreams = count;
    },
  };
  return metrics;
}
export type Metrics = ReturnType<typeof createMetrics>;
