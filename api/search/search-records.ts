import { canDo } from '../../domain/auth/permissions';
import { describeMarkets } from '../../domain/buyers/buyer-market';
import { BUYER_STATUS_LABELS } from '../../domain/labels/buyer-labels';
import { LEAD_STATUS_LABELS } from '../../domain/labels/lead-labels';
import { TASK_STATUS_LABELS } from '../../domain/labels/task-labels';
import { buildMatchExpression, splitHighlight } from '../../domain/search/match-expression';
import type { HighlightPart, SearchItem, SearchQuery, SearchType } from '../../domain/search/search.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { searchBuyers, searchLeads, searchTasks, type SearchOptions } from '../../db/queries/search-records';

type Row = Record<string, unknown>;

/**
 * The first column (in the order given) whose highlight marks a match; a phone or an APN (indexed
 * also as bare digits) shows as stored, all marked (`whole`).
 */
function bestHighlight(row: Row, columns: string[], whole: Partial<Record<'phone' | 'apn', string | null>> = {}, fallback = ''): SearchItem['highlight'] {
  for (const column of columns) {
    const parts = splitHighlight(String(row[`hl_${column}`] ?? ''));
    if (!parts) continue;
    if (column === 'phone' || column === 'apn') return { field: column, parts: [{ text: whole[column] ?? '', mark: true }] };
    // The index writes a buyer's markets with ", " after every comma, so "Dayton, OH" reads "Dayton,  OH" there.
    if (column === 'markets') return { field: column, parts: parts.map((part) => ({ ...part, text: part.text.replace(/, {2,}/g, ', ') })) };
    return { field: column, parts };
  }
  return { field: 'title', parts: [{ text: fallback, mark: false }] satisfies HighlightPart[] };
}

const label = (labels: Record<string, string>, value: string) => labels[value] ?? value;
const joined = (...parts: Array<string | null | undefined>) => parts.filter(Boolean).join(' · ');

async function searchType(db: Db, type: SearchType, query: SearchQuery): Promise<SearchItem[]> {
  const match = buildMatchExpression(query.q, type === 'task' ? {} : { phoneColumn: 'phone' });
  if (!match) return [];
  const options: SearchOptions = { match, limit: query.limit, includeArchived: query.includeArchived };
  if (type === 'lead') {
    return (await searchLeads(db, options)).map((row) => ({
      type,
      id: row.id,
      title: row.sellerName,
      subtitle: joined(`${row.street}, ${row.city}, ${row.state} ${row.zip}`, row.sellerPhone, label(LEAD_STATUS_LABELS, row.status)),
      highlight: bestHighlight(row, ['name', 'phone', 'street', 'city', 'zip', 'email', 'apn'], { phone: row.sellerPhone, apn: row.apn }, row.sellerName),
    }));
  }
  if (type === 'buyer') {
    return (await searchBuyers(db, options)).map((row) => ({
      type,
      id: row.id,
      title: row.name,
      subtitle: joined(row.company, describeMarkets(JSON.parse(row.markets) as string[]), label(BUYER_STATUS_LABELS, row.status)),
      highlight: bestHighlight(row, ['name', 'company', 'phone', 'email', 'markets'], { phone: row.phone }, row.name),
    }));
  }
  return (await searchTasks(db, options)).map((row) => ({
    type,
    id: row.id,
    title: row.title,
    subtitle: joined(label(TASK_STATUS_LABELS, row.status), row.leadName ?? row.buyerName),
    highlight: bestHighlight(row, ['title'], {}, row.title),
  }));
}

/**
 * Leads, buyers and tasks matching what was typed, grouped by type (leads, buyers, tasks) and best
 * first in each; only the types the permission matrix lets the user read.
 */
export async function searchRecords(db: Db, user: PublicUser, query: SearchQuery): Promise<{ items: SearchItem[] }> {
  const readable = query.types.filter((type) => canDo(user, 'read', type === 'task' ? { type, assigneeId: null, createdById: null } : { type, ownerId: null }));
  const groups = [];
  for (const type of ['lead', 'buyer', 'task'] as const) {
    if (readable.includes(type)) groups.push(await searchType(db, type, query));
  }
  return { items: groups.flat() };
}
