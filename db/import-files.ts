import fs from 'node:fs';
import path from 'node:path';
import { parse, type Info } from 'csv-parse';
import { cleanText } from '../domain/imports/clean-values';
import { columnNames } from '../domain/imports/column-names';

/**
 * One data row of an import file: its row as a spreadsheet shows the file (the header is row 1, a blank
 * line is a row, a quoted line break is not) and its values by column.
 */
export interface ImportRow {
  rowNumber: number;
  values: Record<string, string>;
}

const isBlank = (values: Record<string, string>): boolean => Object.values(values).every((value) => cleanText(value) === '');

/**
 * Streams a CSV file's rows with csv-parse: UTF-8 with or without a BOM, quoted commas and
 * newlines, short rows padded; rows with nothing in them are skipped (they are not rows of the list).
 */
export async function* readImportRows(file: string): AsyncGenerator<ImportRow | { headers: string[] }> {
  let headers: string[] | null = null;
  const parser = fs.createReadStream(file).pipe(
    parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true }),
  );
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: Info }>) {
    if (!headers) {
      headers = columnNames(record);
      yield { headers };
      continue;
    }
    const values: Record<string, string> = {};
    headers.forEach((header, index) => {
      values[header] = record[index] ?? '';
    });
    if (isBlank(values)) continue;
    yield { rowNumber: info.records + info.empty_lines, values };
  }
  if (!headers) yield { headers: [] };
}

/** The header row and the first `count` rows (for the preview). */
export async function readImportHead(file: string, count: number): Promise<{ headers: string[]; rows: ImportRow[] }> {
  let headers: string[] = [];
  const rows: ImportRow[] = [];
  for await (const item of readImportRows(file)) {
    if ('headers' in item) headers = item.headers;
    else rows.push(item);
    if (rows.length >= count) break;
  }
  return { headers, rows };
}

export const batchFile = (importFile: string, batch: number): string => path.join(`${importFile}.batches`, `${String(batch).padStart(6, '0')}.json`);

/**
 * Splits an import file into batch files of `batchSize` rows (`<file>.batches/000000.json` …), read
 * once from the stored file; writing them again gives the same files, so a retried split is harmless.
 */
export async function splitImportFile(file: string, batchSize: number, onRows?: (rows: number) => void): Promise<{ total: number; batchCount: number }> {
  fs.mkdirSync(`${file}.batches`, { recursive: true });
  let batch: ImportRow[] = [];
  let batchCount = 0;
  let total = 0;
  const flush = async (): Promise<void> => {
    await fs.promises.writeFile(batchFile(file, batchCount), JSON.stringify(batch));
    batchCount += 1;
    batch = [];
    onRows?.(total);
  };
  for await (const item of readImportRows(file)) {
    if ('headers' in item) continue;
    batch.push(item);
    total += 1;
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  return { total, batchCount };
}

export const readBatchFile = async (file: string, batch: number): Promise<ImportRow[]> => JSON.parse(await fs.promises.readFile(batchFile(file, batch), 'utf8')) as ImportRow[];

export const removeBatchFiles = (file: string): Promise<void> => fs.promises.rm(`${file}.batches`, { recursive: true, force: true });
