import type { Scope } from '../../domain/analytics/dashboard.schema';
import { Prisma } from '../../prisma/generated/client';

/**
 * The people whose work a scope covers; "team" is the supervised roles (agents and acquisitions).
 * Only "me" reads who asks: analytics shares one kept answer for the team's and for everyone's
 * numbers between managers on that (analyticsAnswerKey, api/reports/get-analytics.ts).
 */
export function peopleIn(column: Prisma.Sql, scope: Scope, userId: string): Prisma.Sql {
  if (scope === 'me') return Prisma.sql`${column} = ${userId}`;
  if (scope === 'team') return Prisma.sql`${column} IN (SELECT id FROM "User" WHERE role IN ('AGENT', 'ACQUISITIONS'))`;
  return Prisma.sql`1 = 1`;
}
