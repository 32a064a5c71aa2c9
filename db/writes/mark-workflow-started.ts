import type { Db } from '../client';
import { Prisma } from '../../prisma/generated/client';
import { workflowTable, type WorkflowKind } from '../queries/pending-workflows';
import { sqlDate } from '../queries/sql';

/** Records that a record's workflow runs. Raw, so the record's `updatedAt` keeps its value: bookkeeping, not an edit. */
export const markWorkflowStartedSql = (kind: WorkflowKind, id: string, at: Date): Prisma.Sql =>
  Prisma.sql`UPDATE ${Prisma.raw(`"${workflowTable(kind)}"`)} SET "workflowStartedAt" = ${sqlDate(at)} WHERE "id" = ${id} AND "workflowStartedAt" IS NULL`;

export async function markWorkflowStarted(db: Pick<Db, '$executeRaw'>, kind: WorkflowKind, id: string, at: Date = new Date()): Promise<void> {
  await db.$executeRaw(markWorkflowStartedSql(kind, id, at));
}
