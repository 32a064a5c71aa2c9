import type { ClientInterceptors, WorkflowClientInterceptor } from '@temporalio/client';
import { defaultPayloadConverter, type Headers } from '@temporalio/common';
import { REQUEST_ID_TEMPORAL_HEADER } from '../../domain/observability/request-id';
import { currentRequestId } from '../observability/request-context';

export interface TemporalClientObserver {
  /** A client call failed: `operation` is start, signal, update …; counted in /metrics. */
  onError?: (operation: string, error: unknown) => void;
}

/** The headers with the current request's id added, when the call is made while serving one. */
function withRequestId(headers: Headers): Headers {
  const requestId = currentRequestId();
  return requestId ? { ...headers, [REQUEST_ID_TEMPORAL_HEADER]: defaultPayloadConverter.toPayload(requestId) } : headers;
}

/**
 * The API's workflow client interceptor: workflow starts, signals and updates made while serving a
 * request carry its id in the `requestId` header (the workflow's interceptor hands it on to the
 * activities it schedules), and every failed call is reported to `onError`.
 */
export function requestIdClientInterceptor({ onError }: TemporalClientObserver = {}): WorkflowClientInterceptor {
  const reported = async <T>(operation: string, call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      onError?.(operation, error);
      throw error;
    }
  };
  return {
    startWithDetails: (input, next) => reported('start', () => next({ ...input, headers: withRequestId(input.headers) })),
    signal: (input, next) => reported('signal', () => next({ ...input, headers: withRequestId(input.headers) })),
    signalWithStart: (input, next) => reported('signalWithStart', () => next({ ...input, headers: withRequestId(input.headers) })),
    startUpdate: (input, next) => reported('update', () => next({ ...input, headers: withRequestId(input.headers) })),
    startUpdateWithStart: (input, next) =>
      reported('updateWithStart', () => next({ ...input, workflowStartHeaders: withRequestId(input.workflowStartHeaders), updateHeaders: withRequestId(input.updateHeaders) })),
    query: (input, next) => reported('query', () => next(input)),
    terminate: (input, next) => reported('terminate', () => next(input)),
    cancel: (input, next) => reported('cancel', () => next(input)),
    describe: (input, next) => reported('describe', () => next(input)),
  };
}

/** The interceptors every Temporal client of the API is made with. */
export const apiClientInterceptors = (observer: TemporalClientObserver = {}): ClientInterceptors => ({ workflow: [requestIdClientInterceptor(observer)] });
