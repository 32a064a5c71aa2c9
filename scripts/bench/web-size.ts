import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** Gzipped bytes of the JavaScript the first page load fetches: index.html's module script and its modulepreloads (lazy pages excluded). */
export function initialWebJsGzipBytes(webDist: string): number {
  const html = fs.readFileSync(path.join(webDist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((match) => match[1]!);
  return files.reduce((sum, file) => sum + zlib.gzipSync(fs.readFileSync(path.join(webDist, file.replace(/^\//, '')))).length, 0);
}
