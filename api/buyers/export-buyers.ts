import type { Response } from 'express';
import type { ListBuyersQuery } from '../../domain/buyers/buyer.schema';
import { BUYER_EXPORT_COLUMNS } from '../../domain/exports/export-columns';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { readBuyerPage } from '../../db/queries/buyer-list';
import { readUserNames } from '../../db/queries/user-names';
import { toBuyerJson } from '../../db/rows';
import { EXPORT_PAGE_SIZE, everyRow, exportFileName, streamCsv } from '../exports/stream-csv';

/** The buyer list as CSV: its filters and sort, every page. An agent's export holds only buyers they own. */
export async function exportBuyers(db: Db, query: ListBuyersQuery, user: PublicUser, res: Response): Promise<void> {
  const scoped = { ...query, ...(user.role === 'AGENT' ? { ownerId: user.id } : {}), limit: EXPORT_PAGE_SIZE, cursor: undefined };
  const people = await readUserNames(db);
  const rows = everyRow(
    (cursor) => readBuyerPage(db, { ...scoped, cursor }),
    (buyers) => buyers.map((buyer) => ({ ...toBuyerJson(buyer), people })),
  );
  await streamCsv(res, exportFileName('buyers', new Date()), BUYER_EXPORT_COLUMNS, rows);
}
