import fs from 'node:fs';
import { bundleWorkflows } from '../../worker/bundle-workflows';
import { preparedRun } from '../support/prepared-run';

jest.setTimeout(180_000);

// The worker evaluates a workflow's modules again for every run it starts or replays (each run
// has its own module cache), so whatever the bundle holds is paid per lead: zod's core alone made
// a third of it and built every schema of the domain at each start.
it('bundles the workflows without zod, and its interceptors with them', async () => {
  const prepared = preparedRun()?.workflowBundle;
  const code = prepared ? fs.readFileSync(prepared, 'utf8') : (await bundleWorkflows()).code;
  expect(code).not.toMatch(/node_modules\/zod\//);
  expect(code).toContain('request-id.interceptors');
});
