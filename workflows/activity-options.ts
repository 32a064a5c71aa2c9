import type { ActivityOptions } from '@temporalio/workflow';

/** Activities are short database writes; retry them for as long as the database is unreachable. */
export const DB_ACTIVITY_OPTIONS: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds' },
};
