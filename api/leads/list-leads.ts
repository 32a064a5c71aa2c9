import type { DealMathSettings } from '../../domain/deals/deal-math';
import type { ListLeadsQuery } from '../../domain/leads/lead.schema';
import type { Db } from '../../db/client';
import { readLeadPage } from '../../db/queries/lead-list';
import { knownCursor } from '../paginate';
import { pricedLeadJson } from './priced-lead-json';

/** One page of leads, each with its MAO under `dealMath`, with the list filters, sort and `fields=` projection; `{items, nextCursor}`. */
export async function listLeads(db: Db, query: ListLeadsQuery, dealMath: DealMathSettings) {
  const page = knownCursor(await readLeadPage(db, query));
  return { items: page.rows.map((row) => pricedLeadJson(row, dealMath, query.fields)), nextCursor: page.nextCursor };
}
