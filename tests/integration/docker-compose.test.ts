import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { API_ENV_NAMES } from '../../api/env';
import { WORKER_ENV_NAMES } from '../../worker/env';
import { ROOT_DIR } from '../support/test-db';

jest.setTimeout(180_000);

interface Service {
  image?: string;
  profiles?: string[];
  command?: string | string[];
  environment?: Record<string, unknown> | string[];
  depends_on?: Record<string, { condition?: string }> | string[];
  ports?: string[];
  healthcheck?: unknown;
}

const FILE = path.join(ROOT_DIR, 'docker-compose.yml');
// Merge keys (`<<: *app`) resolved, as compose resolves them.
const compose = parse(fs.readFileSync(FILE, 'utf8'), { merge: true }) as { services: Record<string, Service> };
const services = Object.entries(compose.services);
const inProfile = (profile: string) => services.filter(([, service]) => service.profiles?.includes(profile)).map(([name]) => name);
// `$$` is compose's escape for a `$` the container's shell sees.
const commandOf = (service: Service): string => [service.command ?? []].flat().join(' ').replaceAll('$$', '$');
const envNames = (service: Service): string[] =>
  Array.isArray(service.environment) ? service.environment.map((entry) => entry.split('=')[0]!) : Object.keys(service.environment ?? {});
const dependencies = (service: Service): string[] => (Array.isArray(service.depends_on) ? service.depends_on : Object.keys(service.depends_on ?? {}));

describe('docker-compose.yml', () => {
  it('is a valid compose file for docker compose itself, where its CLI is installed', () => {
    const version = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' });
    // No compose CLI on this machine (none here): the structure checks below stand in for it.
    if (version.status !== 0) return;
    const config = spawnSync('docker', ['compose', '-f', FILE, '--profile', 'single', '--profile', 'cluster', 'config', '--quiet'], { encoding: 'utf8' });
    expect(config.stderr).toBe('');
    expect(config.status).toBe(0);
  });

  it('pins every image to a version (never latest, never a bare major)', () => {
    const unpinned = services
      .filter(([, service]) => !/^[\w./-]+:(?!latest$)[\w.-]*\d+\.\d+[\w.-]*$|@sha256:[0-9a-f]{64}$/.test(service.image ?? ''))
      .map(([name, service]) => `${name}: ${service.image ?? 'no image'}`);
    expect(unpinned).toEqual([]);
  });

  it('puts every service in the single or the cluster profile, and each depends only on services of its own', () => {
    expect(services.filter(([, service]) => service.profiles?.length !== 1 || !['single', 'cluster'].includes(service.profiles[0]!)).map(([name]) => name)).toEqual([]);
    const broken = services.flatMap(([name, service]) =>
      dependencies(service)
        .filter((dependency) => !compose.services[dependency] || compose.services[dependency]!.profiles?.[0] !== service.profiles?.[0])
        .map((dependency) => `${name} → ${dependency}`),
    );
    expect(broken).toEqual([]);
  });

  it('describes the cluster: PostgreSQL, Temporal with its schema set up, its UI, 2 APIs, 2 workers and a proxy', () => {
    const cluster = inProfile('cluster').map((name) => ({ name, service: compose.services[name]! }));
    const running = (file: string) => cluster.filter(({ service }) => commandOf(service).includes(file)).map(({ name }) => name);
    expect(running('api/main.ts')).toHaveLength(2);
    expect(running('worker/main.ts')).toHaveLength(2);
    const images = cluster.map(({ service }) => service.image!.split(':')[0]);
    expect(images).toEqual(expect.arrayContaining(['postgres', 'temporalio/server', 'temporalio/admin-tools', 'temporalio/ui', 'caddy']));
    expect(compose.services['temporal-server']!.image).toMatch(/:1\.29\.\d+$/);
    expect(commandOf(compose.services['temporal-schema']!)).toContain('temporal-sql-tool');
    // The proxy waits for both APIs to be ready (their healthcheck asks /api/ready) and is the only app port.
    expect(dependencies(compose.services.proxy!).sort()).toEqual(running('api/main.ts').sort());
    for (const api of running('api/main.ts')) expect(JSON.stringify(compose.services[api]!.healthcheck)).toContain('/api/ready');
    const caddyfile = fs.readFileSync(path.join(ROOT_DIR, 'deploy', 'caddy', 'Caddyfile'), 'utf8');
    for (const api of running('api/main.ts')) expect(caddyfile).toContain(`${api}:3000`);
    expect(caddyfile).toMatch(/respond \/metrics 404/);
  });

  it('gives the API and worker containers only variables api/env.ts and worker/env.ts read', () => {
    const unknown = services.flatMap(([name, service]) => {
      const command = commandOf(service);
      const accepted = command.includes('api/main.ts') ? API_ENV_NAMES : command.includes('worker/main.ts') ? WORKER_ENV_NAMES : undefined;
      return accepted ? envNames(service).filter((variable) => !accepted.includes(variable)).map((variable) => `${name}: ${variable}`) : [];
    });
    expect(unknown).toEqual([]);
  });

  it('runs the API and worker programs as the stacks do (bundled, heap limit and environment from scripts/lib/node-program.ts)', () => {
    const programs = services.filter(([, service]) => /(api|worker)\/main\.ts/.test(commandOf(service)));
    expect(programs.length).toBeGreaterThanOrEqual(6);
    const otherwise = programs.filter(([, service]) => !/exec \$\(npx tsx scripts\/node-program-command\.ts (api|worker)\/main\.ts\)/.test(commandOf(service)));
    expect(otherwise.map(([name]) => name)).toEqual([]);
  });

  it('publishes ports on 127.0.0.1 only', () => {
    const open = services.flatMap(([name, service]) => (service.ports ?? []).filter((port) => !port.startsWith('127.0.0.1:')).map((port) => `${name}: ${port}`));
    expect(open).toEqual([]);
  });
});
