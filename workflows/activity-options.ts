import type { ActivityOptions, LocalActivityOptions } from '@temporalio/workflow';

/** Activities are short database writes; retry them for as long as the database is unreachable. */
export const DB_ACTIVITY_OPTIONS: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds' },
};

/**
 * Local activities run inside the workflow task, saving two server round trips each: for the
 * writes a user waits to see (the contact task of a new lead).
 */
export const LOCAL_DB_ACTIVITY_OPTIONS: LocalActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds' },
};
