/** Real wholesaling metros (city, state, a ZIP of the metro) so buy boxes and leads meet as they would. */
export const METROS: ReadonlyArray<readonly [city: string, state: string, zip: string]> = [
  ['Dayton', 'OH', '45402'], ['Columbus', 'OH', '43215'], ['Cleveland', 'OH', '44113'], ['Cincinnati', 'OH', '45202'], ['Toledo', 'OH', '43604'],
  ['Akron', 'OH', '44308'], ['Indianapolis', 'IN', '46204'], ['Detroit', 'MI', '48226'], ['Memphis', 'TN', '38103'], ['Nashville', 'TN', '37203'],
  ['Birmingham', 'AL', '35203'], ['Atlanta', 'GA', '30303'], ['Jacksonville', 'FL', '32202'], ['Tampa', 'FL', '33602'], ['Orlando', 'FL', '32801'],
  ['Houston', 'TX', '77002'], ['Dallas', 'TX', '75201'], ['San Antonio', 'TX', '78205'], ['Kansas City', 'MO', '64106'], ['St. Louis', 'MO', '63101'],
  ['Milwaukee', 'WI', '53202'], ['Pittsburgh', 'PA', '15222'], ['Philadelphia', 'PA', '19107'], ['Baltimore', 'MD', '21201'], ['Charlotte', 'NC', '28202'],
  ['Raleigh', 'NC', '27601'], ['Louisville', 'KY', '40202'], ['Oklahoma City', 'OK', '73102'], ['Phoenix', 'AZ', '85004'], ['Las Vegas', 'NV', '89101'],
];
