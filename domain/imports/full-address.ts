import { parseState } from './clean-values';

/** The parts of a one-line address such as `410 W Third St, Dayton, OH 45402-1111`. */
export interface FullAddressParts {
  street: string;
  city: string;
  state: string;
  zip: string;
}

const ZIP_AT_END = /^(.*?)[\s,]*\b(\d{5}(?:-?\d{4})?)$/;

/**
 * Splits a one-line address (a provider's "full address" column) at its commas: the last part is
 * the state and zip (either may be missing), the one before it the city, the rest the street with
 * any unit. Parts it cannot find are empty strings; the row's own checks then name what is missing.
 */
export function splitFullAddress(text: string): FullAddressParts {
  const parts = text.split(',').map((part) => part.trim()).filter(Boolean);
  let zip = '';
  let state = '';
  const last = parts.at(-1);
  if (parts.length > 1 && last !== undefined) {
    const withZip = ZIP_AT_END.exec(last);
    if (withZip) {
      zip = withZip[2] ?? '';
      state = withZip[1]?.trim() ?? '';
      parts.pop();
      // "Dayton, OH, 45402": the state in a part of its own.
      if (!state && parts.length > 2 && /^[A-Za-z .]+$/.test(parts.at(-1) ?? '')) state = parts.pop() ?? '';
    } else if (/^[A-Za-z .]+$/.test(last) && parts.length > 2) {
      state = last;
      parts.pop();
    }
  }
  // "5 Oak Ln, Dayton 45402": what stands before the zip is the city when it is no state.
  if (state && parts.length === 1 && !parseState(state)) return { street: parts[0] ?? '', city: state, state: '', zip };
  const city = parts.length > 1 ? (parts.pop() ?? '') : '';
  return { street: parts.join(', '), city, state, zip };
}
