import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import { stringify } from 'csv-stringify';
import { toCsvCells, type CsvColumn } from '../../domain/exports/csv-cell';
import type { KeysetPage } from '../../db/queries/keyset-page';

/** Rows a list exports at a time: one keyset page each, so memory holds a page, never the list. */
export const EXPORT_PAGE_SIZE = 500;

/**
 * Every row of a keyset-paged list, page by page: `readPage(cursor)` is asked for the next page
 * only once the previous one has been written out (the generator is pulled by the stream).
 */
export async function* everyRow<Row extends { id: string }, Item>(
  readPage: (cursor: string | undefined) => Promise<KeysetPage<Row> | null>,
  toItems: (rows: Row[]) => Promise<Item[]> | Item[],
): AsyncGenerator<Item> {
  let cursor: string | undefined;
  for (;;) {
    const page = await readPage(cursor);
    if (!page) return;
    for (const item of await toItems(page.rows)) yield item;
    if (page.nextCursor === null) return;
    cursor = page.nextCursor;
  }
}

/** `name-2026-12-01.csv` */
export const exportFileName = (name: string, now: Date): string => `${name}-${now.toISOString().slice(0, 10)}.csv`;

/**
 * Streams `rows` to the response as CSV with `columns`' headers: the pipeline waits for the
 * client to take each chunk (backpressure), so a 100k-row export never sits in memory. A failure
 * after the first bytes can only cut the download short: it is logged and the socket closed.
 */
export async function streamCsv<Row>(res: Response, fileName: string, columns: ReadonlyArray<CsvColumn<Row>>, rows: AsyncIterable<Row>): Promise<void> {
  res.status(200);
  res.setHeader('content-type', 'text/csv; charset=utf-8');
  res.setHeader('content-disposition', `attachment; filename="${fileName}"`);
  async function* records() {
    for await (const row of rows) yield toCsvCells(columns, row);
  }
  // A byte-order mark so Excel reads the file as UTF-8 (accents in names and streets).
  res.write('\uFEFF');
  try {
    await pipeline(Readable.from(records()), stringify({ header: true, columns: columns.map((column) => column.header), record_delimiter: 'windows' }), res);
  } catch (error) {
    if (!res.destroyed) res.destroy(error as Error);
    if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') console.error('CSV export failed:', error);
  }
}
