import { randomUUID } from 'node:crypto';
import { addressKey } from '../../domain/leads/address-key';
import type { ImportedLead } from '../../domain/imports/map-import-row';
import { IMPORT_BATCH_SIZE, type ImportItem } from '../../domain/imports/import-fields';
import type { Db, Prisma } from '../client';
import type { Import as ImportRow, Lead as LeadRow } from '../../prisma/generated/client';
import { scoreLead } from '../../domain/leads/lead-score';
import { rowsNotImported } from '../../domain/imports/rows-not-imported';
import { findImportDuplicates } from '../../domain/imports/duplicate-rows';
import { dialectOf } from '../queries/dialect';
import { findLiveLeadsByAddressKey } from '../queries/duplicates';
import { loadContactMs, saveLeadScore } from './lead-score';
import { insertRows } from './insert-rows';
import { recordEvent } from './record-event';
import { toLeadJson } from '../rows';
import { distinctTags } from '../../domain/leads/distinct-tags';

/** An import row as the API and the events show it. */
export function toImportJson(row: ImportRow): ImportItem {
  return {
    id: row.id,
    status: row.status as ImportItem['status'],
    provider: row.provider as ImportItem['provider'],
    fileName: row.fileName,
    total: row.total,
    processed: row.processed,
    created: row.created,
    duplicates: row.duplicates,
    errors: row.errors,
    notImported: rowsNotImported({ status: row.status as ImportItem['status'], total: row.total, processed: row.processed }),
    onDuplicate: row.onDuplicate as ImportItem['onDuplicate'],
    ownerId: row.ownerId,
    createdById: row.createdById,
    tags: JSON.parse(row.tags) as string[],
    cancelRequested: row.cancelRequestedAt !== null,
    failure: row.failure,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** The `import.progress` event of an import as it now stands: to its importer, and supervisors and admins (canSeeEvent). */
export const recordImportProgress = (tx: Prisma.TransactionClient, row: ImportRow) =>
  recordEvent(tx, { entityType: 'import', entityId: row.id, action: 'progress', entity: toImportJson(row), actorId: row.createdById, audienceUserId: row.createdById });

/**
 * An `import.progress` tick: the counts as they stand, for an import still going (QUEUED or
 * RUNNING, read in the transaction, so no tick follows its final event). Whether one was written.
 *
 * On PostgreSQL the row is locked before it is read: a batch updates it before it records its
 * own progress, so a tick and a batch then take turns, and a tick never carries counts older
 * than a batch event it is streamed after (SQLite's one writer at a time gives the same order).
 */
export function recordImportTick(db: Db, importId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    if (dialectOf(tx) === 'postgres') await tx.$queryRaw`SELECT "id" FROM "Import" WHERE "id" = ${importId} FOR UPDATE`;
    const row = await tx.import.findUnique({ where: { id: importId } });
    if (!row || (row.status !== 'QUEUED' && row.status !== 'RUNNING')) return false;
    await recordImportProgress(tx, row);
    return true;
  });
}

export type BatchRow = { rowNumber: number; values: Record<string, string> } & ({ ok: true; lead: ImportedLead } | { ok: false; reason: string });

export type BatchResult = { written: boolean; created: number; duplicates: number; errors: number };

/** The fields an `update` import may fill on an existing lead: only those still empty there. */
const FILLABLE = ['sellerPhone', 'sellerEmail', 'zipPlus4', 'county', 'apn', 'mailingAddress', 'beds', 'baths', 'sqft', 'yearBuilt', 'arv', 'askingPrice', 'estimatedEquity', 'ltv'] as const;

/** How the row report names what a duplicate filled. */
const FILLED_LABELS: Record<(typeof FILLABLE)[number] | 'phones' | 'tags', string> = {
  sellerPhone: 'phone', sellerEmail: 'e-mail', zipPlus4: 'ZIP+4', county: 'county', apn: 'APN', mailingAddress: 'mailing address', beds: 'beds', baths: 'baths',
  sqft: 'sq ft', yearBuilt: 'year built', arv: 'ARV', askingPrice: 'asking price', estimatedEquity: 'estimated equity', ltv: 'LTV', phones: 'phones', tags: 'tags',
};

