import { average, daysBetween, monthStart, perUserPerDay, rate, rounded } from '../../domain/analytics/kpi-math';
import type { Dashboard, Scope } from '../../domain/analytics/dashboard.schema';
import type { Db } from '../client';
import { readRowsTogether } from '../read-rows';
import { Prisma } from '../../prisma/generated/client';
import { OPEN_LEAD_STATUSES } from '../../domain/leads/lead-status';
import { LEAD_STATUSES } from '../../domain/leads/lead.schema';
import { OPEN_TASK_STATUSES } from '../../domain/tasks/task.schema';
import { daysBetween as sqlDaysBetween, dialectOf, indexedBy, wholeDays, type Dialect } from './dialect';
import { countWhere, sqlDate, sqlLiteralList } from './sql';
import { peopleIn } from './scope-sql';

export interface DashboardRange {
  scope: Scope;
  userId: string;
  from: Date;
  to: Date;
  dayStart: Date;
  now: Date;
}

type Row = Record<string, number | bigint | string | null>;
const DAY_MS = 86_400_000;
const WEEK_DAYS = 7;
const num = (value: number | bigint | string | null | undefined): number => Number(value ?? 0);
const orNull = (value: number | bigint | string | null | undefined): number | null => (value === null || value === undefined ? null : Number(value));

