// No zod here (its schema is in lead.schema.ts): the lead pages of the web app describe scores with it.
import { LEAD_SOURCE_LABELS } from '../labels/lead-labels';
import type { LEAD_SOURCES } from './lead-enums';
import type { LeadStatus } from './lead-statuses';

export const SCORE_PART_KEYS = ['motivation', 'equity', 'lastContact', 'overdueContact', 'source', 'tags'] as const;

export interface ScorePart {
  key: (typeof SCORE_PART_KEYS)[number];
  points: number;
  /** What a person reads: "motivated 4/5 +24". */
  reason: string;
}

export interface LeadScore {
  /** 0–100: the parts' points added up, capped. */
  score: number;
  /** The parts that gave points, biggest first. */
  parts: ScorePart[];
}

export interface LeadScoreInput {
  motivation: number | null;
  /** After-repair value, the property's worth as the lead states it. */
  arv: number | null;
  askingPrice: number | null;
  /** A list's estimated equity (its value minus the loans), used when there is no asking price. */
  estimatedEquity?: number | null;
  /** A list's loan-to-value, in percent (55 for 55 %), used when neither of the above gives a share. */
  ltv?: number | null;
  source: (typeof LEAD_SOURCES)[number];
  tags: readonly string[];
  status: LeadStatus;
  createdAt: Date;
  /** First contact (the lead left NEW). */
  contactedAt: Date | null;
  /** The last call logged on the lead, when later than the first contact. */
  lastCallAt?: Date | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const OPEN: readonly LeadStatus[] = ['NEW', 'CONTACTED', 'QUALIFIED', 'OFFER_MADE', 'UNDER_CONTRACT'];

/** Where a lead came from says how likely it is to sell: a referral beats a bought list. */
export const SOURCE_POINTS: Record<(typeof LEAD_SOURCES)[number], number> = {
  REFERRAL: 10,
  DRIVING_FOR_DOLLARS: 8,
  DIRECT_MAIL: 6,
  PPC: 6,
  SEO: 6,
  COLD_CALL: 4,
  SMS: 4,
  LIST_IMPORT: 2,
  OTHER: 0,
};

/** Distress tags, matched without regard to case, spaces or dashes ("tax-delinquent" = "Tax Delinquent"). */
export const TAG_POINTS: Readonly<Record<string, number>> = {
  preforeclosure: 10,
  taxdelinquent: 8,
  probate: 8,
  vacant: 6,
  divorce: 6,
  codeviolation: 5,
  tiredlandlord: 5,
  absenteeowner: 4,
};
const TAGS_MAX = 15;

const normalizeTag = (tag: string) => tag.toLowerCase().replace(/[^a-z]/g, '');
const plus = (points: number) => (points >= 0 ? `+${points}` : `${points}`);

function equityPoints(share: number): number {
  if (share >= 0.5) return 25;
  if (share >= 0.4) return 20;
  if (share >= 0.3) return 15;
  if (share >= 0.2) return 10;
  if (share >= 0.1) return 5;
  return 0;
}

/**
 * The equity share and which figures gave it: the ARV (or estimated value) over the asking price
 * when both are known, else the list's estimated equity over the value, else 100 % minus the list's
 * loan-to-value; null when none is known.
 */
function equityShare(input: LeadScoreInput): { share: number; from: string } | null {
  const value = input.arv !== null && input.arv > 0 ? input.arv : null;
  if (value !== null && input.askingPrice !== null) return { share: (value - input.askingPrice) / value, from: '' };
  if (value !== null && input.estimatedEquity != null) return { share: input.estimatedEquity / value, from: " from the list's estimated equity" };
  if (input.ltv != null && input.ltv >= 0) return { share: (100 - input.ltv) / 100, from: ` from the list's loan-to-value ${Math.round(input.ltv)} %` };
  return null;
}

function lastContactPoints(days: number): number {
  if (days >= 14) return 15;
  if (days >= 7) return 10;
  if (days >= 3) return 5;
  return 0;
}

/**
 * How worth calling a lead is, 0–100, with the reason for each part's points:
 * motivation ×6 (1–5), equity share (up to +25: the ARV over the asking price, else the list's
 * estimated equity over the value, else 100 % minus its loan-to-value), days since the
 * last contact (up to +15; never contacted +10), a contact overdue past `contactMs` (+10; not for
 * an imported list lead, which has no contact deadline), the
 * source (up to +10) and distress tags (up to +15). Contact parts count only while the lead is open.
 */
export function scoreLead(input: LeadScoreInput, now: Date, contactMs: number): LeadScore {
  const parts: ScorePart[] = [];
  const add = (key: ScorePart['key'], points: number, text: string) => {
    if (points !== 0) parts.push({ key, points, reason: `${text} ${plus(points)}` });
  };

  if (input.motivation !== null) {
    const motivation = Math.min(5, Math.max(1, Math.round(input.motivation)));
    add('motivation', motivation * 6, `motivated ${motivation}/5`);
  }

  const equity = equityShare(input);
  if (equity) add('equity', equityPoints(equity.share), `equity ${Math.round(equity.share * 100)} %${equity.from}`);

  if (OPEN.includes(input.status)) {
    const lastContact = [input.contactedAt, input.lastCallAt ?? null]
      .filter((at): at is Date => at !== null)
      .reduce<Date | null>((latest, at) => (latest === null || at > latest ? at : latest), null);
    if (lastContact === null) {
      add('lastContact', 10, 'never contacted');
      // A cold-list lead has no contact deadline (no one-hour task; it waits in the queue by score).
      if (input.status === 'NEW' && input.source !== 'LIST_IMPORT' && now.getTime() - input.createdAt.getTime() > contactMs) add('overdueContact', 10, 'contact overdue');
    } else {
      const days = Math.max(0, Math.floor((now.getTime() - lastContact.getTime()) / DAY_MS));
      add('lastContact', lastContactPoints(days), `not contacted for ${days} day${days === 1 ? '' : 's'}`);
    }
  }

  add('source', SOURCE_POINTS[input.source], `source ${LEAD_SOURCE_LABELS[input.source].toLowerCase()}`);

  const seen = new Set<string>();
  const tagged: { tag: string; points: number }[] = [];
  for (const tag of input.tags) {
    const key = normalizeTag(tag);
    const points = TAG_POINTS[key];
    if (points && !seen.has(key)) {
      seen.add(key);
      tagged.push({ tag: tag.trim(), points });
    }
  }
  if (tagged.length > 0) {
    const points = Math.min(TAGS_MAX, tagged.reduce((sum, { points: p }) => sum + p, 0));
    add('tags', points, tagged.map(({ tag }) => tag).join(', '));
  }

  parts.sort((a, b) => b.points - a.points);
  const total = parts.reduce((sum, part) => sum + part.points, 0);
  return { score: Math.min(100, Math.max(0, total)), parts };
}

/** "72: motivated 4/5 +24, equity 45 % +20, …" — the score with its parts, as the lead page shows it. */
export function describeLeadScore({ score, parts }: LeadScore): string {
  return parts.length === 0 ? `${score}` : `${score}: ${parts.map((part) => part.reason).join(', ')}`;
}
