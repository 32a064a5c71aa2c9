import type { Db } from '../client';
import { Prisma } from '../../prisma/generated/client';
import { workflowTable, type WorkflowKind } from '../queries/pending-workflows';
import { sqlDate } from '../queries/sql';

/** Records that records' workflows run. Raw, so each record's `updatedAt` keeps its value: bookkeeping, not an edit. */
const markStartedSql = (kind: WorkflowKind, ids: readonly string[], at: Date): Prisma.Sql =>
  Prisma.sql`UPDATE ${Prisma.raw(`"${workflowTable(kind)}"`)} SET "workflowStartedAt" = ${sqlDate(at)} WHERE "id" IN (${Prisma.join(ids)}) AND "workflowStartedAt" IS NULL`;

export async function markWorkflowStarted(db: Pick<Db, '$executeRaw'>, kind: WorkflowKind, id: string, at: Date = new Date()): Promise<void> {
  await db.$executeRaw(markStartedSql(kind, [id], at));
}

/** Records that the workflows of several records of one kind run: one statement, one write. */
export async function markWorkflowsStarted(db: Pick<Db, '$executeRaw'>, kind: WorkflowKind, ids: readonly string[], at: Date = new Date()): Promise<void> {
  if (ids.length === 0) return;
  await db.$executeRaw(markStartedSql(kind, ids, at));
}
