import { CancellationScope, defaultPayloadConverter, type Headers, type Payload, type WorkflowInterceptorsFactory } from '@temporalio/workflow';
import { REQUEST_ID_TEMPORAL_HEADER } from '../../domain/observability/request-id';

/**
 * Hands the `requestId` header of the start, signal or update being handled on to the activities,
 * child workflows and continue-as-new it leads to, so an activity's log line names the HTTP
 * request behind it. Registered through the worker's `interceptors.workflowModules`.
 *
 * Deterministic: it only copies a header from the inbound call to the outbound ones (headers are
 * not part of the commands replay compares), keeps its state in the workflow's own context (the
 * factory runs once per workflow) and does no I/O.
 *
 * A handler runs in a cancellation scope of its own (a child of the current one, so cancellation
 * reaches it as before) and the header is looked up by scope. Not an AsyncLocalStorage of its
 * own: every one a workflow enables stays in Node's list until the workflow leaves the worker's
 * cache, and each promise any workflow creates walks that list (a fifth of the worker's workflow
 * thread at a few hundred cached workflows).
 */
export const interceptors: WorkflowInterceptorsFactory = () => {
  // The header of the call whose handler is running; the start's when none is (timers in the main loop).
  const headerOfScope = new WeakMap<CancellationScope, Payload>();
  let started: Payload | undefined;
  const current = (): Payload | undefined => {
    for (let scope: CancellationScope | undefined = CancellationScope.current(); scope; scope = scope.parent) {
      const requestId = headerOfScope.get(scope);
      if (requestId) return requestId;
    }
    return started;
  };
  const passOn = (headers: Headers): Headers => {
    const requestId = current();
    return requestId && !headers[REQUEST_ID_TEMPORAL_HEADER] ? { ...headers, [REQUEST_ID_TEMPORAL_HEADER]: requestId } : headers;
  };
  const within = <T>(headers: Headers, body: () => Promise<T>): Promise<T> => {
    const requestId = headers[REQUEST_ID_TEMPORAL_HEADER];
    if (!requestId) return body();
    const scope = new CancellationScope();
    headerOfScope.set(scope, requestId);
    return scope.run(body);
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
