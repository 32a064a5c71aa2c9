import type { Response } from 'express';
import { withMao, type DealMathSettings } from '../../domain/deals/deal-math';
import { LEAD_EXPORT_COLUMNS } from '../../domain/exports/export-columns';
import type { ListLeadsQuery } from '../../domain/leads/lead.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { readLeadPage } from '../../db/queries/lead-list';
import { readUserNames } from '../../db/queries/user-names';
import { toLeadJson } from '../../db/rows';
import { EXPORT_PAGE_SIZE, everyRow, exportFileName, streamCsv } from '../exports/stream-csv';

/**
 * The lead list as CSV: the list's filters and sort, every page of it. An agent's export holds
 * only the leads they own, whatever the filters say (a whole-team list does not leave with them).
 */
export async function exportLeads(db: Db, query: ListLeadsQuery, user: PublicUser, dealMath: DealMathSettings, res: Response): Promise<void> {
  const scoped: ListLeadsQuery = { ...query, ...(user.role === 'AGENT' ? { ownerId: user.id } : {}), limit: EXPORT_PAGE_SIZE, cursor: undefined };
  const people = await readUserNames(db);
  const rows = everyRow(
    (cursor) => readLeadPage(db, { ...scoped, cursor }),
    (leads) => leads.map((lead) => ({ ...withMao(toLeadJson(lead), dealMath), people })),
  );
  await streamCsv(res, exportFileName('leads', new Date()), LEAD_EXPORT_COLUMNS, rows);
}
