import { buildSync } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The worker's young generation, per V8 isolate (MB of each semi-space; V8's own default is 16).
 * Its heaps grew their young generations to the full 3 × 16 MB each while a sustained intake
 * allocated: a smaller one is scavenged more often, each scavenge as short. A 30 s intake on the
 * volume database, side by side: the worker's peak 307–320 → 264 MB, leads/s and backlog the same.
 */
const WORKER_SEMI_SPACE_MB = 4;

/** The long-running Node programs a stack starts, each with what its bundle needs beside it and its own V8 flags. */
const PROGRAMS = {
  api: { entry: 'api/main.ts', assets: ['api/auth/common-passwords.txt'], v8Flags: [] },
  worker: { entry: 'worker/main.ts', assets: [], v8Flags: [`--max-semi-space-size=${WORKER_SEMI_SPACE_MB}`] },
} as const;

export type NodeProgram = keyof typeof PROGRAMS;

/**
 * Each program's heap limit (MB, per V8 isolate: the worker's workflow thread has its own). After a
 * full collection the API holds about 45 MB at volume under 20 connections and the worker about
 * 50 MB (its workflow thread 30 MB) during an import, but V8 let the old space grow to ~180 MB
 * between collections: the API reached 350–430 MB and the worker 470–610 MB. 160 MB leaves three
 * times the live set free.
 */
export const HEAP_LIMIT_MB = 160;

/**
 * The environment a program runs with: glibc's malloc keeps up to 8 arenas per core for the
 * threads that allocate (the worker's Rust core, libuv's pool), memory it rarely gives back; two
 * took 45 MB off the worker's peak during an import, at the same import speed.
 */
export const NODE_PROGRAM_ENV = { MALLOC_ARENA_MAX: '2' } as const;

/**
 * Bundles a program's TypeScript into one CommonJS file under `dist/node/<name>/` (esbuild, about
 * 0.2 s), its packages left to node_modules: running it costs 40–60 MB less than `node --import
 * tsx`, which keeps every transformed module and its source map in memory. Written to a temporary
 * name and renamed, so stacks starting at the same time never read a half-written bundle.
 */
export function buildNodeProgram(rootDir: string, name: NodeProgram): string {
  const program = PROGRAMS[name];
  const outDir = path.join(rootDir, 'dist', 'node', name);
  fs.mkdirSync(outDir, { recursive: true });
  const outfile = path.join(outDir, 'main.cjs');
  const result = buildSync({
    absWorkingDir: rootDir,
    entryPoints: [program.entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    outfile,
    write: false,
    logLevel: 'silent',
  });
  for (const asset of program.assets) writeWhole(path.join(outDir, path.basename(asset)), fs.readFileSync(path.join(rootDir, asset)));
  // The map before the bundle: a bundle renamed into place always finds its own map beside it.
  for (const file of [...result.outputFiles].sort((a, b) => Number(b.path.endsWith('.map')) - Number(a.path.endsWith('.map')))) {
    writeWhole(file.path, file.contents);
  }
  return outfile;
}

/** Writes under a temporary name and renames: a program starting meanwhile reads the old file or the new one, never half of one. */
function writeWhole(file: string, contents: Uint8Array): void {
  const temporary = `${file}.${process.pid}-${Date.now()}`;
  fs.writeFileSync(temporary, contents);
  fs.renameSync(temporary, file);
}

/** The program whose entry file this is (`api/main.ts` → `api`). */
export function programOfEntry(entry: string): NodeProgram {
  const found = (Object.keys(PROGRAMS) as NodeProgram[]).find((name) => PROGRAMS[name].entry === entry);
  if (!found) throw new Error(`No program starts at ${entry}; known: ${Object.values(PROGRAMS).map((program) => program.entry).join(', ')}`);
  return found;
}

/**
 * How many API processes `npm start` and the bench run (API_PROCESSES when set): one per core
 * beyond the two the Temporal server and the worker keep busy under load, at most 4, at least 1.
 * On this 2-core machine a second API process answered 1.5 times the requests under 20
 * connections, but no p95 got better (the processes, autocannon, Temporal and the worker took
 * the CPU from each other) and a 20,000-row import beside the lead list took 101 s instead of 71.
 */
export function apiProcessCount(source: Record<string, string | undefined> = process.env): string {
  return source.API_PROCESSES || String(Math.min(4, Math.max(1, os.availableParallelism() - 2)));
}

/** `node`'s arguments for a bundled program: the heap limits, and stack traces read through the source map to the TypeScript lines. */
export function nodeProgramArgs(name: NodeProgram, bundle: string): string[] {
  return ['--enable-source-maps', `--max-old-space-size=${HEAP_LIMIT_MB}`, ...PROGRAMS[name].v8Flags, bundle];
}