function fillEmpty(existing: LeadRow, lead: ImportedLead): Prisma.LeadUpdateInput | null {
  const data: Record<string, unknown> = {};
  for (const field of FILLABLE) {
    if ((existing[field] === null || existing[field] === '') && lead[field] !== null) data[field] = lead[field];
  }
  if (!existing.phones && lead.phones.length) data.phones = JSON.stringify(lead.phones);
  const tags = distinctTags(JSON.parse(existing.tags) as string[]);
  const merged = distinctTags([...tags, ...lead.tags]);
  if (merged.length > tags.length) data.tags = JSON.stringify(merged);
  return Object.keys(data).length ? (data as Prisma.LeadUpdateInput) : null;
}

/** A new lead of this batch with the empty fields, phones and tags a later duplicate row of the file has. */
function fillEmptyImported(lead: ImportedLead, later: ImportedLead): ImportedLead {
  const filled: ImportedLead = { ...lead, tags: distinctTags([...lead.tags, ...later.tags]), phones: [...lead.phones] };
  for (const field of FILLABLE) {
    if (filled[field] === null || filled[field] === '') Object.assign(filled, { [field]: later[field] });
  }
  for (const phone of later.phones) if (!filled.phones.some(({ number }) => number === phone.number)) filled.phones.push(phone);
  return filled;
}

/**
 * Writes rows `offset`… of batch `batch` of an import in one transaction: their new leads, the
 * fills of duplicates (onDuplicate update), their bad rows, the counts and the cursor (the batch,
 * and `processed`: the rows written so far, so a batch is written in several transactions when
 * `last` is false), and one `import.progress` event. Runs only when the cursor stands exactly
 * there, so a retried or replayed write writes nothing twice.
 * Duplicates are found by findImportDuplicates: a row whose address key matches a lead not
 * archived (imported earlier, by an earlier batch of this file, or typed in) or an earlier row of
 * this batch.
 */
