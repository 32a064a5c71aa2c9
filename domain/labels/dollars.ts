/** "$125,000": an amount inside a sentence. */
export const dollars = (amount: number): string => `$${amount.toLocaleString('en-US')}`;
