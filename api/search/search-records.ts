import { canDo } from '../../domain/auth/permissions';
import { describeMarkets } from '../../domain/buyers/buyer-market';
import { BUYER_STATUS_LABELS } from '../../domain/labels/buyer-labels';
import { LEAD_STATUS_LABELS } from '../../domain/labels/lead-labels';
import { TASK_STATUS_LABELS } from '../../domain/labels/task-labels';
import { buildMatchExpression } from '../../domain/search/match-expression';
import { apnMatches, markWords, phoneMatches, searchTerms, type SearchTerms } from '../../domain/search/mark-matches';
import type { HighlightPart, SearchItem, SearchQuery, SearchType } from '../../domain/search/search.schema';
import type { PublicUser } from '../../domain/users/user-role';
import type { Db } from '../../db/client';
import { searchBuyers, searchLeads, searchTasks, type SearchOptions } from '../../db/queries/search-records';

/** A field of a record found; `whole`: whether it matched, for a phone or an APN, marked whole when it did. */
type Field = { field: string; text: string | null; whole?: (text: string | null, terms: SearchTerms) => boolean };

/**
 * The first field (in the order given) with a match marked: a phone or an APN (indexed also as bare
 * digits) shows as stored, all marked; else the fallback unmarked.
 */
function bestHighlight(fields: Field[], terms: SearchTerms, fallback: string): SearchItem['highlight'] {
  for (const { field, text, whole } of fields) {
    if (whole) {
      if (whole(text, terms)) return { field, parts: [{ text: text ?? '', mark: true }] };
      continue;
    }
    const parts = markWords(text, terms);
    if (parts) return { field, parts };
  }
  return { field: 'title', parts: [{ text: fallback, mark: false }] satisfies HighlightPart[] };
}

const label = (labels: Record<string, string>, value: string) => labels[value] ?? value;
const joined = (...parts: Array<string | null | undefined>) => parts.filter(Boolean).join(' · ');

async function searchType(db: Db, type: SearchType, query: SearchQuery): Promise<SearchItem[]> {
  const match = buildMatchExpression(query.q, type === 'task' ? {} : { phoneColumn: 'phone' });
  if (!match) return [];
  const terms = searchTerms(query.q, type !== 'task');
  const options: SearchOptions = { match, limit: query.limit, includeArchived: query.includeArchived };
  if (type === 'lead') {
    return (await searchLeads(db, options)).map((row) => ({
      type,
      id: row.id,
      title: row.sellerName,
      subtitle: joined(`${row.street}, ${row.city}, ${row.state} ${row.zip}`, row.sellerPhone, label(LEAD_STATUS_LABELS, row.status)),
      highlight: bestHighlight(
        [
          { field: 'name', text: row.sellerName },
          { field: 'phone', text: row.sellerPhone, whole: phoneMatches },
          { field: 'street', text: row.street },
          { field: 'city', text: row.city },
          { field: 'zip', text: row.zip },
          { field: 'email', text: row.sellerEmail },
          { field: 'apn', text: row.apn, whole: apnMatches },
        ],
        terms,
        row.sellerName,
      ),
    }));
  }
  if (type === 'buyer') {
    return (await searchBuyers(db, options)).map((row) => {
      const markets = JSON.parse(row.markets) as string[];
      return {
        type,
        id: row.id,
        title: row.name,
        subtitle: joined(row.company, describeMarkets(markets), label(BUYER_STATUS_LABELS, row.status)),
        highlight: bestHighlight(
          [
            { field: 'name', text: row.name },
            { field: 'company', text: row.company },
            { field: 'phone', text: row.phone, whole: phoneMatches },
            { field: 'email', text: row.email },
            { field: 'markets', text: markets.join(', ') },
          ],
          terms,
          row.name,
        ),
      };
    });
  }
  return (await searchTasks(db, options)).map((row) => ({
    type,
    id: row.id,
    title: row.title,
    subtitle: joined(label(TASK_STATUS_LABELS, row.status), row.leadName ?? row.buyerName),
    highlight: bestHighlight([{ field: 'title', text: row.title }], terms, row.title),
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
