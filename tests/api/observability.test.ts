import net from 'node:net';
import { defaultPayloadConverter } from '@temporalio/common';
import { Worker } from '@temporalio/worker';
import { leadWorkflowId } from '../../domain/workflow-ids';
import { CLIENT_HEADER } from '../../domain/auth/client-header';
import { buildLead, buildLeadInput, buildUser } from '../support/factories';
import { startObservedApp, type LogLine, type ObservedApp } from '../support/observed-app';
import { openEventStream } from '../support/sse-client';
import { workflowBundle } from '../support/temporal-env';
import { waitUntil } from '../support/wait-until';

jest.setTimeout(180_000);

let app: ObservedApp;
let agent: { id: string; email: string };
let cookie: string;

beforeAll(async () => {
  app = await startObservedApp();
  agent = await buildUser(app.testDb.db, { role: 'AGENT' });
  cookie = await app.login(agent.email);
});
afterAll(() => app?.close());

const send = (path: string, init: { method?: string; headers?: Record<string, string>; body?: unknown; cookie?: string } = {}, url = app.url) =>
  fetch(`${url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      [CLIENT_HEADER]: 'test',
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.cookie ? { cookie: init.cookie } : {}),
      ...init.headers,
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });

const requestLine = (requestId: string) => waitUntil(`the log line of request ${requestId}`, async () => app.apiLog.find((line) => line.requestId === requestId && (line.msg === 'request completed' || line.msg === 'request failed')));

const metricsText = async (url = app.url, headers: Record<string, string> = {}) => {
  const response = await send('/metrics', { headers }, url);
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
};

/** The value of one sample (`name{labels} value`) in Prometheus text, or undefined when absent. */
const sample = (text: string, name: string, labels: Record<string, string> = {}): number | undefined => {
  const line = text.split('\n').find((candidate) => {
    if (!candidate.startsWith(`${name}{`) && !candidate.startsWith(`${name} `)) return false;
    return Object.entries(labels).every(([key, value]) => candidate.includes(`${key}="${value}"`));
  });
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
};

describe('request ids and the request log', () => {
  it('echoes a sane X-Request-Id and logs the request as one JSON line with it', async () => {
    const response = await send('/api/me', { cookie, headers: { 'X-Request-Id': 'trace-4f2a.9:b_c' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('trace-4f2a.9:b_c');
    const line = await requestLine('trace-4f2a.9:b_c');
    expect(line).toMatchObject({ level: 'info', name: 'api', method: 'GET', route: '/api/me', path: '/api/me', status: 200, userId: agent.id });
    expect(line.durationMs).toEqual(expect.any(Number));
    expect(Date.parse(line.time as string)).not.toBeNaN();
    // Never the cookie or other headers.
    expect(JSON.stringify(line)).not.toContain('flipstackk_session');
    expect(line).not.toHaveProperty('req');
  });

  it.each([
    ['spaces', 'not a token'],
    ['a leading dash', '-abc'],
    ['over 128 characters', 'a'.repeat(129)],
  ])('replaces a request id with %s by a generated one', async (_what, sent) => {
    const response = await send('/api/health', { headers: { 'X-Request-Id': sent } });
    const echoed = response.headers.get('x-request-id');
    expect(echoed).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    // /api/health may answer 503 until its first background check: then the line says "request failed", at level error.
    expect(await requestLine(echoed!)).toMatchObject({ route: '/api/health', status: response.status, level: response.status === 200 ? 'info' : 'error' });
  });

  it('gives a request without one its own id, and logs a refused request without a user', async () => {
    const response = await send('/api/leads');
    expect(response.status).toBe(401);
    const line = await requestLine(response.headers.get('x-request-id')!);
    expect(line).toMatchObject({ method: 'GET', path: '/api/leads', status: 401 });
    expect(line).not.toHaveProperty('userId');
  });

  it('logs a request its client left before the answer as closed by the client, status 499', async () => {
    // Half a JSON body, then the socket goes: the route is still reading it when the client leaves.
    const { port } = new URL(app.url);
    const socket = net.connect(Number(port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(`POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: left-early-1\r\n${CLIENT_HEADER}: test\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{"email":`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    socket.destroy();
    const line = await waitUntil('the log line of the abandoned request', async () => app.apiLog.find((candidate) => candidate.requestId === 'left-early-1'));
    expect(line).toMatchObject({ msg: 'request closed by the client', method: 'POST', path: '/api/auth/login', status: 499, level: 'info' });
  });

  it('follows a lead created through the API into the activities its workflow runs', async () => {
    const response = await send('/api/leads', { method: 'POST', cookie, body: buildLeadInput(), headers: { 'X-Request-Id': 'create-lead-7' } });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-request-id')).toBe('create-lead-7');
    const lead = (await response.json()) as { id: string };
    expect(await requestLine('create-lead-7')).toMatchObject({ method: 'POST', route: '/api/leads', status: 201, userId: agent.id });
    const activityLine: LogLine = await waitUntil('an activity of the lead workflow logged with the request id', async () =>
      app.workerLog.find((line) => line.requestId === 'create-lead-7' && line.workflowId === leadWorkflowId(lead.id)),
    );
    expect(activityLine).toMatchObject({ level: 'info', name: 'worker', activityType: expect.any(String), attempt: 1, durationMs: expect.any(Number) });
    expect(activityLine.msg).toBe(`activity: ${activityLine.activityType as string} completed`);

    // The id rides in the start's header (and the activities'), which replay does not compare: the
    // history replays with the interceptor and without it (a worker fleet can take it on one by one).
    const history = await app.client.workflow.getHandle(leadWorkflowId(lead.id)).fetchHistory();
    const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
    expect(defaultPayloadConverter.fromPayload(started!.header!.fields!.requestId!)).toBe('create-lead-7');
    await Worker.runReplayHistory({ workflowBundle: { code: app.workflowBundleCode } }, history, leadWorkflowId(lead.id));
    await Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history, leadWorkflowId(lead.id));
  });

  it('follows a status change (an update to the running workflow) into the activity that writes it', async () => {
    const lead = (await (await send('/api/leads', { method: 'POST', cookie, body: buildLeadInput(), headers: { 'X-Request-Id': 'create-lead-8' } })).json()) as { id: string };
    await waitUntil('the lead workflow running its first activity', async () => app.workerLog.find((line) => line.requestId === 'create-lead-8'));
    const response = await send(`/api/leads/${lead.id}/status`, { method: 'POST', cookie, body: { status: 'CONTACTED' }, headers: { 'X-Request-Id': 'contacted-8' } });
    expect(response.status).toBe(200);
    expect(await requestLine('contacted-8')).toMatchObject({ route: '/api/leads/:id/status', status: 200 });
    await waitUntil('an activity run for the update, logged with its request id', async () =>
      app.workerLog.find((line) => line.requestId === 'contacted-8' && line.workflowId === leadWorkflowId(lead.id)),
    );
  });
});

describe('GET /metrics', () => {
  it('has the latency of a request under its route pattern, never its raw path', async () => {
    const lead = await buildLead(app.testDb.db, agent.id);
    expect((await send(`/api/leads/${lead.id}`, { cookie })).status).toBe(200);
    const { status, type, text } = await metricsText();
    expect(status).toBe(200);
    expect(type).toContain('text/plain');
    expect(sample(text, 'http_request_duration_seconds_count', { method: 'GET', route: '/api/leads/:id', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(lead.id);
    expect(text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  it('counts open event streams and the lag of the events they were sent', async () => {
    const before = sample((await metricsText()).text, 'flipstackk_sse_clients');
    const stream = openEventStream(`${app.url}/api/events`, cookie, { [CLIENT_HEADER]: 'test' });
    try {
      await stream.opened;
      await waitUntil('the stream counted', async () => sample((await metricsText()).text, 'flipstackk_sse_clients') === before! + 1);
      await send('/api/leads', { method: 'POST', cookie, body: buildLeadInput() });
      await stream.waitFor((event) => event.name === 'lead.created');
      const text = (await metricsText()).text;
      expect(sample(text, 'flipstackk_event_lag_seconds_count')).toBeGreaterThanOrEqual(1);
    } finally {
      stream.close();
    }
    await waitUntil('the closed stream no longer counted', async () => sample((await metricsText()).text, 'flipstackk_sse_clients') === before);
  });

  it('counts failed Temporal client calls by operation and error', async () => {
    await expect(app.client.workflow.getHandle('no-such-workflow').signal('nothing')).rejects.toThrow();
    const text = (await metricsText()).text;
    expect(sample(text, 'flipstackk_temporal_client_errors_total', { operation: 'signal', error: 'WorkflowNotFoundError' })).toBe(1);
  });

  it('is refused to a request that came through a proxy (without METRICS_TOKEN)', async () => {
    const { status, text } = await metricsText(app.url, { 'X-Forwarded-For': '203.0.113.9' });
    expect(status).toBe(403);
    expect(text).not.toContain('http_request_duration_seconds');
  });

  it('asks for the bearer token when METRICS_TOKEN is set, from anywhere', async () => {
    const sibling = await app.startSibling({ metricsToken: 'a-long-metrics-token-1234' });
    const without = await metricsText(sibling.url);
    expect(without.status).toBe(401);
    expect((await metricsText(sibling.url, { Authorization: 'Bearer a-long-metrics-token-0000' })).status).toBe(401);
    const withToken = await metricsText(sibling.url, { Authorization: 'Bearer a-long-metrics-token-1234', 'X-Forwarded-For': '203.0.113.9' });
    expect(withToken.status).toBe(200);
    expect(withToken.text).toContain('flipstackk_sse_clients');
  });
});

describe('GET /api/ready', () => {
  it('answers 200 once the database, Temporal and a polling worker are there', async () => {
    const ready = await waitUntil('the worker seen polling', async () => {
      const response = await send('/api/ready');
      return response.status === 200 ? response.json() : undefined;
    });
    expect(ready).toEqual({ ready: true, database: 'ok', temporal: 'ok', workers: 'ok', pollers: expect.any(Number) });
  });

  it('answers 503 naming the workers when no worker polls its task queue', async () => {
    const sibling = await app.startSibling({ taskQueue: 'nobody-polls-this' });
    const response = await send('/api/ready', {}, sibling.url);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ ready: false, database: 'ok', temporal: 'ok', workers: 'none', pollers: 0 });
  });

  it('leaves /api/health as it was', async () => {
    const response = await send('/api/health');
    expect([200, 503]).toContain(response.status);
    expect(await response.json()).toHaveProperty('reconciler');
  });
});
