import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { startAppWithoutTemporal, type OfflineApp } from '../support/offline-app';

jest.setTimeout(180_000);

// A built app as `npm run build:web` writes it: hashed assets with their .br and .gz, a page, an icon with neither.
const script = `export const greeting = ${JSON.stringify('hello '.repeat(500))};\n`;
const page = '<!doctype html><html><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>';
const icon = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);
let webDist: string;
let app: OfflineApp;

beforeAll(async () => {
  webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'web-dist-'));
  fs.mkdirSync(path.join(webDist, 'assets'));
  fs.mkdirSync(path.join(webDist, 'icons'));
  fs.writeFileSync(path.join(webDist, 'assets/index-Ab12Cd34.js'), script);
  fs.writeFileSync(path.join(webDist, 'assets/index-Ab12Cd34.js.br'), zlib.brotliCompressSync(script));
  fs.writeFileSync(path.join(webDist, 'assets/index-Ab12Cd34.js.gz'), zlib.gzipSync(script));
  fs.writeFileSync(path.join(webDist, 'index.html'), page);
  fs.writeFileSync(path.join(webDist, 'icons/icon.png'), icon);
  app = await startAppWithoutTemporal({ app: { webDist } });
});
afterAll(async () => {
  await app?.close();
  fs.rmSync(webDist, { recursive: true, force: true });
});

/** A GET with the raw bytes of the answer, not decoded (fetch would undo the compression). */
function get(route: string, acceptEncoding?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${app.url}${route}`, { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on('error', reject);
  });
}

describe('the built web app, as the API serves it', () => {
  it('sends a script brotli-compressed to a browser that takes brotli, with its own type, for good', async () => {
    const answer = await get('/assets/index-Ab12Cd34.js', 'gzip, deflate, br, zstd');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toMatch(/^text\/javascript; charset=utf-8$/i);
    expect(answer.headers.vary).toContain('Accept-Encoding');
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(zlib.brotliDecompressSync(answer.body).toString()).toBe(script);
    expect(answer.body.length).toBeLessThan(Buffer.byteLength(script));
  });

  it('sends it gzip-compressed to a browser that takes only gzip, and as it is to one that takes neither', async () => {
    const gzip = await get('/assets/index-Ab12Cd34.js', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.body).toString()).toBe(script);

    for (const acceptEncoding of [undefined, 'identity']) {
      const plain = await get('/assets/index-Ab12Cd34.js', acceptEncoding);
      expect(plain.status).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers['content-type']).toMatch(/^text\/javascript; charset=utf-8$/i);
      expect(plain.body.toString()).toBe(script);
    }
  });

  it('sends a file built without compressed copies as it is, kept an hour as before', async () => {
    const answer = await get('/icons/icon.png', 'br, gzip');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.headers['content-type']).toBe('image/png');
    expect(answer.headers['cache-control']).toBe('public, max-age=3600');
    expect(answer.body.equals(icon)).toBe(true);
  });

  it("sends the page for any of the app's paths, never kept for good, and a missing asset is not answered with it", async () => {
    for (const route of ['/', '/leads', '/leads/some-lead-id']) {
      const answer = await get(route, 'br, gzip');
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toMatch(/^text\/html/);
      expect(answer.headers['cache-control']).not.toContain('immutable');
      expect(answer.body.toString()).toBe(page);
    }
    // An old tab asking for a chunk a newer build replaced gets a 404, not the page as its script.
    const missing = await get('/assets/index-Old00000.js', 'br, gzip');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/json/);
  });
});
