import { US_STATE_CODES } from '../places/us-states';

const ZIP = /^\d{5}$/;
const ZIP_PLUS_4 = /^(\d{5})-\d{4}$/;
const CITY = /^[A-Za-z][A-Za-z .'-]*$/;

/**
 * Why a buyer's market is not one, in words; undefined when it is fine. A market is a 5-digit ZIP
 * code or a city with its state code ("Dayton, OH"): a bare "Dayton" is refused, since there are
 * Daytons in several states. A ZIP+4 is refused too, pointing at its 5-digit ZIP: a market is an
 * area, and a ZIP+4 (one side of a street) would match almost no lead; reading it as its ZIP would
 * silently save something other than what was typed.
 */
export function marketProblem(market: string): string | undefined {
  const typed = market.trim();
  const plus4 = ZIP_PLUS_4.exec(typed);
  if (plus4) return `"${typed}" is a ZIP+4: enter the 5-digit ZIP code ${plus4[1]}`;
  if (/^\d/.test(typed)) return ZIP.test(typed) ? undefined : `"${typed}" is not a 5-digit ZIP code`;
  const [city = '', state, ...rest] = typed.split(',').map((part) => part.trim());
  if (rest.length > 0 || !CITY.test(city)) return `"${typed}" is not a ZIP code or a city like "Dayton, OH"`;
  if (state === undefined) return `"${typed}" needs its state, like "${city}, OH"`;
  if (!(US_STATE_CODES as readonly string[]).includes(state.toUpperCase())) return `"${typed}" does not end in a US state code like OH`;
  return undefined;
}

/**
 * What a markets box holds, as markets: "Dayton, OH, 45402, Kettering" is Dayton, OH; 45402;
 * Kettering: a part that is a state code belongs to the city before it.
 */
export function splitMarkets(text: string): string[] {
  const markets: string[] = [];
  for (const part of text.split(',').map((piece) => piece.trim()).filter(Boolean)) {
    const previous = markets.at(-1);
    const isState = /^[A-Za-z]{2}$/.test(part) && (US_STATE_CODES as readonly string[]).includes(part.toUpperCase());
    if (isState && previous !== undefined && CITY.test(previous)) markets[markets.length - 1] = `${previous}, ${part.toUpperCase()}`;
    else markets.push(part);
  }
  return markets;
}

/**
 * Markets as read on a page: "Dayton, OH · 45402", since a city's own comma makes commas between
 * markets ambiguous; a city keeps its state on its line (a no-break space after the comma).
 */
export function describeMarkets(markets: readonly string[]): string {
  return markets.map((market) => market.replace(/,\s*/, ',\u00a0')).join(' · ');
}
