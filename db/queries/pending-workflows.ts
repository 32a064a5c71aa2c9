import type { Db } from '../client';
import { Prisma } from '../../prisma/generated/client';
import { dialectOf, indexedBy, type Dialect } from './dialect';
import { sqlDate } from './sql';

/** The records that each have a lifecycle workflow (an e-mail: its send), started by the API or, when that failed, by the worker's reconciler. */
export const WORKFLOW_KINDS = ['lead', 'buyer', 'offer', 'task', 'document', 'email', 'import'] as const;
export type WorkflowKind = (typeof WORKFLOW_KINDS)[number];

/**
 * Each kind's table, the columns its workflow input needs, and which of its records should have a
 * running workflow that has not started. The `pending` terms are exactly the `WHERE` of the
 * `<Table>_workflow_pending_idx` partial indexes (workflow_reconciler migration; the lead's since lead_automation_pause): SQLite can use a
 * partial index only when the query spells its terms literally, and the queries name it (`INDEXED
 * BY`): without statistics the planner prefers a status or archivedAt index and sorts every row.
 */
const PENDING: Record<WorkflowKind, { table: string; columns: string; pending: string; startedElsewhere?: string }> = {
  lead: {
    table: 'Lead',
    columns: '"status", "ownerId", "source"',
    pending: `"workflowStartedAt" IS NULL AND "archivedAt" IS NULL AND "status" NOT IN ('CLOSED', 'DEAD')`,
    // A list import's own workflow starts its leads once its rows are in; a lead of a FAILED import
    // (whose workflow ends without starting them) is the reconciler's again.
    startedElsewhere: `"importId" IN (SELECT "id" FROM "Import" WHERE "status" IN ('QUEUED', 'RUNNING'))`,
  },
  buyer: { table: 'Buyer', columns: '"status", "pofExpiresAt"', pending: `"workflowStartedAt" IS NULL AND "archivedAt" IS NULL` },
  offer: {
    table: 'Offer',
    columns: '"status", "expiresAt"',
    pending: `"workflowStartedAt" IS NULL AND "archivedAt" IS NULL AND "status" IN ('DRAFT', 'SENT', 'COUNTERED')`,
  },
  task: {
    table: 'Task',
    columns: '"status"',
    pending: `"workflowStartedAt" IS NULL AND "status" IN ('CREATED', 'ASSIGNED', 'IN_PROGRESS', 'PENDING_REVIEW')`,
  },
  document: { table: 'Document', columns: '"expiresAt"', pending: `"workflowStartedAt" IS NULL AND "expiresAt" IS NOT NULL` },
  // A message queued while Temporal was unreachable (or by a writer that cannot start workflows).
  email: { table: 'EmailMessage', columns: '"status"', pending: `"workflowStartedAt" IS NULL AND "status" = 'QUEUED'` },
  // A list import posted while Temporal was unreachable (or whose start failed), still to run.
  import: { table: 'Import', columns: '"status"', pending: `"workflowStartedAt" IS NULL AND "status" IN ('QUEUED', 'RUNNING')` },
};

/** A record waiting for its workflow, with what its workflow input is built from. */
export interface PendingWorkflowRow {
  id: string;
  createdAt: Date;
  status?: string;
  ownerId?: string;
  /** A lead's source: a LIST_IMPORT lead's workflow starts as a cold-list lead. */
  source?: string;
  pofExpiresAt?: Date | null;
  expiresAt?: Date | null;
}

const fromPendingIndex = (table: string, dialect: Dialect): Prisma.Sql => Prisma.sql`${Prisma.raw(`"${table}"`)}${indexedBy(dialect, `${table}_workflow_pending_idx`)}`;

const toDate = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));
const toOptionalDate = (value: unknown): Date | null => (value === null || value === undefined ? null : toDate(value));

/**
 * One page of a kind's records whose workflow has not started, oldest first, created before
 * `createdBefore` and after the cursor `after` (the last row of the previous page).
 */
export const pendingWorkflowsSql = (kind: WorkflowKind, createdBefore: Date, limit: number, after: { createdAt: Date; id: string } | undefined, dialect: Dialect): Prisma.Sql => {
  const { table, columns, pending, startedElsewhere } = PENDING[kind];
  const cursor = after ? Prisma.sql`AND ("createdAt", "id") > (${sqlDate(after.createdAt)}, ${after.id})` : Prisma.empty;
  const notElsewhere = startedElsewhere ? Prisma.raw(`AND NOT ((${startedElsewhere}) IS TRUE)`) : Prisma.empty;
  return Prisma.sql`SELECT "id", "createdAt", ${Prisma.raw(columns)} FROM ${fromPendingIndex(table, dialect)}
    WHERE ${Prisma.raw(pending)} AND "createdAt" < ${sqlDate(createdBefore)} ${cursor} ${notElsewhere}
    ORDER BY "createdAt", "id" LIMIT ${limit}`;
};

export async function listPendingWorkflows(
  db: Db,
  kind: WorkflowKind,
  { createdBefore, limit, after }: { createdBefore: Date; limit: number; after?: { createdAt: Date; id: string } },
): Promise<PendingWorkflowRow[]> {
  const rows = await db.$queryRaw<Array<Record<string, unknown>>>(pendingWorkflowsSql(kind, createdBefore, limit, after, dialectOf(db)));
  return rows.map((row) => ({
    id: String(row.id),
    createdAt: toDate(row.createdAt),
    ...(row.status !== undefined ? { status: String(row.status) } : {}),
    ...(row.ownerId !== undefined ? { ownerId: String(row.ownerId) } : {}),
    ...(row.source !== undefined ? { source: String(row.source) } : {}),
    ...('pofExpiresAt' in row ? { pofExpiresAt: toOptionalDate(row.pofExpiresAt) } : {}),
    ...('expiresAt' in row ? { expiresAt: toOptionalDate(row.expiresAt) } : {}),
  }));
}

/** How many records of a kind wait for their workflow, and when the oldest was created. */
export const pendingWorkflowCountSql = (kind: WorkflowKind, dialect: Dialect): Prisma.Sql => {
  const { table, pending } = PENDING[kind];
  return Prisma.sql`SELECT COUNT(*) AS "count", MIN("createdAt") AS "oldest" FROM ${fromPendingIndex(table, dialect)} WHERE ${Prisma.raw(pending)}`;
};

export type PendingWorkflowCounts = Record<WorkflowKind, { count: number; oldestCreatedAt: Date | null }>;

/** The reconciler's backlog, per kind, each read from its partial index alone. */
export async function countPendingWorkflows(db: Db): Promise<PendingWorkflowCounts> {
  // Not one transaction: the counts need not agree to the row, and a read never takes the write lock.
  const counts = await Promise.all(WORKFLOW_KINDS.map((kind) => db.$queryRaw<Array<{ count: bigint | number; oldest: unknown }>>(pendingWorkflowCountSql(kind, dialectOf(db)))));
  return Object.fromEntries(
    WORKFLOW_KINDS.map((kind, index) => {
      const row = counts[index]?.[0];
      return [kind, { count: Number(row?.count ?? 0), oldestCreatedAt: toOptionalDate(row?.oldest) }];
    }),
  ) as PendingWorkflowCounts;
}

/** The table of each kind's records. */
export const workflowTable = (kind: WorkflowKind): string => PENDING[kind].table;
