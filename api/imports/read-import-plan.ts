import { detectProvider, missingRequiredFields, suggestMapping } from '../../domain/imports/detect-provider';
import type { ImportMapping, ImportProvider } from '../../domain/imports/import-fields';
import { fieldColumns, mapImportRow } from '../../domain/imports/map-import-row';
import { readImportHead } from '../../db/import-files';
import { AppError } from '../errors';

const WORDS = { street: 'an address', zip: 'a zip' } as const;

/**
 * What a file will become: its provider, header row, the mapping (the one given, else the
 * suggested one) and the first `sampleSize` rows as they would be imported. 400 naming what is
 * missing when no column is the address or the zip.
 */
export async function readImportPlan(file: string, given: ImportMapping | undefined, sampleSize = 10) {
  const { headers, rows } = await readImportHead(file, sampleSize);
  if (headers.length === 0) throw new AppError('VALIDATION_FAILED', 'The file is empty: a CSV with a header row is needed', { file: 'has no header row' });
  const provider: ImportProvider | null = detectProvider(headers);
  const mapping = given ? Object.fromEntries(headers.map((header) => [header, given[header] ?? null])) : suggestMapping(headers, provider);
  const missing = missingRequiredFields(mapping);
  if (missing.length > 0) {
    const names = missing.map((field) => WORDS[field]).join(' and ');
    throw new AppError('VALIDATION_FAILED', `No column could be mapped to ${names}: send a mapping that names the ${missing.join(' and ')} column${missing.length > 1 ? 's' : ''}`, Object.fromEntries(missing.map((field) => [field, `no column is mapped to ${WORDS[field]}`])));
  }
  const byField = fieldColumns(mapping);
  const sample = rows.map(({ rowNumber, values }) => {
    const mapped = mapImportRow(values, byField);
    return mapped.ok ? { rowNumber, values, lead: mapped.lead, error: null } : { rowNumber, values, lead: null, error: mapped.reason };
  });
  return { provider, headers, mapping, sample };
}
