import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

/** The class names a stylesheet's selectors name. */
const classesOf = (css: string): Set<string> => new Set([...css.matchAll(/\.([a-zA-Z][\w-]*)/g)].map((match) => match[1]!));

const ROOT = path.resolve(__dirname, '../..');

/** The web app built as `npm start` serves it, with its manifest and source maps, into a directory of its own. */
function buildWeb(): { dir: string; manifest: Record<string, ManifestChunk> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'first-bundle-'));
  const built = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--outDir', dir, '--manifest', '--sourcemap'], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`vite build failed:\n${built.stdout}\n${built.stderr}`);
  return { dir, manifest: JSON.parse(fs.readFileSync(path.join(dir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk> };
}

/** The chunks a first page load runs before any page asks for more: the entry and what it imports statically. */
function firstLoadChunks(manifest: Record<string, ManifestChunk>): string[] {
  const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
  const seen = new Set<string>();
  const visit = (key: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key]!.imports ?? []) visit(imported);
  };
  visit(entry!);
  return [...seen];
}

/** The source modules bundled into `file`, from its source map, relative to the project. */
function modulesOf(dir: string, file: string): string[] {
  const mapFile = path.join(dir, `${file}.map`);
  if (!fs.existsSync(mapFile)) return [];
  const { sources } = JSON.parse(fs.readFileSync(mapFile, 'utf8')) as { sources: string[] };
  return sources.map((source) => path.relative(ROOT, path.resolve(path.dirname(mapFile), source)));
}

describe("the web app's first bundle", () => {
  let build: { dir: string; manifest: Record<string, ManifestChunk> };
  beforeAll(() => {
    build = buildWeb();
  }, 120_000);
  afterAll(() => fs.rmSync(build.dir, { recursive: true, force: true }));

  it('holds the shell and the pages opened all day, but no schema, form library, palette, chart or calendar code', () => {
    const modules = firstLoadChunks(build.manifest).flatMap((key) => modulesOf(build.dir, build.manifest[key]!.file));
    expect(modules).toEqual(expect.arrayContaining(['web/src/main.tsx', 'web/src/features/layout/app-shell.tsx', 'web/src/features/dashboard/dashboard-page.tsx', 'web/src/features/leads/leads-page.tsx', 'web/src/features/leads/lead-detail-page.tsx', 'web/src/features/tasks/tasks-page.tsx', 'web/src/features/buyers/buyer-detail-page.tsx']));
    // zod's configuration (core.js and util.js, lib/zod-config.ts) runs first; its schemas come with the forms.
    const libraries = modules.filter((module) => /node_modules\/(zod\/v4\/(classic|locales)|react-hook-form|@hookform|cmdk|recharts|react-big-calendar)\//.test(module));
    const buildingSchemas = modules.filter((module) => !module.includes('node_modules') && /from 'zod'/.test(fs.readFileSync(path.join(ROOT, module), 'utf8')));
    const heavy = [...libraries, ...buildingSchemas];
    expect(heavy).toEqual([]);
  });

  it('fetches the forms, the palette and the pages with their own schemas when they are opened', () => {
    // Manifest keys of code loaded on demand are its source modules, relative to web/ (Vite's root).
    const first = firstLoadChunks(build.manifest);
    const onDemand = Object.keys(build.manifest).filter((key) => !first.includes(key));
    expect(onDemand).toEqual(
      expect.arrayContaining([
        'src/features/leads/create-lead-form.tsx',
        'src/features/leads/lead-edit-form.tsx',
        'src/features/offers/create-offer-form.tsx',
        'src/features/buyers/buyer-form.tsx',
        'src/features/search/command-palette.tsx',
        'src/features/auth/login-page.tsx',
        'src/features/settings/settings-page.tsx',
        'src/features/analytics/analytics-page.tsx',
      ]),
    );
  });

  it('writes each file of the first load (of 1 KB or more) also brotli- and gzip-compressed beside it, smaller and the same once decompressed', () => {
    const files = ['index.html', ...firstLoadChunks(build.manifest).flatMap((key) => [build.manifest[key]!.file, ...(build.manifest[key]!.css ?? [])])];
    const compressible = files.filter((file) => fs.statSync(path.join(build.dir, file)).size >= 1024);
    expect(compressible.length).toBeGreaterThanOrEqual(4);
    for (const file of compressible) {
      const original = fs.readFileSync(path.join(build.dir, file));
      const brotli = fs.readFileSync(path.join(build.dir, `${file}.br`));
      const gzip = fs.readFileSync(path.join(build.dir, `${file}.gz`));
      expect(brotli.length).toBeLessThan(original.length);
      expect(gzip.length).toBeLessThan(original.length);
      expect(zlib.brotliDecompressSync(brotli).equals(original)).toBe(true);
      expect(zlib.gunzipSync(gzip).equals(original)).toBe(true);
    }
  });

  it("styles what the first bundle draws with the first load's stylesheets, not with the CSS of code loaded later", () => {
    const first = firstLoadChunks(build.manifest);
    const read = (file: string): string => fs.readFileSync(path.join(build.dir, file), 'utf8');
    const firstCss = new Set(first.flatMap((key) => build.manifest[key]!.css ?? []));
    const laterCss = new Set(Object.values(build.manifest).flatMap((chunk) => (chunk.css ?? []).filter((file) => !firstCss.has(file))));
    const styledFirst = new Set([...firstCss].flatMap((file) => [...classesOf(read(file))]));
    const firstSources = first
      .flatMap((key) => modulesOf(build.dir, build.manifest[key]!.file))
      .filter((module) => module.startsWith('web/src/'))
      .map((module) => fs.readFileSync(path.join(ROOT, module), 'utf8'))
      .join('\n');
    // A class styled only by CSS that arrives later, written in a className of the first bundle's code.
    const unstyled = [...laterCss].flatMap((file) => [...classesOf(read(file))].filter((name) => !styledFirst.has(name) && new RegExp(`[\\s"'\`]${name}[\\s"'\`]`).test(firstSources)).map((name) => `${name} (${file})`));
    expect(unstyled).toEqual([]);
  });
});
