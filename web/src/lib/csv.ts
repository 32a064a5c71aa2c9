import Papa from 'papaparse';

/**
 * A CSV text of `rows` under `header`. Cells that begin with `=`, `+`, `-`, `@`, a tab or a
 * carriage return are escaped with a leading `'`, so a spreadsheet shows them instead of running them.
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly unknown[]>): string {
  return Papa.unparse({ fields: [...header], data: rows.map((row) => [...row]) }, { escapeFormulae: true });
}

/** A column of a table download: the row's key, its header, and how its text cells read on screen. */
export interface CsvColumn<Row> {
  key: keyof Row & string;
  label: string;
  format?: (value: Row[keyof Row]) => string;
}

/**
 * A table as CSV: text cells go through the column's `format` (OFFER_MADE → "Offer made", as on
 * screen); numbers stay numbers, so a spreadsheet can add them up.
 */
export function tableToCsv<Row extends object>(rows: readonly Row[], columns: ReadonlyArray<CsvColumn<Row>>): string {
  return toCsv(
    columns.map((column) => column.label),
    rows.map((row) => columns.map((column) => (typeof row[column.key] === 'string' && column.format ? column.format(row[column.key]) : row[column.key]))),
  );
}
