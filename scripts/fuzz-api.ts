/**
 * `npm run fuzz`: schemathesis fuzzes every route of the OpenAPI document against a fresh stack,
 * once signed in as the demo admin and once as the demo agent. It fails on any 5xx, and on any
 * answer that does not match the document (status, content type, body schema), on invalid input
 * that is accepted, and on a method the route does not have that is not refused.
 * Installs schemathesis (PyPI) when missing. FUZZ_EXAMPLES sets the examples per operation
 * (default 60; `.ci/run` uses fewer); FUZZ_SEED repeats a run.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { CLIENT_HEADER } from '../domain/auth/client-header';
import { parseEnv } from '../domain/config/env-fields';
import { logInAsDemoUser } from './lib/log-in';
import { startTempStack } from './lib/temp-stack';

const SCHEMATHESIS = 'schemathesis==4.32.5';

const env = parseEnv(
  z.object({
    FUZZ_EXAMPLES: z.coerce.number().int().min(1).max(10_000).default(60),
    FUZZ_SEED: z.coerce.number().int().min(0).optional(),
  }),
  process.env,
);

/** Checks of schemathesis's `all` that cannot hold for this API, and why. */
const CHECKS_THAT_CANNOT_APPLY: Record<string, string> = {
  // A schema-valid request may still name a record that does not exist (404), ask for a move its
  // state forbids (409) or name records that cannot be used (422): JSON Schema cannot say so.
  positive_data_acceptance: 'valid by the schema is not valid by the database',
};

/** The answers that count as refusing a request the schema forbids. */
const NEGATIVE_DATA_REJECTED_WITH = ['400', '401', '403', '404', '405', '406', '409', '413', '415', '422', '428', '429', '5xx'];

// The agent first: the admin's run may deactivate other users or change their passwords.
const SIGNED_IN_AS = ['agent@flipstackk.test', 'admin@flipstackk.test'];

function ensureSchemathesis(): void {
  if (spawnSync('st', ['--version']).status === 0) return;
  console.log(`Installing ${SCHEMATHESIS} from PyPI…`);
  const result = spawnSync('python3', ['-m', 'pip', 'install', '-q', SCHEMATHESIS], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('pip install schemathesis failed');
}

/** The session token (the value of the `flipstackk_session` cookie) of a demo user. */
async function logIn(appUrl: string, email: string): Promise<string> {
  return (await logInAsDemoUser(appUrl, email, 'fuzz')).split('=')[1]!;
}

/**
 * A schemathesis config that signs in through the document's `session` security scheme, so its
 * auth checks can take the cookie away (and expect a 401), plus the client header (CSRF).
 */
function writeConfig(dir: string, token: string): string {
  const file = path.join(dir, `schemathesis-${token.slice(0, 8)}.toml`);
  fs.writeFileSync(
    file,
    [
      `headers = { "${CLIENT_HEADER}" = "fuzz" }`,
      '',
      '[auth.openapi.session]',
      `api_key = "${token}"`,
      '',
      // schemathesis's own list, with 413: a body over the API's size limit (a 100 KB note breaks its
      // maxLength too) is refused before it is read, as Content Too Large.
      '[checks.negative_data_rejection]',
      `expected-statuses = [${NEGATIVE_DATA_REJECTED_WITH.map((status) => `"${status}"`).join(', ')}]`,
      '',
    ].join('\n'),
  );
  return file;
}

/** Runs a command with this process's stdio and resolves with its exit code, the event loop free meanwhile. */
function runToEnd(command: string, args: string[]): Promise<number | null> {
  return new Promise((resolve, reject) => {
    spawn(command, args, { stdio: 'inherit' }).on('error', reject).on('close', (code) => resolve(code));
  });
}

async function main(): Promise<number> {
  ensureSchemathesis();
  // The API's own log (each 500 with its stack), shown when the run fails.
  const apiLog: string[] = [];
  const stack = await startTempStack('fuzz', {
    log: (line) => {
      if (line.startsWith('[api]')) apiLog.push(line);
      if (apiLog.length > 1000) apiLog.shift();
    },
  });
  const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipstackk-fuzz-config-'));
  let failed = 0;
  try {
    // Both sign in first: the fuzzed logins and password changes soon lock this address out (429).
    const configs: Array<[string, string]> = [];
    for (const email of SIGNED_IN_AS) configs.push([email, writeConfig(configDir, await logIn(stack.appUrl, email))]);
    for (const [email, config] of configs) {
      console.log(`\n== schemathesis as ${email}, ${env.FUZZ_EXAMPLES} examples per operation`);
      // The SSE stream never ends; logout, and revoking a session (the fuzzer finds its own in
      // GET /api/me/sessions), would end the session the fuzzer uses.
      // Spawned, not spawnSync: this process must keep reading the stack's output meanwhile, or the
      // API's synchronous log writes block on a full pipe and it stops answering (as it did).
      const status = await runToEnd(
        'st',
        [
          '--config-file', config,
          'run', `${stack.appUrl}/api/openapi.json`,
          '--checks', 'all',
          '--exclude-checks', Object.keys(CHECKS_THAT_CANNOT_APPLY).join(','),
          '--max-examples', String(env.FUZZ_EXAMPLES),
          ...(env.FUZZ_SEED === undefined ? [] : ['--seed', String(env.FUZZ_SEED)]),
          '--exclude-path', '/api/events',
          '--exclude-path', '/api/auth/logout',
          '--exclude-path', '/api/me/sessions/{id}',
          '--no-color',
        ],
      );
      if (status !== 0) failed += 1;
    }
    return failed === 0 ? 0 : 1;
  } catch (error) {
    failed += 1;
    throw error;
  } finally {
    if (failed > 0) console.error(`\nThe API's log (last 200 lines):\n${apiLog.slice(-200).join('\n')}`);
    fs.rmSync(configDir, { recursive: true, force: true });
    await stack.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
