import type { Db } from '../../db/client';
import { findLeadsWithAddressKeys } from '../../db/queries/duplicates';
import { findImportDuplicates, type ImportDuplicate } from '../../domain/imports/duplicate-rows';
import type { ImportedLead } from '../../domain/imports/map-import-row';
import { addressKey } from '../../domain/leads/address-key';

/** The sample rows with `duplicateOf`, by the import's own rule (findImportDuplicates): the preview shows the rows as they will be counted, not only whether they parse. */
export async function markSampleDuplicates<Row extends { rowNumber: number; lead: ImportedLead | null }>(db: Db, sample: Row[]): Promise<Array<Row & { duplicateOf: ImportDuplicate | null }>> {
  const keyed = sample.map(({ rowNumber, lead }) => ({ rowNumber, key: lead ? addressKey(lead) : null }));
  const liveLeadIds = new Map<string, string>();
  for (const lead of await findLeadsWithAddressKeys(db, [...new Set(keyed.flatMap(({ key }) => (key ? [key] : [])))])) {
    if (lead.addressKey && !liveLeadIds.has(lead.addressKey)) liveLeadIds.set(lead.addressKey, lead.id);
  }
  const duplicates = findImportDuplicates(keyed, (key) => liveLeadIds.get(key));
  return sample.map((row, index) => ({ ...row, duplicateOf: duplicates[index] ?? null }));
}
