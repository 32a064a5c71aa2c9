import { DEFAULT_DEADLINES } from '../../domain/config/deadlines';
import { scoreLead, type LeadScore, type ScorePart } from '../../domain/leads/lead-score';
import { leadSchema } from '../../domain/leads/lead.schema';
import type { Lead as LeadRow } from '../../prisma/generated/client';
import type { Db, Prisma } from '../client';
import { parseColumn, parseJsonColumn } from '../rows';
import { loadStoredSettings } from './settings-store';

type Client = Db | Prisma.TransactionClient;

/** The contact deadline an "overdue contact" counts from: Settings' value, else the default. */
export async function loadContactMs(db: Client): Promise<number> {
  const stored = await loadStoredSettings(db);
  return stored.deadlines.contactMs ?? DEFAULT_DEADLINES.contactMs;
}

/** The Lead columns a score is computed from. */
export const LEAD_SCORE_INPUT_COLUMNS = ['motivation', 'arv', 'askingPrice', 'estimatedEquity', 'ltv', 'source', 'tags', 'status', 'createdAt', 'contactedAt', 'lastCallAt'] as const;
type ScoreInputRow = Pick<LeadRow, (typeof LEAD_SCORE_INPUT_COLUMNS)[number]>;

/** The Lead columns `refreshLeadScores` reads: the score's inputs, and the stored score to compare. */
export const LEAD_SCORE_COLUMNS = ['id', 'score', 'scoreParts', 'scoredAt', ...LEAD_SCORE_INPUT_COLUMNS] as const;
type ScoredRow = Pick<LeadRow, (typeof LEAD_SCORE_COLUMNS)[number]>;

/** A stored lead's score as of `now`. */
export function scoreLeadRow(lead: ScoreInputRow, now: Date, contactMs: number): LeadScore {
  const fields = leadSchema.shape;
  return scoreLead(
    {
      motivation: lead.motivation,
      arv: lead.arv,
      askingPrice: lead.askingPrice,
      estimatedEquity: lead.estimatedEquity,
      ltv: lead.ltv,
      source: parseColumn(fields.source, lead.source, 'Lead.source'),
      tags: parseJsonColumn(fields.tags, lead.tags, 'Lead.tags'),
      status: parseColumn(fields.status, lead.status, 'Lead.status'),
      createdAt: lead.createdAt,
      contactedAt: lead.contactedAt,
      lastCallAt: lead.lastCallAt,
    },
    now,
    contactMs,
  );
}

/**
 * Scores a lead just written and stores the score with it; call it inside the transaction of every
 * write that creates or changes a lead (API, activities, imports), with the row it wrote. The
 * score's columns are set in SQL so `updatedAt` keeps meaning "a person or the workflow changed it".
 */
export async function saveLeadScore(tx: Client, lead: LeadRow, now = new Date(), contactMs?: number): Promise<LeadRow> {
  const { score, parts } = scoreLeadRow(lead, now, contactMs ?? (await loadContactMs(tx)));
  const scoreParts = JSON.stringify(parts);
  await tx.$executeRaw`UPDATE "Lead" SET "score" = ${score}, "scoreParts" = ${scoreParts}, "scoredAt" = ${now} WHERE "id" = ${lead.id}`;
  return { ...lead, score, scoreParts, scoredAt: now };
}

/**
 * Re-scores leads whose score may have aged (days since the last contact grow with time): the
 * given ones (any columns, those of LEAD_SCORE_COLUMNS at least), written only where the score
 * changed. Returns each row as re-scored, with its parts as computed (no need to parse them back).
 */
export async function refreshLeadScores<Row extends ScoredRow>(db: Client, leads: Row[], now = new Date(), contactMs?: number): Promise<Array<{ lead: Row; parts: ScorePart[] }>> {
  const deadline = contactMs ?? (await loadContactMs(db));
  const refreshed: Array<{ lead: Row; parts: ScorePart[] }> = [];
  for (const lead of leads) {
    const { score, parts } = scoreLeadRow(lead, now, deadline);
    const scoreParts = JSON.stringify(parts);
    if (score !== lead.score || scoreParts !== lead.scoreParts || lead.scoredAt === null) {
      await db.$executeRaw`UPDATE "Lead" SET "score" = ${score}, "scoreParts" = ${scoreParts}, "scoredAt" = ${now} WHERE "id" = ${lead.id}`;
      refreshed.push({ lead: { ...lead, score, scoreParts, scoredAt: now }, parts });
    } else refreshed.push({ lead, parts });
  }
  return refreshed;
}

/**
 * Scores every lead never scored (those saved before scores existed, or by a bulk insert), and
 * those last scored before `staleBefore`, a batch per transaction; `onBatch` hears the running count.
 */
export async function backfillLeadScores(
  db: Db,
  { now = new Date(), staleBefore, batch = 500, onBatch }: { now?: Date; staleBefore?: Date; batch?: number; onBatch?: (done: number) => void } = {},
): Promise<number> {
  const contactMs = await loadContactMs(db);
  let done = 0;
  for (;;) {
    const rows = await db.lead.findMany({
      where: { OR: [{ scoredAt: null }, ...(staleBefore ? [{ scoredAt: { lt: staleBefore } }] : [])] },
      take: batch,
    });
    if (rows.length === 0) return done;
    await db.$transaction(async (tx) => {
      for (const lead of rows) {
        const { score, parts } = scoreLeadRow(lead, now, contactMs);
        await tx.$executeRaw`UPDATE "Lead" SET "score" = ${score}, "scoreParts" = ${JSON.stringify(parts)}, "scoredAt" = ${now} WHERE "id" = ${lead.id}`;
      }
    });
    done += rows.length;
    onBatch?.(done);
  }
}
