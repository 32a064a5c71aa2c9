import { cleanText } from './clean-values';

/** Column names as the import reads them: BOM and stray spaces dropped; a repeated name gets ` (2)`, ` (3)`. */
export function columnNames(header: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((raw) => {
    const name = cleanText(raw) || 'Column';
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}

/**
 * The header row of a CSV text (its first record: quoted commas, doubled quotes and quoted line
 * breaks read as CSV does), named as the import names its columns. For a page that must offer
 * the columns when the server could not map an address or a zip.
 */
export function readHeaderRow(text: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (char === ',') {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (fields.length > 0 || field.trim() !== '') break;
    } else field += char;
  }
  fields.push(field);
  const names = columnNames(fields);
  return names.length === 1 && names[0] === 'Column' ? [] : names;
}
