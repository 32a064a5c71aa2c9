import Papa from 'papaparse';

/**
 * A CSV text of `rows` under `header`. Cells that begin with `=`, `+`, `-`, `@`, a tab or a
 * carriage return are escaped with a leading `'`, so a spreadsheet shows them instead of running them.
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly unknown[]>): string {
  return Papa.unparse({ fields: [...header], data: rows.map((row) => [...row]) }, { escapeFormulae: true });
}
