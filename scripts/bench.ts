/**
 * `npm run bench`: latency of "lead POST → its task.created event received over SSE".
 * Starts its own stack in a temp folder, or measures a running one given BENCH_URL
 * (logging in as the demo agent). Prints p50/p95/max beside the target.
 */
import os from 'node:os';
import { EventSource } from 'eventsource';
import { z } from 'zod';
import { parseEnv } from '../domain/config/env-fields';
import { DEMO_PASSWORD } from '../prisma/seed';
import type { Stack } from './lib/stack';
import { startTempStack } from './lib/temp-stack';

const env = parseEnv(
  z.object({
    BENCH_URL: z.url().optional(),
    BENCH_LEADS: z.coerce.number().int().min(1).max(10_000).default(200),
  }),
  process.env,
);
const TARGET_P95_MS = 250;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main(): Promise<void> {
  let stack: Stack | undefined;
  let appUrl = env.BENCH_URL;
  if (!appUrl) {
    console.log('Starting a stack for the benchmark…');
    stack = await startTempStack('bench');
    appUrl = stack.appUrl;
  }

  try {
    const login = await fetch(`${appUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'agent@flipstackk.test', password: DEMO_PASSWORD }),
    });
    if (!login.ok) throw new Error(`login failed: ${login.status}`);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;

    const waiting = new Map<string, (at: number) => void>();
    const early = new Map<string, number>();
    const source = new EventSource(`${appUrl}/api/events`, {
      fetch: (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie } }),
    });
    await new Promise<void>((resolve, reject) => {
      source.onopen = () => resolve();
      source.onerror = () => reject(new Error('SSE connection failed'));
    });
    source.addEventListener('task.created', (message) => {
      const at = performance.now();
      const leadId = (JSON.parse(message.data as string) as { entity: { leadId: string | null } }).entity.leadId;
      if (!leadId) return;
      const resolve = waiting.get(leadId);
      if (resolve) resolve(at);
      else early.set(leadId, at);
    });

    const endToEnd: number[] = [];
    const post: number[] = [];
    for (let i = 0; i < env.BENCH_LEADS; i += 1) {
      const started = performance.now();
      const response = await fetch(`${appUrl}/api/leads`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ sellerName: `Bench Seller ${i}`, street: `${i} Bench St`, city: 'Dayton', state: 'OH', zip: '45402' }),
      });
      const answered = performance.now();
      if (response.status !== 201) throw new Error(`POST /api/leads answered ${response.status}: ${await response.text()}`);
      const { id } = (await response.json()) as { id: string };
      const receivedAt = early.get(id) ?? (await new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no task.created for lead ${id} within 10 s`)), 10_000);
        waiting.set(id, (at) => {
          clearTimeout(timer);
          resolve(at);
        });
      }));
      post.push(answered - started);
      endToEnd.push(receivedAt - started);
    }
    source.close();

    const report = (name: string, values: number[], target?: number): void => {
      const sorted = [...values].sort((a, b) => a - b);
      const p95 = percentile(sorted, 95);
      const verdict = target === undefined ? '' : `   target p95 < ${target} ms: ${p95 < target ? 'MET' : 'MISSED'}`;
      console.log(
        `${name.padEnd(44)} n=${values.length}  p50=${percentile(sorted, 50).toFixed(1)} ms  p95=${p95.toFixed(1)} ms  max=${sorted.at(-1)!.toFixed(1)} ms${verdict}`,
      );
    };
    console.log(`\nFlipstackk benchmark (${os.cpus().length} cores, ${appUrl})`);
    report('lead POST → task.created over SSE', endToEnd, TARGET_P95_MS);
    report('lead POST → 201', post);
  } finally {
    await stack?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
