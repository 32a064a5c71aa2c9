import { z } from 'zod';

export const SCOPES = ['me', 'team', 'everyone'] as const;
export type Scope = (typeof SCOPES)[number];

const isoDate = z.iso.datetime({ offset: true, message: 'must be an ISO date-time' });

/** `?scope=&from=&to=&dayStart=`: whose work, and the range the flow KPIs count (default: the last 30 days). */
export const dashboardQuerySchema = z
  .object({
    scope: z.enum(SCOPES, { error: `must be one of: ${SCOPES.join(', ')}` }).default('everyone'),
    from: isoDate.optional(),
    to: isoDate.optional(),
    /** The start of the user's day, for "new today"; the server's midnight when absent. */
    dayStart: isoDate.optional(),
  })
  .refine((query) => !query.from || !query.to || query.from < query.to, { message: 'must be after from', path: ['to'] });
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

const rateSchema = z.number().nullable();

/** Every KPI of SPEC §6. Rates are 0–1; money in whole dollars; durations in minutes or days. */
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
    responseTimeMinutes: z.number().nullable(),
    dealVelocityDays: z.number().nullable(),
  }),
});
export type Dashboard = z.infer<typeof dashboardSchema>;
