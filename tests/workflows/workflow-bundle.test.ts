import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { bundleWorkflows } from '../../worker/bundle-workflows';
import { preparedRun } from '../support/prepared-run';

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '..', '..');

const bundleCode = async (): Promise<string> => {
  const prepared = preparedRun()?.workflowBundle;
  return prepared ? fs.readFileSync(prepared, 'utf8') : (await bundleWorkflows()).code;
};

/** The project's own modules in the bundle (webpack names each one in a banner: `!*** ./domain/x.ts ***!`). */
const ownModules = (code: string): string[] => [...new Set([...code.matchAll(/!\*\*\* \.\/((?!node_modules)[\w./-]+\.ts) \*\*\*!/g)].map((match) => match[1]!))];

const CONTAINERS = new Set(['Map', 'Set', 'WeakMap', 'WeakSet']);

/** Empty `[]` or `{}`: a constant made only to be filled. */
const isEmptyLiteral = (node: ts.Expression): boolean =>
  (ts.isArrayLiteralExpression(node) && node.elements.length === 0) || (ts.isObjectLiteralExpression(node) && node.properties.length === 0);

/** Module-level declarations that can hold state: `let` and `var`, and constants that are a Map or a Set or start empty. */
function moduleLevelState(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(path.resolve(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const isConst = (statement.declarationList.flags & ts.NodeFlags.Const) !== 0;
    for (const declaration of statement.declarationList.declarations) {
      const initializer = declaration.initializer;
      const container = initializer && ((ts.isNewExpression(initializer) && ts.isIdentifier(initializer.expression) && CONTAINERS.has(initializer.expression.text)) || isEmptyLiteral(initializer));
      if (!isConst || container) found.push(`${file}: ${declaration.getText(source).split('\n')[0]}`);
    }
  }
  return found;
}

// The worker evaluates a module once per run unless it is preloaded (each run has its own module
// cache), so whatever the bundle holds was paid per lead: zod's core alone made a third of it and
// built every schema of the domain at each start.
it('bundles the workflows without zod, and its interceptors with them', async () => {
  const code = await bundleCode();
  expect(code).not.toMatch(/node_modules\/zod\//);
  expect(code).toContain('request-id.interceptors');
});

// Preloaded, the workflows and every module they import are one instance for all the runs a worker
// thread holds: a module-level variable would be shared by every lead's workflow (state leaking from
// one run into another, and replays that depend on what ran before them in the thread).
it('shares the workflow modules between runs, and none of them keeps state at module level', async () => {
  const code = await bundleCode();
  const preload = /exports\.preloadModules = function preloadModules\(\) \{([^}]*)\}/.exec(code)?.[1] ?? '';
  expect(preload).toContain('./workflows/index.ts');
  expect(preload).toContain('./workflows/shared/request-id.interceptors.ts');

  const modules = ownModules(code);
  expect(modules).toEqual(expect.arrayContaining(['workflows/index.ts', 'workflows/leads/lead.workflow.ts', 'workflows/tasks/task.workflow.ts']));
  expect(modules.flatMap(moduleLevelState)).toEqual([]);
});

it('finds module-level state where there is some', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipstackk-module-state-'));
  try {
    const file = path.join(dir, 'stateful.ts');
    fs.writeFileSync(file, "export const LABELS = { a: 'A' } as const;\nlet runs = 0;\nconst seen = new Map<string, number>();\nconst pending: string[] = [];\nexport const count = (): number => (runs += seen.size + pending.length);\n");
    expect(moduleLevelState(file)).toEqual([`${file}: runs = 0`, `${file}: seen = new Map<string, number>()`, `${file}: pending: string[] = []`]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
