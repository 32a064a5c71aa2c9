import { z } from 'zod';
import { isCrossed } from '../buyers/buy-box-bounds';
import { distinctTags } from '../leads/distinct-tags';

/** `POST /api/leads/:id/merge` and `POST /api/buyers/:id/merge`: the record (`sourceId`) whose work moves to `:id`. */
export const mergeInputSchema = z.object({
  sourceId: z.string().trim().min(1),
});
export type MergeInput = z.infer<typeof mergeInputSchema>;

/** What a merge moved from the source to the survivor, counted; carried by the `merged` event. */
export const mergeResultSchema = z.object({
  survivorId: z.string(),
  sourceId: z.string(),
  moved: z.object({
    tasks: z.number(),
    offers: z.number(),
    notes: z.number(),
    documents: z.number(),
    calls: z.number(),
    favorites: z.number(),
  }),
  /** The source's open automatic tasks, cancelled rather than moved (the survivor has its own automation). */
  cancelledTaskIds: z.array(z.string()),
  /** The survivor's fields that were empty and now hold the source's value. */
  filled: z.array(z.string()),
});
export type MergeResult = z.infer<typeof mergeResultSchema>;

/** Another live record that may be the same lead or buyer, and why it looks so. */
export const duplicateCandidateSchema = z.object({
  id: z.string(),
  /** Seller or buyer name. */
  name: z.string(),
  /** A lead's address; a buyer's e-mail or phone. */
  detail: z.string(),
  status: z.string(),
  ownerId: z.string().nullable(),
  createdAt: z.string(),
  /** What it shares with this record, in words: "same address", "same phone", "same owner name in 45402". */
  reasons: z.array(z.string()),
});
export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>;

/** A record as the merge rule sees it. */
export interface MergeCandidate {
  id: string;
  archivedAt: Date | string | null;
  mergedIntoId: string | null;
}

export type MergeCheck = { ok: true } | { ok: false; code: 'BAD_REQUEST' | 'CONFLICT'; field: 'sourceId'; message: string };

/**
 * May `source` be merged into `survivor`? Not into itself (400), not once it was merged (409,
 * naming where it went: a retried merge is refused, never applied twice), not from or into an
 * archived record (409).
 */
export function checkMerge(noun: 'lead' | 'buyer', survivor: MergeCandidate, source: MergeCandidate): MergeCheck {
  if (survivor.id === source.id) return { ok: false, code: 'BAD_REQUEST', field: 'sourceId', message: `A ${noun} cannot be merged into itself` };
  if (source.mergedIntoId) return { ok: false, code: 'CONFLICT', field: 'sourceId', message: `The ${noun} ${source.id} was already merged into ${source.mergedIntoId}` };
  if (survivor.mergedIntoId) return { ok: false, code: 'CONFLICT', field: 'sourceId', message: `This ${noun} was merged into ${survivor.mergedIntoId}: merge into that one` };
  if (source.archivedAt) return { ok: false, code: 'CONFLICT', field: 'sourceId', message: `The ${noun} ${source.id} is archived: unarchive it first` };
  if (survivor.archivedAt) return { ok: false, code: 'CONFLICT', field: 'sourceId', message: `This ${noun} is archived: unarchive it first` };
  return { ok: true };
}

const isEmpty = (value: unknown): boolean => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/**
 * The survivor's empty fields (null, blank or an empty list) given the source's value, among
 * `fields`; what the survivor already holds is never overwritten.
 */
export function fillEmptyFields<T extends Record<string, unknown>, K extends keyof T & string>(survivor: T, source: T, fields: readonly K[]): Partial<Pick<T, K>> {
  const filled: Partial<Pick<T, K>> = {};
  for (const field of fields) {
    if (isEmpty(survivor[field]) && !isEmpty(source[field])) filled[field] = source[field];
  }
  return filled;
}

/**
 * `fill` without the bounds whose filling would cross the other bound of their pair (a min price
 * above the max price): what the survivor holds wins, so the filled bound is dropped (both, when the
 * survivor had neither and the source's own pair is crossed). A pair the survivor holds crossed
 * already is left as it is.
 */
export function dropCrossedBounds<T extends Partial<Record<K, number | null>>, K extends string>(
  survivor: T,
  fill: Partial<T>,
  pairs: ReadonlyArray<{ low: K; high: K }>,
): Partial<T> {
  const kept: Partial<T> = { ...fill };
  for (const { low, high } of pairs) {
    if (!(low in fill) && !(high in fill)) continue;
    if (!isCrossed(low in fill ? fill[low] : survivor[low], high in fill ? fill[high] : survivor[high])) continue;
    delete kept[low];
    delete kept[high];
  }
  return kept;
}

/** Both records' tags, the survivor's first, each once (compared without case). */
export function mergeTags(survivor: readonly string[], source: readonly string[]): string[] {
  return distinctTags([...survivor, ...source]);
}
