import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SEARCH_ATTRIBUTE_KEYS } from '../../workflows/shared/search-attributes';

export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';

function goBinDir(): string | undefined {
  try {
    const gopath = execFileSync('go', ['env', 'GOPATH'], { encoding: 'utf8' }).trim();
    return gopath ? path.join(gopath, 'bin') : undefined;
  } catch {
    return undefined;
  }
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** `$TEMPORAL_CLI`, else `temporal` on PATH, else `$(go env GOPATH)/bin/temporal`. */
export function findTemporalCli(): string | undefined {
  const fromEnv = process.env.TEMPORAL_CLI;
  if (fromEnv) return fs.existsSync(fromEnv) ? fromEnv : undefined;
  const fromPath = onPath('temporal');
  if (fromPath) return fromPath;
  const goBin = goBinDir();
  const fromGo = goBin ? path.join(goBin, 'temporal') : undefined;
  return fromGo && fs.existsSync(fromGo) ? fromGo : undefined;
}

/** Finds the Temporal CLI, building it with `go install` when it is missing. */
export function ensureTemporalCli(log: (line: string) => void = console.log): string {
  const found = findTemporalCli();
  if (found) return found;
  if (process.env.TEMPORAL_CLI) throw new Error(`TEMPORAL_CLI=${process.env.TEMPORAL_CLI} does not exist`);
  if (!goBinDir()) {
    throw new Error('The Temporal CLI is missing and Go is not installed to build it. Install Go ≥ 1.25, or set TEMPORAL_CLI to a temporal binary.');
  }
  log(`Temporal CLI not found: building it with "go install ${TEMPORAL_CLI_MODULE}" (several minutes the first time)…`);
  const result = spawnSync('go', ['install', TEMPORAL_CLI_MODULE], { stdio: 'inherit' });
  const built = findTemporalCli();
  if (result.status !== 0 || !built) throw new Error(`go install ${TEMPORAL_CLI_MODULE} failed (exit ${result.status})`);
  return built;
}

const CLI_TYPE_NAMES = { TEXT: 'Text', KEYWORD: 'Keyword', INT: 'Int', DOUBLE: 'Double', BOOL: 'Bool', DATETIME: 'Datetime', KEYWORD_LIST: 'KeywordList' } as const;

/** `temporal server start-dev` arguments declaring the workflows' custom search attributes (`--search-attribute LeadStatus=Keyword` …). */
export function searchAttributeArgs(): string[] {
  return SEARCH_ATTRIBUTE_KEYS.flatMap((key) => ['--search-attribute', `${key.name}=${CLI_TYPE_NAMES[key.type]}`]);
}

/** `temporal server start-dev` as the stack runs it: its SQLite file in WAL mode, the default namespace, the search attributes. */
export function devServerArgs(options: { dbFile: string; port: number; uiPort: number; headless?: boolean }): string[] {
  return [
    'server', 'start-dev',
    '--db-filename', options.dbFile,
    '--port', String(options.port),
    '--ui-port', String(options.uiPort),
    '--namespace', 'default',
    '--log-level', 'error',
    // WAL with synchronous=NORMAL survives any process kill and saves an fsync per commit.
    '--sqlite-pragma', 'journal_mode=wal',
    '--sqlite-pragma', 'synchronous=normal',
    // The workflows' search attributes (LeadStatus, Owner, Overdue, TaskStatus, Assignee, DueAt).
    ...searchAttributeArgs(),
    ...(options.headless ? ['--headless'] : []),
  ];
}
