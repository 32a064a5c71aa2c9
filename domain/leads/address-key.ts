const SUFFIXES: Record<string, string> = {
  street: 'st', str: 'st', st: 'st',
  avenue: 'ave', av: 'ave', ave: 'ave', aven: 'ave', avenu: 'ave',
  road: 'rd', rd: 'rd',
  drive: 'dr', drv: 'dr', dr: 'dr',
  lane: 'ln', ln: 'ln',
  court: 'ct', crt: 'ct', ct: 'ct',
  boulevard: 'blvd', boul: 'blvd', blvd: 'blvd',
  place: 'pl', pl: 'pl',
  terrace: 'ter', terr: 'ter', ter: 'ter',
  circle: 'cir', circ: 'cir', cir: 'cir',
  highway: 'hwy', hwy: 'hwy',
  parkway: 'pkwy', pkway: 'pkwy', pky: 'pkwy', pkwy: 'pkwy',
  square: 'sq', sq: 'sq',
  trail: 'trl', trl: 'trl',
  expressway: 'expy', expy: 'expy',
  freeway: 'fwy', fwy: 'fwy',
  crossing: 'xing', xing: 'xing',
  point: 'pt', pt: 'pt',
  pike: 'pike', turnpike: 'tpke', tpke: 'tpke',
  alley: 'aly', aly: 'aly',
  center: 'ctr', ctr: 'ctr',
  cove: 'cv', cv: 'cv',
  creek: 'crk', crk: 'crk',
  heights: 'hts', hts: 'hts',
  hollow: 'holw', holw: 'holw',
  loop: 'loop',
  manor: 'mnr', mnr: 'mnr',
  meadows: 'mdws', mdws: 'mdws',
  mount: 'mt', mt: 'mt',
  ridge: 'rdg', rdg: 'rdg',
  run: 'run',
  view: 'vw', vw: 'vw',
  village: 'vlg', vlg: 'vlg',
  way: 'way',
};

const DIRECTIONS: Record<string, string> = {
  north: 'n', south: 's', east: 'e', west: 'w',
  northeast: 'ne', northwest: 'nw', southeast: 'se', southwest: 'sw',
  n: 'n', s: 's', e: 'e', w: 'w', ne: 'ne', nw: 'nw', se: 'se', sw: 'sw',
};

/** Words that introduce a unit: all written as `#` before the unit's number. */
const UNIT_WORDS = new Set(['#', 'apt', 'apartment', 'unit', 'ste', 'suite', 'no', 'number', 'rm', 'room', 'lot', 'spc', 'space']);

/** Lower case, accents dropped, punctuation as spaces (`#` kept as a word of its own). */
function foldText(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/#/g, ' # ')
    .replace(/[^a-z0-9# ]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/**
 * The street line folded to one spelling: `123 North Main Street, Apt. 4B` → `123 n main st #4b`.
 * Suffixes and directions are abbreviated wherever they stand (both spellings of an address fold the
 * same way, which is all a key needs); a unit word (`Apt`, `Unit`, `Suite`, `#`, `No.`) followed by
 * a value becomes `#<value>`, so `Apt 4B`, `Unit 4B` and `#4B` agree.
 */
export function normalizeStreet(street: string, unit?: string | null): string {
  const words = foldText(unit ? `${street} # ${unit}` : street);
  const out: string[] = [];
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index]!;
    // The first word is the house number (or a name): only later words are units.
    if (index > 0 && UNIT_WORDS.has(word)) {
      let next = index + 1;
      while (next < words.length && UNIT_WORDS.has(words[next]!)) next += 1;
      const value = words[next];
      if (value !== undefined) {
        out.push(`#${value}`);
        index = next;
        continue;
      }
      // A trailing "Apt" with nothing after it is noise.
      break;
    }
    out.push(DIRECTIONS[word] ?? SUFFIXES[word] ?? word);
  }
  return out.join(' ');
}

/** The first 5 digits of a ZIP (`45402-1234` → `45402`); '' when it has none. */
export function zip5(zip: string | null | undefined): string {
  const digits = (zip ?? '').replace(/\D/g, '');
  return digits.length >= 5 ? digits.slice(0, 5) : digits;
}

export interface AddressParts {
  street: string;
  unit?: string | null;
  zip: string;
}

/**
 * One key per property, for finding the same lead spelled twice: the normalised street line (with its
 * unit) and the 5-digit ZIP, `123 n main st #4b|45402`. The city is left out: the ZIP already names
 * the place and cities are spelled more ways than ZIPs. Not unique in the database: a duplicate may be
 * kept on purpose.
 */
export function addressKey({ street, unit, zip }: AddressParts): string {
  return `${normalizeStreet(street, unit)}|${zip5(zip)}`;
}
