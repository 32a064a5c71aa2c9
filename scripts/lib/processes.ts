import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

/** Spawns a child whose output lines are prefixed with its name. */
export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: {
    env?: NodeJS.ProcessEnv;
    cwd?: string;
    log: (line: string) => void;
    /** Run as this user (PostgreSQL refuses root). */
    uid?: number;
    gid?: number;
    /** In a process group of its own: a terminal's Ctrl-C reaches only the parent, which stops the children in order. */
    detached?: boolean;
  },
): ManagedProcess {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], uid: options.uid, gid: options.gid, detached: options.detached });
  const forward = (chunk: Buffer): void => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) options.log(`[${name}] ${line}`);
  };
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', (error) => {
      options.log(`[${name}] failed to start: ${error.message}`);
      resolve(-1);
    });
  });
  return { name, child, exited };
}

/** SIGTERM (or `signal`), then SIGKILL after the grace period. */
export async function stopProcess(proc: ManagedProcess, graceMs = 10_000, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  proc.child.kill(signal);
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), graceMs);
  await proc.exited;
  clearTimeout(timer);
}

/** Polls `check` until it holds; fails at the timeout, or at once when `failed` settles (the supervisor gave up). */
export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, failed?: Promise<unknown>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let gaveUp = false;
  void failed?.then(() => {
    gaveUp = true;
  });
  while (Date.now() < deadline) {
    if (gaveUp) throw new Error(`${what}: it kept dying before it was ready`);
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what}: not ready after ${Math.round(timeoutMs / 1000)} s`);
}

export function isPortOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