/** The dashboard's queries, in order: each one aggregate answered from an index (tests/integration/query-plans checks). */
export function dashboardSql(range: DashboardRange, dialect: Dialect): Prisma.Sql[] {
  const { scope, userId } = range;
  const [from, to, dayStart, month] = [sqlDate(range.from), sqlDate(range.to), sqlDate(range.dayStart), sqlDate(monthStart(range.now))];
  const owner = peopleIn(Prisma.sql`"ownerId"`, scope, userId);
  const assignee = peopleIn(Prisma.sql`"assigneeId"`, scope, userId);
  const creator = peopleIn(Prisma.sql`"createdById"`, scope, userId);
  const caller = peopleIn(Prisma.sql`"userId"`, scope, userId);
  const weekEnd = sqlDate(new Date(range.dayStart.getTime() + WEEK_DAYS * DAY_MS));
  const dealOwner = peopleIn(Prisma.sql`l."ownerId"`, scope, userId);
  // For the team (an IN over the supervised people) SQLite, without statistics, read every live
  // lead's or every team member's rows and tested the rest on each row (1–3 s at volume): these
  // name the index that answers the query from its own entries.
  const forTeam = (index: string): Prisma.Sql => (scope === 'team' ? indexedBy(dialect, index) : Prisma.empty);
  const peopleCount =
    scope === 'me' ? Prisma.sql`SELECT 1 AS n` : scope === 'team' ? Prisma.sql`SELECT COUNT(*) AS n FROM "User" WHERE active = TRUE AND role IN ('AGENT', 'ACQUISITIONS')` : Prisma.sql`SELECT COUNT(*) AS n FROM "User" WHERE active = TRUE`;

  return [
    // Live leads per stage with their asking prices, in one pass over an index that holds both:
    // the stage chart, the lead total and the open pipeline's value (each was a pass of its own).
    Prisma.sql`SELECT status, COUNT(*) AS n, SUM("askingPrice") AS "askingTotal" FROM "Lead"${forTeam('Lead_ownerId_archivedAt_status_askingPrice_idx')}
      WHERE "archivedAt" IS NULL AND ${owner} GROUP BY status`,
    Prisma.sql`SELECT COUNT(*) AS "newToday" FROM "Lead" WHERE "archivedAt" IS NULL AND "createdAt" >= ${dayStart} AND ${owner}`,
    Prisma.sql`SELECT COUNT(*) AS created, ${countWhere(Prisma.sql`status = 'CLOSED'`)} AS closed,
        AVG(CASE WHEN "contactedAt" IS NOT NULL THEN ${sqlDaysBetween(dialect, Prisma.sql`"contactedAt"`, Prisma.sql`"createdAt"`)} * 1440 END) AS "responseMinutes"
      FROM "Lead" WHERE "archivedAt" IS NULL AND "createdAt" >= ${from} AND "createdAt" < ${to} AND ${owner}`,
    Prisma.sql`SELECT COUNT(*) AS total, ${countWhere(Prisma.sql`status = 'ACTIVE'`)} AS active, ${countWhere(Prisma.sql`"cashBuyer"`)} AS cash, AVG("proofOfFundsAmount") AS "averagePof"
      FROM "Buyer" WHERE "archivedAt" IS NULL`,
    Prisma.sql`SELECT COUNT(*) AS pending, ${countWhere(Prisma.sql`overdue`)} AS overdue
      FROM "Task" WHERE status IN ${sqlLiteralList(OPEN_TASK_STATUSES)} AND ${assignee}`,
    Prisma.sql`SELECT ${countWhere(Prisma.sql`status = 'COMPLETED'`)} AS completed, ${countWhere(Prisma.sql`status <> 'CANCELLED'`)} AS considered
      FROM "Task"${forTeam('Task_dueAt_status_assigneeId_idx')} WHERE "dueAt" >= ${from} AND "dueAt" < ${to} AND ${assignee}`,
    Prisma.sql`SELECT COUNT(*) AS active FROM "Offer" WHERE "archivedAt" IS NULL AND status IN ('DRAFT', 'SENT', 'COUNTERED') AND ${creator}`,
    // Named on SQLite: without statistics it took the live offers' index (an equality on archivedAt)
    // and read every live offer's row to test its date, 190 ms at 57k offers instead of 0.6.
    Prisma.sql`SELECT ${countWhere(Prisma.sql`status = 'ACCEPTED'`)} AS accepted, ${countWhere(Prisma.sql`status IN ('ACCEPTED', 'REJECTED', 'EXPIRED', 'WITHDRAWN')`)} AS decided,
        COUNT(*) AS made, SUM(amount) AS "amountTotal"
      FROM "Offer"${indexedBy(dialect, 'Offer_createdAt_status_amount_createdById_idx')} WHERE "archivedAt" IS NULL AND "createdAt" >= ${from} AND "createdAt" < ${to} AND ${creator}`,
    // The deals' CROSS JOIN keeps SQLite's join order, a range's deals and then each one's lead (it
    // started from every lead of the people in scope); PostgreSQL plans it as the inner join it is.
    Prisma.sql`SELECT COUNT(*) AS closed, SUM(d."assignmentFee") AS "feeTotal", COUNT(d."assignmentFee") AS "feeCount",
        AVG(${sqlDaysBetween(dialect, Prisma.sql`d."closedAt"`, Prisma.sql`l."createdAt"`)}) AS "velocityDays"
      FROM "Deal" d CROSS JOIN "Lead" l WHERE l.id = d."leadId" AND d."closedAt" >= ${from} AND d."closedAt" < ${to} AND ${dealOwner}`,
    Prisma.sql`SELECT COALESCE(SUM(d."assignmentFee"), 0) AS fees
      FROM "Deal" d CROSS JOIN "Lead" l WHERE l.id = d."leadId" AND d."closedAt" >= ${month} AND ${dealOwner}`,
    peopleCount,
    Prisma.sql`SELECT COUNT(*) AS completed FROM "Task" WHERE status = 'COMPLETED' AND "completedAt" >= ${from} AND "completedAt" < ${to} AND ${assignee}`,
    Prisma.sql`SELECT COUNT(*) AS calls, ${countWhere(Prisma.sql`outcome = 'TALKED'`)} AS talked, COUNT(DISTINCT "userId") AS callers
      FROM "Call" WHERE "createdAt" >= ${dayStart} AND ${caller}`,
    // The chart of my own open tasks due this week, per day from the start of today.
    Prisma.sql`SELECT ${wholeDays(dialect, sqlDaysBetween(dialect, Prisma.sql`"dueAt"`, Prisma.sql`${dayStart}`))} AS day, COUNT(*) AS n
      FROM "Task" WHERE "assigneeId" = ${userId} AND status IN ${sqlLiteralList(OPEN_TASK_STATUSES)} AND "dueAt" >= ${dayStart} AND "dueAt" < ${weekEnd}
      GROUP BY day`,
    // Calls per agent today, for the calls card of a team or everyone (from the same createdAt index).
    Prisma.sql`SELECT c."userId" AS "userId", u."name" AS name, COUNT(*) AS calls, ${countWhere(Prisma.sql`c.outcome = 'TALKED'`)} AS talked
      FROM "Call" c JOIN "User" u ON u.id = c."userId" WHERE c."createdAt" >= ${dayStart} AND ${peopleIn(Prisma.sql`c."userId"`, scope, userId)}
      GROUP BY c."userId", u."name" ORDER BY calls DESC, u."name"`,
  ];
}

