import { ActivityFailure, ApplicationFailure, ServiceError, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { RetryState } from '@temporalio/common';
import { AppError, ERROR_STATUS } from '../../../api/errors';
import { toWorkflowError } from '../../../api/temporal/workflow-failure';

const refusedBy = (type: string) => new WorkflowUpdateFailedError('Workflow Update failed', ApplicationFailure.nonRetryable(`refused (${type})`, type));
const activityRefused = (type: string) =>
  new WorkflowUpdateFailedError(
    'Workflow Update failed',
    new ActivityFailure('Activity task failed', 'reassignTask', '1', RetryState.NON_RETRYABLE_FAILURE, undefined, ApplicationFailure.nonRetryable(`could not (${type})`, type)),
  );
const grpcError = (code: number) => Object.assign(new Error(`${code} grpc`), { code, details: 'grpc', metadata: {} });

const statusOf = (error: unknown): number | undefined => (error instanceof AppError ? ERROR_STATUS[error.code] : undefined);

describe('a Temporal failure as our error', () => {
  it.each([
    { what: 'a validator refusing the role', error: refusedBy('FORBIDDEN'), status: 403 },
    { what: 'a validator refusing the task state', error: refusedBy('CONFLICT'), status: 409 },
    { what: 'a lead, offer or buyer move the rules refuse', error: refusedBy('INVALID_TRANSITION'), status: 409 },
    { what: 'a validator failure of another type', error: refusedBy('SOMETHING_ELSE'), status: 409 },
    { what: 'an activity that found no such record', error: activityRefused('TASK_NOT_FOUND'), status: 404 },
    { what: 'an activity refusing an inactive assignee', error: activityRefused('INACTIVE_ASSIGNEE'), status: 422 },
    { what: 'an activity failing for another reason', error: activityRefused('SOMETHING_ELSE'), status: 422 },
    { what: 'a workflow that is not running', error: new WorkflowNotFoundError('not found', 'buyer-1', undefined), status: 404 },
    { what: 'Temporal unreachable', error: new ServiceError('Update-With-Start failed', { cause: grpcError(14) }), status: 503 },
    { what: 'Temporal not answering in time', error: grpcError(4), status: 503 },
  ])('$what answers $status', ({ error, status }) => {
    expect(statusOf(toWorkflowError(error))).toBe(status);
  });

  it('keeps the refusal reason as the message', () => {
    expect(toWorkflowError(refusedBy('INVALID_TRANSITION'))).toMatchObject({ code: 'CONFLICT', message: 'refused (INVALID_TRANSITION)' });
    expect(toWorkflowError(activityRefused('INACTIVE_ASSIGNEE'))).toMatchObject({ code: 'UNPROCESSABLE', message: 'could not (INACTIVE_ASSIGNEE)' });
  });

  it('passes any other error through, for the error handler to log as a 500', () => {
    const error = new Error('boom');
    expect(toWorkflowError(error)).toBe(error);
    expect(toWorkflowError(grpcError(3))).not.toBeInstanceOf(AppError);
  });
});
