import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import { apiClientInterceptors, type TemporalClientObserver } from './request-id-interceptor';

/** What a route needs to reach the workflows: the client and the task queue new runs go to. */
export interface TemporalDeps {
  temporal: Client;
  taskQueue: string;
  /** How long a route waits for a workflow start (WORKFLOW_START_DEADLINE_MS; 700 ms unless given). */
  startDeadlineMs?: number;
}

/**
 * A client that connects on first use, so the process starts (and serves what needs no workflow)
 * while Temporal is down. A call to an unreachable server fails after 3 quick attempts (about
 * 0.3 s) instead of the SDK's default 10 (about 20 s), so a route answers 503 at once, and the
 * channel tries to reconnect at least every 2 s, so calls work again soon after Temporal is back
 * (gRPC's own backoff grows to 2 minutes). Starts, signals and updates carry the id of the request
 * being served (see request-id-interceptor.ts); `observer` hears of failed calls.
 */
export function connectTemporal(address: string, namespace: string, observer: TemporalClientObserver = {}): Client {
  const connection = Connection.lazy({
    address,
    connectTimeout: 2_000,
    interceptors: [makeGrpcRetryInterceptor(defaultGrpcRetryOptions({ maxAttempts: 3 }))],
    channelArgs: { 'grpc.initial_reconnect_backoff_ms': 500, 'grpc.max_reconnect_backoff_ms': 2_000 },
  });
  return new Client({ connection, namespace, interceptors: apiClientInterceptors(observer) });
}