/**
 * Every dashboard KPI in one read transaction: a handful of aggregate queries, each one pass
 * over an index (conditional sums count several things at once).
 */
export async function loadDashboard(db: Db, range: DashboardRange): Promise<Dashboard> {
  const { scope } = range;
  const [leadStages = [], leadsToday, leadFlow, buyers, taskStock, taskFlow, offerStock, offerFlow, dealFlow, dealMonth, people, completedFlow, callsToday, tasksDue, callsByAgent] = await readRowsTogether<Row>(db, dashboardSql(range, dialectOf(db)));
  // Each of these queries answers one row of aggregates.
  const first = (rows: Row[] | undefined): Row => rows?.[0] ?? {};
  const [lt, lf, b, ts, tf, os, of, df, dm] = [
    first(leadsToday), first(leadFlow), first(buyers), first(taskStock),
    first(taskFlow), first(offerStock), first(offerFlow), first(dealFlow), first(dealMonth),
  ] as const;
  const open = new Set<unknown>(OPEN_LEAD_STATUSES);
  const leadsTotal = leadStages.reduce((sum, row) => sum + num(row.n), 0);
  const pipelineValue = leadStages.reduce((sum, row) => (open.has(row.status) ? sum + num(row.askingTotal) : sum), 0);
  const newToday = num(lt.newToday);
  const pending = num(ts.pending);
  const overdue = num(ts.overdue);
  return {
    scope,
    range: { from: range.from.toISOString(), to: range.to.toISOString() },
    leads: leadsTotal,
    newToday,
    openTasks: pending,
    overdueTasks: overdue,
    kpis: {
      leads: { total: leadsTotal, newToday, createdInRange: num(lf.created), conversionRate: rate(num(lf.closed), num(lf.created)), pipelineValue },
      buyers: { active: num(b.active), cashShare: rate(num(b.cash), num(b.total)), averageProofOfFunds: rounded(orNull(b.averagePof)) },
      tasks: {
        pending,
        overdue,
        completionRate: rate(num(tf.completed), num(tf.considered)),
        completedPerUserPerDay: perUserPerDay(num(first(completedFlow).completed), num(first(people).n), daysBetween(range.from, range.to)),
      },
      offers: { active: num(os.active), acceptanceRate: rate(num(of.accepted), num(of.decided)), averageAmount: average(orNull(of.amountTotal), num(of.made)) },
      revenue: { thisMonth: num(dm.fees), dealsClosed: num(df.closed), averageDealSize: average(orNull(df.feeTotal), num(df.feeCount)) },
      calls: {
        today: num(first(callsToday).calls),
        talkRate: rate(num(first(callsToday).talked), num(first(callsToday).calls)),
        perAgent: num(first(callsToday).callers) === 0 ? null : rounded(num(first(callsToday).calls) / num(first(callsToday).callers)),
        // One's own numbers need no breakdown.
        ...(scope === 'me'
          ? {}
          : { byAgent: (callsByAgent ?? []).map((row) => ({ userId: String(row.userId), name: String(row.name), calls: num(row.calls), talked: num(row.talked) })) }),
      },
      responseTimeMinutes: rounded(orNull(lf.responseMinutes)),
      dealVelocityDays: rounded(orNull(df.velocityDays)),
    },
    charts: {
      leadsByStage: LEAD_STATUSES.map((status) => ({ status, leads: num(leadStages.find((row) => row.status === status)?.n) })),
      myTasksDue: Array.from({ length: WEEK_DAYS }, (_, day) => ({
        dayStart: new Date(range.dayStart.getTime() + day * DAY_MS).toISOString(),
        tasks: num(tasksDue?.find((row) => num(row.day) === day)?.n),
      })),
    },
  };
}
