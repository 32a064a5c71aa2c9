import { AsyncLocalStorage, defaultPayloadConverter, type Headers, type Payload, type WorkflowInterceptorsFactory } from '@temporalio/workflow';
import { REQUEST_ID_TEMPORAL_HEADER } from '../../domain/observability/request-id';

/**
 * Hands the `requestId` header of the start, signal or update being handled on to the activities,
 * child workflows and continue-as-new it leads to, so an activity's log line names the HTTP
 * request behind it. Registered through the worker's `interceptors.workflowModules`.
 *
 * Deterministic: it only copies a header from the inbound call to the outbound ones (headers are
 * not part of the commands replay compares), keeps its state in the workflow's own context (the
 * factory runs once per workflow) and does no I/O.
 */
export const interceptors: WorkflowInterceptorsFactory = () => {
  // The header of the call whose handler is running; the start's when none is (timers in the main loop).
  const handling = new AsyncLocalStorage<Payload>();
  let started: Payload | undefined;
  const current = (): Payload | undefined => handling.getStore() ?? started;
  const passOn = (headers: Headers): Headers => {
    const requestId = current();
    return requestId && !headers[REQUEST_ID_TEMPORAL_HEADER] ? { ...headers, [REQUEST_ID_TEMPORAL_HEADER]: requestId } : headers;
  };
  const within = <T>(headers: Headers, body: () => Promise<T>): Promise<T> => {
    const requestId = headers[REQUEST_ID_TEMPORAL_HEADER];
    return requestId ? handling.run(requestId, body) : body();
  };

  return {
    inbound: [
      {
        execute: (input, next) => {
          started = input.headers[REQUEST_ID_TEMPORAL_HEADER];
          return within(input.headers, () => next(input));
        },
        handleSignal: (input, next) => within(input.headers, () => next(input)),
        handleUpdate: (input, next) => within(input.headers, () => next(input)),
      },
    ],
    outbound: [
      {
        scheduleActivity: (input, next) => next({ ...input, headers: passOn(input.headers) }),
        scheduleLocalActivity: (input, next) => next({ ...input, headers: passOn(input.headers) }),
        startChildWorkflowExecution: (input, next) => next({ ...input, headers: passOn(input.headers) }),
        continueAsNew: (input, next) => next({ ...input, headers: passOn(input.headers) }),
        getLogAttributes: (input, next) => {
          const requestId = current();
          return next(requestId ? { ...input, requestId: defaultPayloadConverter.fromPayload(requestId) } : input);
        },
      },
    ],
  };
};
