import { dollars } from '../labels/dollars';

/** A buy box's bound fields that come in pairs, low then high. */
export type BoundField = 'minPrice' | 'maxPrice';
export type BoundPair = { low: BoundField; high: BoundField; lowWords: string; highWords: string };

/** The buy box's paired bounds: a low bound above its high one matches nothing, and the buyer schemas refuse it. */
export const BUY_BOX_BOUNDS: readonly BoundPair[] = [{ low: 'minPrice', high: 'maxPrice', lowWords: 'min price', highWords: 'max price' }];

type Box = Partial<Record<BoundField, number | null | undefined>>;

/** Both bounds set, and the low one above the high one. */
export const isCrossed = (low: number | null | undefined, high: number | null | undefined): boolean =>
  low !== null && low !== undefined && high !== null && high !== undefined && low > high;

/**
 * What is wrong when `change` is applied to the saved `box`: for each pair it crosses, the bound
 * the change sets (the high one when it sets both) and why. A pair crossed already in `box` that
 * the change leaves alone is no fault of the change, and is not named.
 */
export function boundProblems(box: Box, change: Box): Partial<Record<BoundField, string>> {
  const problems: Partial<Record<BoundField, string>> = {};
  const after = (field: BoundField) => (change[field] === undefined ? box[field] : change[field]);
  for (const { low, high, lowWords, highWords } of BUY_BOX_BOUNDS) {
    if (!isCrossed(after(low), after(high))) continue;
    if (change[high] !== undefined) problems[high] = `must not be below the ${lowWords}`;
    else if (change[low] !== undefined) problems[low] = `must not be above the ${highWords}`;
  }
  return problems;
}

/**
 * The pairs a saved box holds crossed, in words ("the min price $200,000 is above the max price
 * $100,000"): such a box matches no lead. The schemas refuse one, but a merge made before its
 * bounds were checked could save it; the buyer's page says so until someone fixes it.
 */
export function crossedBoundsInWords(box: Box): string[] {
  return BUY_BOX_BOUNDS.filter(({ low, high }) => isCrossed(box[low], box[high])).map(
    ({ low, high, lowWords, highWords }) => `the ${lowWords} ${dollars(box[low]!)} is above the ${highWords} ${dollars(box[high]!)}`,
  );
}