export async function writeImportBatch(db: Db, importId: string, at: { batch: number; offset: number; last: boolean }, rows: BatchRow[]): Promise<BatchResult> {
  const { batch, offset, last } = at;
  const processedBefore = batch * IMPORT_BATCH_SIZE + offset;
  return db.$transaction(async (tx) => {
    const current = await tx.import.findUniqueOrThrow({ where: { id: importId } });
    if (current.nextBatch !== batch || current.processed !== processedBefore) return { written: false, created: 0, duplicates: 0, errors: 0 };
    const tags = JSON.parse(current.tags) as string[];
    const keyed = rows.map((row) => (row.ok ? { row, key: addressKey(row.lead) } : { row, key: null }));
    const existing = await findLiveLeadsByAddressKey(tx, keyed.flatMap(({ key }) => (key ? [key] : [])));
    const duplicateOf = findImportDuplicates(keyed.map(({ row, key }) => ({ rowNumber: row.rowNumber, key })), (key) => existing.get(key)?.id);
    const created: Prisma.LeadCreateManyInput[] = [];
    const errors: Prisma.ImportErrorCreateManyInput[] = [];
    // Duplicates are listed in the row report beside the errors (which lead or row each repeats, and what became of it), and counted apart.
    const skippedRows: Prisma.ImportErrorCreateManyInput[] = [];
    let duplicates = 0;
    const now = new Date();
    const contactMs = await loadContactMs(tx);
    // The batch's new leads by address key, in file order; an `update` import's later duplicate row fills what its first row left empty.
    const fresh = new Map<string, ImportedLead>();
    for (const [index, { row, key }] of keyed.entries()) {
      if (!row.ok || !key) {
        errors.push({ importId, rowNumber: row.rowNumber, values: JSON.stringify(row.values), reason: row.ok ? 'missing address' : row.reason });
        continue;
      }
      const lead = { ...row.lead, tags: distinctTags([...tags, ...row.lead.tags]) };
      const duplicate = duplicateOf[index];
      if (!duplicate) {
        fresh.set(key, lead);
        continue;
      }
      duplicates += 1;
      const match = existing.get(key);
      const skipped = (outcome: string): void => {
        const of = match ? `the lead at ${match.street}, ${match.city} (${match.id})` : `row ${duplicate.rowNumber}`;
        skippedRows.push({ importId, rowNumber: row.rowNumber, values: JSON.stringify(row.values), reason: `duplicate of ${of}: ${outcome}` });
      };
      if (current.onDuplicate !== 'update') {
        skipped('skipped');
        continue;
      }
      const earlierRow = fresh.get(key);
      if (!duplicate.leadId && earlierRow) {
        fresh.set(key, fillEmptyImported(earlierRow, lead));
        skipped('merged into it');
        continue;
      }
      // The lead as this batch last left it: an earlier row may have filled some of its fields.
      const fill = match && fillEmpty(match, lead);
      if (match && fill) {
        const filled = await saveLeadScore(tx, await tx.lead.update({ where: { id: match.id }, data: fill }), now, contactMs);
        // Its history and every open page see what the list filled in, as with an edit by hand.
        await recordEvent(tx, { entityType: 'lead', entityId: filled.id, action: 'updated', entity: toLeadJson(filled), actorId: current.createdById });
        existing.set(key, filled);
        skipped(`filled its empty ${Object.keys(fill).map((field) => FILLED_LABELS[field as keyof typeof FILLED_LABELS]).join(', ')}`);
      } else skipped('nothing to fill');
    }
    for (const [key, { phones, tags: leadTags, ...fields }] of fresh) {
      // Scored as it is written, like every lead write (the call queue orders by it).
      const { score, parts } = scoreLead({ motivation: null, arv: fields.arv, askingPrice: fields.askingPrice, estimatedEquity: fields.estimatedEquity, ltv: fields.ltv, source: 'LIST_IMPORT', tags: leadTags, status: 'NEW', createdAt: now, contactedAt: null }, now, contactMs);
      created.push({
        ...fields,
        id: `imp${randomUUID().replace(/-/g, '').slice(0, 22)}`,
        phones: phones.length ? JSON.stringify(phones) : null,
        tags: JSON.stringify(leadTags),
        addressKey: key,
        score,
        scoreParts: JSON.stringify(parts),
        scoredAt: now,
        source: 'LIST_IMPORT',
        ownerId: current.ownerId,
        importId,
        createdAt: now,
        updatedAt: now,
      });
    }
    await insertRows(tx, 'Lead', created);
    await insertRows(tx, 'ImportError', [...errors, ...skippedRows].sort((a, b) => a.rowNumber - b.rowNumber));
    const claimed = await tx.import.updateMany({
      where: { id: importId, nextBatch: batch, processed: processedBefore },
      data: {
        nextBatch: last ? batch + 1 : batch,
        status: 'RUNNING',
        processed: { increment: rows.length },
        created: { increment: created.length },
        duplicates: { increment: duplicates },
        errors: { increment: errors.length },
      },
    });
    if (claimed.count !== 1) throw new Error(`import ${importId}: batch ${batch} at row ${offset} was written meanwhile`);
    await recordImportProgress(tx, await tx.import.findUniqueOrThrow({ where: { id: importId } }));
    return { written: true, created: created.length, duplicates, errors: errors.length };
  });
}

/** Leads of an import whose workflow has not started, a page at a time (by the importId index). */
export const listUnstartedImportedLeads = (db: Db, importId: string, limit: number) =>
  db.lead.findMany({ where: { importId, workflowStartedAt: null, archivedAt: null }, select: { id: true, status: true, ownerId: true }, take: limit });
