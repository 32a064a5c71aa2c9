import type { Db } from '../../db/client';
import { findLiveLeadsByAddressKey } from '../../db/queries/duplicates';
import { findImportDuplicates, type ImportDuplicate } from '../../domain/imports/duplicate-rows';
import type { ImportedLead } from '../../domain/imports/map-import-row';
import { addressKey } from '../../domain/leads/address-key';

/** The sample rows with `duplicateOf`, by the import's own rule (findImportDuplicates): the preview shows the rows as they will be counted, not only whether they parse. */
export async function markSampleDuplicates<Row extends { rowNumber: number; lead: ImportedLead | null }>(db: Db, sample: Row[]): Promise<Array<Row & { duplicateOf: ImportDuplicate | null }>> {
  const keyed = sample.map(({ rowNumber, lead }) => ({ rowNumber, key: lead ? addressKey(lead) : null }));
  const liveLeads = await findLiveLeadsByAddressKey(db, keyed.flatMap(({ key }) => (key ? [key] : [])));
  const duplicates = findImportDuplicates(keyed, (key) => liveLeads.get(key)?.id);
  return sample.map((row, index) => ({ ...row, duplicateOf: duplicates[index] ?? null }));
}
