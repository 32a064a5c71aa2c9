import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributeUpdatePair } from '@temporalio/common';
import { patched, upsertSearchAttributes } from '@temporalio/workflow';

// Custom search attributes, so operators can find workflows by business state:
// `temporal workflow list -q "LeadStatus='NEW' AND Overdue=true"`. The worker registers them on its
// namespace at start (worker/search-attributes.ts); `npm start` also declares them to the dev server.
export const leadStatusAttribute = defineSearchAttributeKey('LeadStatus', SearchAttributeType.KEYWORD);
export const ownerAttribute = defineSearchAttributeKey('Owner', SearchAttributeType.KEYWORD);
export const overdueAttribute = defineSearchAttributeKey('Overdue', SearchAttributeType.BOOL);
export const taskStatusAttribute = defineSearchAttributeKey('TaskStatus', SearchAttributeType.KEYWORD);
export const assigneeAttribute = defineSearchAttributeKey('Assignee', SearchAttributeType.KEYWORD);
export const dueAtAttribute = defineSearchAttributeKey('DueAt', SearchAttributeType.DATETIME);

export const SEARCH_ATTRIBUTE_KEYS = [leadStatusAttribute, ownerAttribute, overdueAttribute, taskStatusAttribute, assigneeAttribute, dueAtAttribute] as const;

/** Patch id: runs since it keep their search attributes up to date; runs recorded before it replay without. */
export const SEARCH_ATTRIBUTES_PATCH = 'search-attributes';

const comparable = (value: unknown): unknown => (value instanceof Date ? value.getTime() : value);

/**
 * Returns `upsert(pairs)`, which upserts the pairs whose value changed since its last call (one
 * command for all of them, none when nothing changed). Call it before the workflow's first await:
 * the patch marker goes into the first workflow task, and a history recorded before the patch
 * never upserts.
 */
export function searchAttributeUpserter(): (pairs: SearchAttributeUpdatePair[]) => void {
  const enabled = patched(SEARCH_ATTRIBUTES_PATCH);
  const sent = new Map<string, unknown>();
  return (pairs) => {
    if (!enabled) return;
    const changed = pairs.filter((pair) => !sent.has(pair.key.name) || sent.get(pair.key.name) !== comparable(pair.value));
    if (changed.length === 0) return;
    for (const pair of changed) sent.set(pair.key.name, comparable(pair.value));
    upsertSearchAttributes(changed);
  };
}
