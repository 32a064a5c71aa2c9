import { z } from 'zod';
import { LEAD_STATUSES } from '../leads/lead.schema';
import { SCOPES } from './scopes';

export { SCOPES, type Scope } from './scopes';

const isoDate = z.iso.datetime({ offset: true, message: 'must be an ISO date-time' });

/**
 * `?scope=&from=&to=` of a report: whose work (absent: the user's role decides), and the range
 * the flow figures count (default: the last 30 days). Reports extend it with their own fields.
 */
export const reportQueryFields = z.object({
  scope: z.enum(SCOPES, { error: `must be one of: ${SCOPES.join(', ')}` }).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

/** What every report query is refined with: a range that ends after it starts. */
export const endsAfterStart = (query: { from?: string; to?: string }): boolean => !query.from || !query.to || query.from < query.to;
export const TO_AFTER_FROM = { message: 'must be after from', path: ['to'] };

export const dashboardQuerySchema = reportQueryFields
  .extend({
    /** The start of the user's day, for "new today"; the server's midnight when absent. */
    dayStart: isoDate.optional(),
  })
  .refine(endsAfterStart, TO_AFTER_FROM);

const rateSchema = z.number().nullable();

/** Every dashboard KPI: leads, buyers, tasks, offers, revenue, response time and deal velocity. Rates are 0–1; money in whole dollars; durations in minutes or days. */
export const dashboardSchema = z.object({
  scope: z.enum(SCOPES),
  range: z.object({ from: z.string(), to: z.string() }),
  leads: z.number(),
  newToday: z.number(),
  openTasks: z.number(),
  overdueTasks: z.number(),
  kpis: z.object({
    leads: z.object({ total: z.number(), newToday: z.number(), createdInRange: z.number(), conversionRate: rateSchema, pipelineValue: z.number() }),
    buyers: z.object({ active: z.number(), cashShare: rateSchema, averageProofOfFunds: z.number().nullable() }),
    tasks: z.object({ pending: z.number(), overdue: z.number(), completionRate: rateSchema, completedPerUserPerDay: z.number().nullable() }),
    offers: z.object({ active: z.number(), acceptanceRate: rateSchema, averageAmount: z.number().nullable() }),
    revenue: z.object({ thisMonth: z.number(), dealsClosed: z.number(), averageDealSize: z.number().nullable() }),
    /**
     * Calls logged since the start of the day: how many, the share that reached the seller, and per
     * agent who called; `byAgent` (supervisors and admins, team or everyone) each caller's calls and
     * talks today, most calls first.
     */
    calls: z.object({
      today: z.number(),
      talkRate: rateSchema,
      perAgent: z.number().nullable(),
      byAgent: z.array(z.object({ userId: z.string(), name: z.string(), calls: z.number(), talked: z.number() })).optional(),
    }),
    responseTimeMinutes: z.number().nullable(),
    dealVelocityDays: z.number().nullable(),
  }),
  /** The dashboard's two small charts. */
  charts: z.object({
    /** The scope's live leads in each pipeline stage, in pipeline order (zeros included). */
    leadsByStage: z.array(z.object({ status: z.enum(LEAD_STATUSES), leads: z.number() })),
    /** The signed-in user's own open tasks due on each of the 7 days from the start of today (`dayStart`: each day's start). */
    myTasksDue: z.array(z.object({ dayStart: z.string(), tasks: z.number() })),
  }),
});
export type Dashboard = z.infer<typeof dashboardSchema>;
