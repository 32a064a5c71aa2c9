import fs from 'node:fs';
import path from 'node:path';

export const importFixture = (name: string): string => path.join(__dirname, '..', 'fixtures', 'imports', name);

/** A PropStream-style file of `rows` owners in Dayton, every `badEvery`th row with a bad zip. */
export function writeGeneratedList(file: string, rows: number, { badEvery = 0, street = 'Generated Way' }: { badEvery?: number; street?: string } = {}): string {
  const lines = ['Address,City,State,Zip,Owner 1 First Name,Owner 1 Last Name,Est. Value,Est. Equity,Marketing Lists'];
  for (let index = 1; index <= rows; index += 1) {
    const zip = badEvery && index % badEvery === 0 ? 'BAD' : '45402';
    lines.push(`${index} ${street},Dayton,OH,${zip},Owner,Number ${index},"$${100_000 + index}",$50000,Generated`);
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** Sends a CSV (and fields) as multipart/form-data, as the page does. */
export async function postCsv(url: string, cookie: string, file: string, fields: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const form = new FormData();
  form.set('file', new Blob([fs.readFileSync(file)], { type: 'text/csv' }), path.basename(file));
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  const response = await fetch(url, { method: 'POST', body: form, headers: { cookie, 'x-flipstackk-client': 'test' } });
  const text = await response.text();
  return { status: response.status, body: text && (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text };
}
