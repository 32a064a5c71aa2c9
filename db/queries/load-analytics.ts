import { funnelFrom, VELOCITY_BUCKETS, velocityBucket, type Analytics } from '../../domain/analytics/analytics.schema';
import type { Scope } from '../../domain/analytics/dashboard.schema';
import { rate } from '../../domain/analytics/kpi-math';
import { leadSchema } from '../../domain/leads/lead.schema';
import type { Db } from '../client';
import { Prisma } from '../../prisma/generated/client';
import { OPEN_TASK_STATUSES } from '../../domain/tasks/task.schema';
import { readRowsTogether } from '../read-rows';
import { parseColumn } from '../rows';
import { daysBetween, dialectOf, indexedBy, yearMonth, type Dialect } from './dialect';
import { countWhere, sqlDate, sqlLiteralList } from './sql';
import { peopleIn } from './scope-sql';

export interface AnalyticsRange {
  scope: Scope;
  userId: string;
  from: Date;
  to: Date;
}

type Row = Record<string, string | number | bigint | null>;
const num = (value: unknown): number => Number(value ?? 0);

/** The analytics page's queries, in order (tests/integration/query-plans checks their plans). */
export function analyticsSql(range: AnalyticsRange, dialect: Dialect): Prisma.Sql[] {
  const { scope, userId } = range;
  const [from, to] = [sqlDate(range.from), sqlDate(range.to)];
  const owner = peopleIn(Prisma.sql`l."ownerId"`, scope, userId);
  const assignee = peopleIn(Prisma.sql`"assigneeId"`, scope, userId);
  const creator = peopleIn(Prisma.sql`"createdById"`, scope, userId);
  const sender = peopleIn(Prisma.sql`"sentById"`, scope, userId);
  const people = peopleIn(Prisma.sql`u.id`, scope, userId);
  const leadsInRange = Prisma.sql`l."archivedAt" IS NULL AND l."createdAt" >= ${from} AND l."createdAt" < ${to} AND ${owner}`;
  // Deals and offers are read from their dates' index, then their lead or kind tested: SQLite,
  // without statistics, started from every live offer (an equality on archivedAt) or from every
  // lead of the people in scope before their deals, hundreds of ms to seconds at volume. A CROSS
  // JOIN keeps SQLite's join order (deals first); PostgreSQL plans it as the inner join it is.
  const dealsThenLeads = Prisma.sql`"Deal" d CROSS JOIN "Lead" l`;

  return [
    Prisma.sql`SELECT status, COUNT(*) AS n, ${countWhere(Prisma.sql`"contactedAt" IS NOT NULL`)} AS contacted FROM "Lead" l WHERE ${leadsInRange} GROUP BY status`,
    Prisma.sql`SELECT l.source, COUNT(*) AS leads, ${countWhere(Prisma.sql`l."contactedAt" IS NOT NULL`)} AS contacted, COUNT(d.id) AS deals, COALESCE(SUM(d."assignmentFee"), 0) AS revenue
      FROM "Lead" l LEFT JOIN "Deal" d ON d."leadId" = l.id AND d."closedAt" IS NOT NULL WHERE ${leadsInRange} GROUP BY l.source ORDER BY leads DESC`,
    // Matches sent: each e-mail of matching properties, plus each "Send matching properties" task completed without one.
    Prisma.sql`SELECT
        (SELECT COUNT(*) FROM "EmailMessage" WHERE kind = 'BUYER_MATCHES' AND status <> 'FAILED' AND "createdAt" >= ${from} AND "createdAt" < ${to} AND ${sender})
      + (SELECT COUNT(*) FROM "Task" WHERE status = 'COMPLETED' AND "completedAt" >= ${from} AND "completedAt" < ${to}
          AND title LIKE 'Send matching properties%' AND ${assignee}
          AND id NOT IN (SELECT "taskId" FROM "EmailMessage" WHERE "taskId" IS NOT NULL)) AS sent`,
    Prisma.sql`SELECT COUNT(*) AS made, ${countWhere(Prisma.sql`status = 'ACCEPTED'`)} AS accepted FROM "Offer"${indexedBy(dialect, 'Offer_createdAt_status_amount_createdById_idx')}
      WHERE kind = 'BUYER' AND "archivedAt" IS NULL AND "createdAt" >= ${from} AND "createdAt" < ${to} AND ${creator}`,
    Prisma.sql`SELECT COUNT(*) AS completed, ${countWhere(Prisma.sql`"completedAt" <= "dueAt"`)} AS "onTime" FROM "Task"
      WHERE status = 'COMPLETED' AND "completedAt" >= ${from} AND "completedAt" < ${to} AND ${assignee}`,
    Prisma.sql`SELECT type, COUNT(*) AS overdue FROM "Task"
      WHERE status IN ${sqlLiteralList(OPEN_TASK_STATUSES)} AND overdue = TRUE AND ${assignee} GROUP BY type ORDER BY overdue DESC`,
    Prisma.sql`SELECT ${yearMonth(dialect, Prisma.sql`d."closedAt"`)} AS month, COALESCE(SUM(d."assignmentFee"), 0) AS revenue, COUNT(*) AS deals
      FROM ${dealsThenLeads} WHERE l.id = d."leadId" AND d."closedAt" >= ${from} AND d."closedAt" < ${to} AND ${owner} GROUP BY month ORDER BY month`,
    // The team table: each person's deals from one pass over the range's deals, grouped by owner (a
    // subquery per person read every deal of the range again for each: 80 ms at volume for 28 people).
    Prisma.sql`SELECT u.id AS "userId", u.name,
        (SELECT COUNT(*) FROM "Task" t WHERE t."assigneeId" = u.id AND t.status = 'COMPLETED' AND t."completedAt" >= ${from} AND t."completedAt" < ${to}) AS "tasksCompleted",
        (SELECT AVG(${daysBetween(dialect, Prisma.sql`l."contactedAt"`, Prisma.sql`l."createdAt"`)} * 1440) FROM "Lead" l
          WHERE l."ownerId" = u.id AND l."createdAt" >= ${from} AND l."createdAt" < ${to} AND l."contactedAt" IS NOT NULL) AS "responseMinutes",
        COALESCE(owned.deals, 0) AS deals
      FROM "User" u LEFT JOIN (SELECT l."ownerId" AS "ownerId", COUNT(*) AS deals FROM ${dealsThenLeads}
          WHERE l.id = d."leadId" AND d."closedAt" >= ${from} AND d."closedAt" < ${to} GROUP BY l."ownerId") owned ON owned."ownerId" = u.id
      WHERE u.active = TRUE AND u.role IN ('AGENT', 'ACQUISITIONS') AND ${people} ORDER BY u.name`,
    Prisma.sql`SELECT ${daysBetween(dialect, Prisma.sql`d."closedAt"`, Prisma.sql`l."createdAt"`)} AS days
      FROM ${dealsThenLeads} WHERE l.id = d."leadId" AND d."closedAt" >= ${from} AND d."closedAt" < ${to} AND ${owner}`,
  ];
}

