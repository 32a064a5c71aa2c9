/**
 * `npm run fuzz`: schemathesis fuzzes every route of the OpenAPI document against a fresh
 * stack, signed in as the demo admin, and fails on any 5xx. Installs schemathesis (PyPI) when
 * missing. FUZZ_EXAMPLES sets the examples per operation (default 60).
 */
import { spawnSync } from 'node:child_process';
import { z } from 'zod';
import { parseEnv } from '../domain/config/env-fields';
import { DEMO_PASSWORD } from '../prisma/seed';
import { startTempStack } from './lib/temp-stack';

const env = parseEnv(z.object({ FUZZ_EXAMPLES: z.coerce.number().int().min(1).max(10_000).default(60) }), process.env);

function ensureSchemathesis(): void {
  if (spawnSync('st', ['--version']).status === 0) return;
  console.log('Installing schemathesis from PyPI…');
  const result = spawnSync('python3', ['-m', 'pip', 'install', '-q', 'schemathesis'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('pip install schemathesis failed');
}

async function main(): Promise<number> {
  ensureSchemathesis();
  const stack = await startTempStack('fuzz');
  try {
    const login = await fetch(`${stack.appUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@flipstackk.test', password: DEMO_PASSWORD }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    // The SSE stream never ends and logout would end the session the fuzzer uses.
    const result = spawnSync(
      'st',
      ['run', `${stack.appUrl}/api/openapi.json`, '-H', `Cookie: ${cookie}`, '--checks', 'not_a_server_error', '--max-examples', String(env.FUZZ_EXAMPLES),
        '--exclude-path', '/api/events', '--exclude-path', '/api/auth/logout'],
      { stdio: 'inherit' },
    );
    return result.status ?? 1;
  } finally {
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
