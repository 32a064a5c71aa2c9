import {
  ActivityFailure,
  ApplicationFailure,
  isGrpcServiceError,
  ServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { AppError, type ErrorCode } from '../errors';

/**
 * The `ApplicationFailure` types our Update validators and activities throw, as the error codes of
 * ../errors (whose table gives the HTTP status). The one place a refusal becomes a status.
 */
const FAILURE_CODES: Readonly<Record<string, ErrorCode>> = {
  // Task actions and edits (domain/tasks): the actor's role may not (403), the task's state refuses (409).
  FORBIDDEN: 'FORBIDDEN',
  CONFLICT: 'CONFLICT',
  // An Update whose payload has the wrong shape (refused by its validator before anything runs).
  INVALID_UPDATE: 'UNPROCESSABLE',
  // Lead, offer and buyer status moves the pipeline rules refuse.
  INVALID_TRANSITION: 'CONFLICT',
  // An activity found no such record.
  LEAD_NOT_FOUND: 'NOT_FOUND',
  BUYER_NOT_FOUND: 'NOT_FOUND',
  OFFER_NOT_FOUND: 'NOT_FOUND',
  TASK_NOT_FOUND: 'NOT_FOUND',
  // An activity refused the input.
  INACTIVE_ASSIGNEE: 'UNPROCESSABLE',
  NO_AUTHOR: 'UNPROCESSABLE',
};

// gRPC status codes of a server that cannot be reached or did not answer in time.
const GRPC_UNAVAILABLE = 14;
const GRPC_DEADLINE_EXCEEDED = 4;

function isTemporalUnreachable(error: unknown): boolean {
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
  const grpcError = error instanceof ServiceError ? error.cause : error;
  return isGrpcServiceError(grpcError) && (grpcError.code === GRPC_UNAVAILABLE || grpcError.code === GRPC_DEADLINE_EXCEEDED);
}

/** A refused Update: the validator's (or handler's) failure, or what an activity could not do. */
function refusal(error: WorkflowUpdateFailedError): AppError {
  const cause = error.cause;
  if (cause instanceof ApplicationFailure) return new AppError(FAILURE_CODES[cause.type ?? ''] ?? 'CONFLICT', cause.message);
  if (cause instanceof ActivityFailure && cause.cause instanceof ApplicationFailure) {
    return new AppError(FAILURE_CODES[cause.cause.type ?? ''] ?? 'UNPROCESSABLE', cause.cause.message);
  }
  return new AppError('CONFLICT', cause?.message ?? error.message);
}

/**
 * A Temporal client error as our error: 403 role, 404 unknown, 409 state, 422 refused input,
 * 503 Temporal unreachable. Anything else is returned as it is (a 500 through the error handler).
 */
export function toWorkflowError(error: unknown): unknown {
  if (error instanceof WorkflowUpdateFailedError) return refusal(error);
  if (error instanceof WorkflowNotFoundError) return new AppError('NOT_FOUND', error.message);
  if (isTemporalUnreachable(error)) return new AppError('SERVICE_UNAVAILABLE', 'The workflow service cannot be reached; try again shortly');
  return error;
}
