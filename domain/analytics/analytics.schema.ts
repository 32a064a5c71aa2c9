import { z } from 'zod';
import { LEAD_STATUSES, type LeadStatus } from '../leads/lead.schema';
import { endsAfterStart, reportQueryFields, SCOPES, TO_AFTER_FROM } from './dashboard.schema';

/** The funnel's stages: the pipeline in order, without DEAD (a dead lead counts for the stages it reached). */
export const FUNNEL_STAGES = LEAD_STATUSES.filter((status) => status !== 'DEAD') as Exclude<LeadStatus, 'DEAD'>[];

/** Deal velocity buckets, in days from the lead's arrival to the deal's close. */
export const VELOCITY_BUCKETS = [
  { label: '0–14 days', max: 14 },
  { label: '15–30 days', max: 30 },
  { label: '31–60 days', max: 60 },
  { label: '61–90 days', max: 90 },
  { label: '91+ days', max: Number.POSITIVE_INFINITY },
] as const;

export function velocityBucket(days: number): string {
  return VELOCITY_BUCKETS.find((bucket) => days <= bucket.max)!.label;
}

/**
 * How many leads reached each stage, from how many are at each status now: a lead at
 * QUALIFIED has passed NEW and CONTACTED too. A dead lead reached NEW, and CONTACTED when it
 * was contacted before it died.
 */
export function funnelFrom(byStatus: Partial<Record<LeadStatus, number>>, deadContacted: number): Array<{ stage: string; leads: number }> {
  return FUNNEL_STAGES.map((stage, index) => {
    const atOrPast = FUNNEL_STAGES.slice(index).reduce((sum, status) => sum + (byStatus[status] ?? 0), 0);
    const dead = index === 0 ? (byStatus.DEAD ?? 0) : index === 1 ? deadContacted : 0;
    return { stage, leads: atOrPast + dead };
  });
}

export const analyticsQuerySchema = reportQueryFields.refine(endsAfterStart, TO_AFTER_FROM);

export const analyticsSchema = z.object({
  scope: z.enum(SCOPES),
  range: z.object({ from: z.string(), to: z.string() }),
  funnel: z.array(z.object({ stage: z.string(), leads: z.number() })),
  sources: z.array(z.object({ source: z.string(), leads: z.number(), contacted: z.number(), deals: z.number(), revenue: z.number() })),
  buyerEngagement: z.object({ matchesSent: z.number(), offersMade: z.number(), offersAccepted: z.number() }),
  tasks: z.object({
    completed: z.number(),
    onTimeRate: z.number().nullable(),
    overdueByType: z.array(z.object({ type: z.string(), overdue: z.number() })),
  }),
  revenueByMonth: z.array(z.object({ month: z.string(), revenue: z.number(), deals: z.number() })),
  team: z.array(z.object({ userId: z.string(), name: z.string(), tasksCompleted: z.number(), responseTimeMinutes: z.number().nullable(), deals: z.number() })),
  velocity: z.array(z.object({ bucket: z.string(), deals: z.number() })),
});
export type Analytics = z.infer<typeof analyticsSchema>;
