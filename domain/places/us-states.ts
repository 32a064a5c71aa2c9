/** The US states, DC and the territories: each name (as people write it) → its two-letter code. */
const US_STATES: Readonly<Record<string, string>> = {
  Alabama: 'AL', Alaska: 'AK', Arizona: 'AZ', Arkansas: 'AR', California: 'CA', Colorado: 'CO', Connecticut: 'CT', Delaware: 'DE',
  'District of Columbia': 'DC', Florida: 'FL', Georgia: 'GA', Hawaii: 'HI', Idaho: 'ID', Illinois: 'IL', Indiana: 'IN', Iowa: 'IA',
  Kansas: 'KS', Kentucky: 'KY', Louisiana: 'LA', Maine: 'ME', Maryland: 'MD', Massachusetts: 'MA', Michigan: 'MI', Minnesota: 'MN',
  Mississippi: 'MS', Missouri: 'MO', Montana: 'MT', Nebraska: 'NE', Nevada: 'NV', 'New Hampshire': 'NH', 'New Jersey': 'NJ',
  'New Mexico': 'NM', 'New York': 'NY', 'North Carolina': 'NC', 'North Dakota': 'ND', Ohio: 'OH', Oklahoma: 'OK', Oregon: 'OR',
  Pennsylvania: 'PA', 'Rhode Island': 'RI', 'South Carolina': 'SC', 'South Dakota': 'SD', Tennessee: 'TN', Texas: 'TX', Utah: 'UT',
  Vermont: 'VT', Virginia: 'VA', Washington: 'WA', 'West Virginia': 'WV', Wisconsin: 'WI', Wyoming: 'WY',
  'Puerto Rico': 'PR', Guam: 'GU', 'U.S. Virgin Islands': 'VI', 'American Samoa': 'AS', 'Northern Mariana Islands': 'MP',
};

/** The two-letter codes of the US states, DC and the territories. */
export const US_STATE_CODES = Object.values(US_STATES);

const foldName = (name: string): string => name.toLowerCase().replace(/[^a-z]+/g, ' ').trim();
const CODE_BY_NAME = new Map([
  ...Object.entries(US_STATES).map(([name, code]) => [foldName(name), code] as const),
  ['washington dc', 'DC'], ['virgin islands', 'VI'], ['us virgin islands', 'VI'],
]);
const CODES = new Set(US_STATE_CODES);

/** `OH`, `oh`, `O.H.`, `Ohio`, `new york` → the state's code; null when it names no US state or territory. */
export function usStateCode(text: string): string | null {
  const letters = text.replace(/[.\s]/g, '').toUpperCase();
  if (CODES.has(letters)) return letters;
  return CODE_BY_NAME.get(foldName(text)) ?? null;
}
