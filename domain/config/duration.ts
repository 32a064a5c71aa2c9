import { z } from 'zod';

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
type Unit = keyof typeof UNIT_MS;

/**
 * Parses a deadline setting such as `1h`, `3d`, `90m`, `5s` or `250ms` into milliseconds.
 * Written here rather than taken from a library because settings must reject anything but
 * this one shape (a library like `ms` also accepts "1.5 hours" and returns undefined).
 */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+)(ms|s|m|h|d)$/.exec(text.trim());
  if (!match) return undefined;
  const amount = Number(match[1]);
  const ms = amount * UNIT_MS[match[2] as Unit];
  return ms > 0 ? ms : undefined;
}

export const durationSchema = z.string().transform((text, ctx) => {
  const ms = parseDuration(text);
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: 'must be a duration like 1h, 3d, 30m or 5s' });
    return z.NEVER;
  }
  return ms;
});
