import fs from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { bundleWorkflowCode, Worker, type ReplayResult } from '@temporalio/worker';
import { workflowInterceptorModules } from '../../worker/create-worker';

jest.setTimeout(180_000);

// The histories replay.test.ts replays, here against workflows bundled with the request-id
// interceptor: handing a header on must not change a single command.
const HISTORIES_DIR = path.join(__dirname, 'histories');
const histories = fs.readdirSync(HISTORIES_DIR, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.json')).sort();
const quiet = () => undefined;

const results = new Map<string, ReplayResult>();
beforeAll(async () => {
  const bundle = await bundleWorkflowCode({
    workflowsPath: require.resolve('../../workflows'),
    workflowInterceptorModules: workflowInterceptorModules(),
    logger: { log: quiet, trace: quiet, debug: quiet, info: quiet, warn: quiet, error: (message) => console.error(message) },
  });
  const inputs = histories.map((file) => ({
    workflowId: path.basename(file, '.json'),
    history: historyFromJSON(JSON.parse(fs.readFileSync(path.join(HISTORIES_DIR, file), 'utf8'))),
  }));
  let index = 0;
  for await (const result of Worker.runReplayHistories({ workflowBundle: { code: bundle.code } }, inputs)) {
    results.set(histories[index]!, result);
    index += 1;
  }
});

it.each(histories)('%s replays with the request-id interceptor', (file) => {
  expect(results.get(file)?.error).toBeUndefined();
});
