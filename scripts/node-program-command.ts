import path from 'node:path';
import { buildNodeProgram, NODE_PROGRAM_ENV, nodeProgramArgs, programOfEntry } from './lib/node-program';

/**
 * Bundles the program at the entry given (`api/main.ts` or `worker/main.ts`) and prints the command
 * that runs it as the stacks do, environment and heap limit included, for a shell to `exec`
 * (docker-compose.yml): one place says how a program runs, and no tsx process stays resident.
 */
const entry = process.argv[2];
if (!entry) throw new Error('Usage: tsx scripts/node-program-command.ts <api/main.ts|worker/main.ts>');
const rootDir = path.resolve(__dirname, '..');
const program = programOfEntry(entry);
const bundle = buildNodeProgram(rootDir, program);
const environment = Object.entries(NODE_PROGRAM_ENV).map(([name, value]) => `${name}=${value}`);
console.log(['env', ...environment, process.execPath, ...nodeProgramArgs(program, bundle)].join(' '));
