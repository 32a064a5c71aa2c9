import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { parse, type Info } from 'csv-parse';
import { cleanText } from '../domain/imports/clean-values';
import { columnNames } from '../domain/imports/column-names';
import { detectCsvLayout } from '../domain/imports/detect-delimiter';

/**
 * One data row of an import file: its row as a spreadsheet shows the file (the header is row 1, a blank
 * line is a row, a quoted line break is not) and its values by column.
 */
export interface ImportRow {
  rowNumber: number;
  values: Record<string, string>;
}

const isBlank = (values: Record<string, string>): boolean => Object.values(values).every((value) => cleanText(value) === '');

/** How an import file's text is encoded, as `TextDecoder` names it. */
export type ImportFileEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * UTF-16 when its byte order mark says so; UTF-8 when every byte of the file is valid UTF-8 (a BOM
 * or not); otherwise Windows-1252, what Excel's "CSV (Comma delimited)" writes on Windows (Latin-1
 * is its subset): read as UTF-8, its accented letters would become U+FFFD for good.
 */
export async function importFileEncoding(file: string): Promise<ImportFileEncoding> {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  try {
    for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
      if (first && chunk[0] === 0xff && chunk[1] === 0xfe) return 'utf-16le';
      if (first && chunk[0] === 0xfe && chunk[1] === 0xff) return 'utf-16be';
      first = false;
      utf8.decode(chunk, { stream: true });
    }
    utf8.decode();
    return 'utf-8';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') return 'windows-1252';
    throw error;
  }
}

/** Bytes in `encoding` → the same text in UTF-8 (the decoder keeps a character split between chunks, and drops a BOM). */
function toUtf8(encoding: ImportFileEncoding): Transform {
  const decoder = new TextDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, decoder.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, decoder.decode());
    },
  });
}

/** The file's first line (of its first 64 KB), as text. */
async function readFirstLine(file: string, encoding: ImportFileEncoding): Promise<string> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64 * 1024), 0, 64 * 1024, 0);
    return new TextDecoder(encoding).decode(buffer.subarray(0, bytesRead)).split(/\r\n|\n|\r/, 1)[0] ?? '';
  } finally {
    await handle.close();
  }
}

/**
 * Streams a CSV file's rows with csv-parse: UTF-8 with or without a BOM, UTF-16 with its BOM,
 * Windows-1252 (importFileEncoding); cells separated by commas, semicolons, tabs or bars (detectCsvLayout); quoted commas and newlines; CRLF, LF and CR line ends, mixed
 * in one file (a Windows export with rows appended on a Mac or Linux); short rows padded; rows
 * with nothing in them are skipped (they are not rows of the list).
 */
export async function* readImportRows(file: string): AsyncGenerator<ImportRow | { headers: string[] }> {
  const encoding = await importFileEncoding(file);
  const { delimiter, hintLine } = detectCsvLayout(await readFirstLine(file, encoding));
  const bytes = fs.createReadStream(file);
  const parser = (encoding === 'utf-8' ? bytes : bytes.pipe(toUtf8(encoding))).pipe(
    parse({ bom: true, delimiter, from_line: hintLine ? 2 : 1, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true, record_delimiter: ['\r\n', '\n', '\r'] }),
  );
  let headers: string[] | null = null;
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
