import type { Scope } from '../../domain/analytics/dashboard.schema';
import { isManagerRole, type PublicUser } from '../../domain/users/user-role';
import { AppError } from '../errors';
import { serverMidnight } from '../server-midnight';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const DEFAULT_RANGE_DAYS = 30;

/** Whose work a report covers: agents their own only; supervisors and admins everyone's unless they ask for less. */
export function reportScope(asked: Scope | undefined, user: PublicUser): Scope {
  const manager = isManagerRole(user.role);
  const scope = asked ?? (manager ? 'everyone' : 'me');
  if (scope !== 'me' && !manager) {
    throw new AppError('FORBIDDEN', `Only supervisors and admins can see the ${scope === 'team' ? "team's" : "everyone's"} numbers`);
  }
  return scope;
}

const floorToMinute = (date: Date): Date => new Date(Math.floor(date.getTime() / MINUTE_MS) * MINUTE_MS);
const ceilToMinute = (date: Date): Date => new Date(Math.ceil(date.getTime() / MINUTE_MS) * MINUTE_MS);

/**
 * The `from, to, dayStart` of a report, with their defaults. The range is widened to whole
 * minutes, so requests a moment apart ask the same question.
 */
export function reportRange(query: { from?: string; to?: string; dayStart?: string }, now = new Date()) {
  const to = ceilToMinute(query.to ? new Date(query.to) : now);
  const from = floorToMinute(query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_RANGE_DAYS * DAY_MS));
  return { from, to, dayStart: query.dayStart ? new Date(query.dayStart) : serverMidnight(now), now };
}
