const DELIMITERS = [',', ';', '\t', '|'] as const;

/** How a CSV separates its cells, read from its first line, and whether that line only said so. */
export interface CsvLayout {
  delimiter: string;
  /** The first line is Excel's `sep=;` hint, not the header row. */
  hintLine: boolean;
}

/**
 * The separator of a list, from its first line: Excel's `sep=X` hint when it has one, else the one
 * of `, ; tab |` found most often outside quotes (a comma when none is): semicolons are what Excel
 * writes where the decimal mark is a comma, tabs what "Text (Tab delimited)" and copy-paste give.
 */
export function detectCsvLayout(firstLine: string): CsvLayout {
  const hint = /^"?sep=(.)"?$/i.exec(firstLine.replace(/^\uFEFF/, '').trim());
  if (hint) return { delimiter: hint[1]!, hintLine: true };
  const counts = new Map<string, number>();
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (DELIMITERS as readonly string[]).includes(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let delimiter: string = ',';
  for (const candidate of DELIMITERS) if ((counts.get(candidate) ?? 0) > (counts.get(delimiter) ?? 0)) delimiter = candidate;
  return { delimiter, hintLine: false };
}
