import type { Context } from '@temporalio/activity';
import { defaultPayloadConverter } from '@temporalio/common';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { errorFields, type Logger } from '../api/observability/create-logger';
import { REQUEST_ID_TEMPORAL_HEADER } from '../domain/observability/request-id';

/**
 * Reads the `requestId` header the workflow handed on (see workflows/shared/request-id.interceptors.ts)
 * and puts it on the activity's logger (`Context.current().log`), and logs one JSON line per
 * activity run on `logger`: activity type, workflow id, attempt, duration, outcome and the id of
 * the HTTP request behind it, when there was one.
 */
export function activityLogInterceptor(logger: Logger): ActivityInterceptorsFactory {
  return (ctx: Context) => {
    let requestId: string | undefined;
    return {
      inbound: {
        async execute(input, next) {
          const header = input.headers[REQUEST_ID_TEMPORAL_HEADER];
          requestId = header ? defaultPayloadConverter.fromPayload<string>(header) : undefined;
          const { activityType, attempt, workflowExecution } = ctx.info;
          const line = { activityType, workflowId: workflowExecution?.workflowId, attempt, ...(requestId ? { requestId } : {}) };
          const started = process.hrtime.bigint();
          const durationMs = () => Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
          try {
            const result = await next(input);
            logger.info({ ...line, durationMs: durationMs() }, `activity: ${activityType} completed`);
            return result;
          } catch (error) {
            logger.warn({ ...line, durationMs: durationMs(), ...errorFields(error) }, `activity: ${activityType} failed`);
            throw error;
          }
        },
      },
      outbound: {
        getLogAttributes: (input, next) => next(requestId ? { ...input, requestId } : input),
      },
    };
  };
}
