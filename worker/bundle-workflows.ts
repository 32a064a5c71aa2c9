import fs from 'node:fs';
import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';

/**
 * Workflow interceptor modules bundled with the workflows: the request id goes from a start,
 * signal or update on to the activities it schedules. A prebuilt bundle must be made with them to
 * carry request ids: `bundleWorkflows()` does. Resolved when asked for: a bundled worker
 * (dist/node/worker) runs a prebuilt workflow bundle and has no sources beside it to resolve.
 */
export const workflowInterceptorModules = (): string[] => [require.resolve('../workflows/shared/request-id.interceptors')];

/**
 * The workflows' entry module (`workflows/index.ts`), which the worker bundles. Resolved when asked:
 * the built worker program (dist/) runs a prebuilt bundle and has no `workflows/` beside it.
 */
export const workflowsPath = (): string => require.resolve('../workflows');

/**
 * The modules the worker's V8 context loads once and shares between workflows (the SDK's
 * `preloadModules`): the workflows and their interceptors, so every module they import. Without
 * it each new run evaluates all of them again and keeps its own copies while cached (README, "The
 * sustained intake": less CPU a lead on the workflow thread and a lower peak RSS with them shared).
 * Safe only for modules that keep no state of their own at module level, which
 * tests/workflows/workflow-bundle.test.ts checks of every module in the bundle.
 */
export const sharedWorkflowModules = (): string[] => [workflowsPath(), ...workflowInterceptorModules()];

const quiet = (): void => undefined;

/** `workflows/` and its interceptors as one bundle, for a worker made with `workflowBundle` (tests, WORKFLOW_BUNDLE). */
export function bundleWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({
    workflowsPath: workflowsPath(),
    workflowInterceptorModules: workflowInterceptorModules(),
    preloadModules: sharedWorkflowModules(),
    logger: { log: quiet, trace: quiet, debug: quiet, info: quiet, warn: quiet, error: (message) => console.error(message) },
  });
}

/** `bundleWorkflows()` written to `file` (a worker loads it with WORKFLOW_BUNDLE); resolves to the file. */
export async function writeWorkflowBundle(file: string): Promise<string> {
  await fs.promises.writeFile(file, (await bundleWorkflows()).code);
  return file;
}
