import type { DealMathSettings } from '../../domain/deals/deal-math';
import type { ListLeadsQuery } from '../../domain/leads/lead.schema';
import type { Db } from '../../db/client';
import { readLeadPage } from '../../db/queries/lead-list';
import { knownCursor } from '../paginate';
import { pricedLeadColumns, pricedLeadJson } from './priced-lead-json';

/** One page of leads, each with its MAO under `dealMath`, with the list filters, sort and `fields=` projection (only its columns read); `{items, nextCursor}`. */
export async function listLeads(db: Db, query: ListLeadsQuery, dealMath: DealMathSettings) {
  const { fields } = query;
  if (!fields) {
    const page = knownCursor(await readLeadPage(db, query));
    return { items: page.rows.map((row) => pricedLeadJson(row, dealMath)), nextCursor: page.nextCursor };
  }
  // A lean page reads only the columns of its fields.
  const page = knownCursor(await readLeadPage(db, query, pricedLeadColumns(fields)));
  return { items: page.rows.map((row) => pricedLeadJson(row, dealMath, fields)), nextCursor: page.nextCursor };
}
