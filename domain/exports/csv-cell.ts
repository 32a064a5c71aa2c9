/** The characters that make a spreadsheet read a cell as a formula (or hide one after a control character). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text value as a CSV cell a spreadsheet will show, never run: a value beginning with `=`, `+`,
 * `-`, `@`, a tab or a carriage return gets a leading `'` (OWASP's advice for CSV injection).
 */
export function escapeCsvCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One column of an export: its header as people read it, and the cell of a row. */
export interface CsvColumn<Row> {
  header: string;
  cell: (row: Row) => string | number | boolean | null | undefined;
}

/** A row as the cells of `columns`: text escaped, numbers as they are, nothing as an empty cell. */
export function toCsvCells<Row>(columns: ReadonlyArray<CsvColumn<Row>>, row: Row): string[] {
  return columns.map(({ cell }) => {
    const value = cell(row);
    if (value === null || value === undefined) return '';
    if (typeof value === 'number') return String(value);
    if (typeof value === 'boolean') return value ? 'Yes' : 'No';
    return escapeCsvCell(value);
  });
}