/** The Monday reports: funnel, sources, buyer engagement, tasks, revenue, team and velocity, from one snapshot. */
export async function loadAnalytics(db: Db, range: AnalyticsRange): Promise<Analytics> {
  const { scope } = range;
  const [byStatus, sources, engagement, offers, taskTotals, overdue, months, team, velocity] = await readRowsTogether<Row>(db, analyticsSql(range, dialectOf(db)));

  const statusCounts = Object.fromEntries(byStatus!.map((row) => [parseColumn(leadSchema.shape.status, row.status, 'Lead.status'), num(row.n)]));
  const deadContacted = num(byStatus!.find((row) => row.status === 'DEAD')?.contacted);
  const velocityCounts = new Map<string, number>(VELOCITY_BUCKETS.map((bucket) => [bucket.label, 0]));
  for (const row of velocity!) {
    const bucket = velocityBucket(num(row.days));
    velocityCounts.set(bucket, (velocityCounts.get(bucket) ?? 0) + 1);
  }
  return {
    scope,
    range: { from: range.from.toISOString(), to: range.to.toISOString() },
    funnel: funnelFrom(statusCounts, deadContacted),
    sources: sources!.map((row) => ({ source: String(row.source), leads: num(row.leads), contacted: num(row.contacted), deals: num(row.deals), revenue: num(row.revenue) })),
    buyerEngagement: { matchesSent: num(engagement![0]?.sent), offersMade: num(offers![0]?.made), offersAccepted: num(offers![0]?.accepted) },
    tasks: {
      completed: num(taskTotals![0]?.completed),
      onTimeRate: rate(num(taskTotals![0]?.onTime), num(taskTotals![0]?.completed)),
      overdueByType: overdue!.map((row) => ({ type: String(row.type), overdue: num(row.overdue) })),
    },
    revenueByMonth: months!.map((row) => ({ month: String(row.month), revenue: num(row.revenue), deals: num(row.deals) })),
    team: team!.map((row) => ({
      userId: String(row.userId),
      name: String(row.name),
      tasksCompleted: num(row.tasksCompleted),
      responseTimeMinutes: row.responseMinutes === null ? null : Math.round(num(row.responseMinutes)),
      deals: num(row.deals),
    })),
    velocity: [...velocityCounts].map(([bucket, deals]) => ({ bucket, deals })),
  };
}
