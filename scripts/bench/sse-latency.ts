import { createSession, type Session } from 'better-sse';
import { EventSource } from 'eventsource';
import http from 'node:http';
import { CLIENT_HEADER } from '../../domain/auth/client-header';

export interface SseLatency {
  /** Lead POST sent → its `task.created` (the contact task, saved with the lead) received over SSE. */
  postToTask: number[];
  /** Lead POST sent → 201. */
  post: number[];
  /**
   * The lead's transaction committed → its events received over SSE (same machine, same clock). A
   * row's `createdAt` is stamped as it is written, not at the commit, so the commit time is read
   * from the transaction's last event, its contact task's `task.created`: the `lead.created` stamp
   * comes before the contact task's writes, which are no part of a live update's delay.
   */
  commitToBrowser: number[];
}

/** Creates `leads` leads one after another, listening on SSE as a browser does. */
export async function measureSse(appUrl: string, cookie: string, leads: number): Promise<SseLatency> {
  const waiting = new Map<string, (at: number) => void>();
  const early = new Map<string, number>();
  const commitToBrowser: number[] = [];
  const source = new EventSource(`${appUrl}/api/events`, {
    fetch: (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie } }),
  });
  await new Promise<void>((resolve, reject) => {
    source.onopen = () => resolve();
    source.onerror = () => reject(new Error('SSE connection failed'));
  });
  source.addEventListener('task.created', (message) => {
    const at = performance.now();
    const { createdAt, entity } = JSON.parse(message.data as string) as { createdAt: string; entity: { leadId: string | null } };
    const leadId = entity.leadId;
    if (!leadId) return;
    commitToBrowser.push(Math.max(0, Date.now() - Date.parse(createdAt)));
    const resolve = waiting.get(leadId);
    if (resolve) resolve(at);
    else early.set(leadId, at);
  });

  const postToTask: number[] = [];
  const post: number[] = [];
  for (let i = 0; i < leads; i += 1) {
    const started = performance.now();
    const response = await fetch(`${appUrl}/api/leads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CLIENT_HEADER]: 'script', cookie },
      body: JSON.stringify({ sellerName: `Bench Seller ${i}`, street: `${i} Bench St`, city: 'Dayton', state: 'OH', zip: '45402', allowDuplicate: true }),
    });
    const answered = performance.now();
    if (response.status !== 201) throw new Error(`POST /api/leads answered ${response.status}: ${await response.text()}`);
    const { id } = (await response.json()) as { id: string };
    const receivedAt =
      early.get(id) ??
      (await new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no task.created for lead ${id} within 60 s`)), 60_000);
        waiting.set(id, (at) => {
          clearTimeout(timer);
          resolve(at);
        });
      }));
    post.push(answered - started);
    postToTask.push(receivedAt - started);
  }
  source.close();
  return { postToTask, post, commitToBrowser };
}

/**
 * The floor of a live update on this machine: `messages` messages pushed one at a time by
 * better-sse on loopback, nothing between the push and the socket (no database, no hub, no
 * session check), each timed from its push to its arrival with the same millisecond clock as the
 * commit → client figure.
 */
export async function measureSseFloor(messages: number): Promise<number[]> {
  let session: Session | undefined;
  const server = http.createServer((req, res) => {
    void createSession(req, res).then((created) => {
      session = created;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const source = new EventSource(`http://127.0.0.1:${port}/`);
  const arrivals: Array<(at: number) => void> = [];
  source.addEventListener('tick', (message) => arrivals.shift()?.(Date.now() - (JSON.parse(message.data as string) as number)));
  try {
    await new Promise<void>((resolve) => (source.onopen = () => resolve()));
    while (!session) await new Promise((resolve) => setTimeout(resolve, 5));
    const latencies: number[] = [];
    for (let i = 0; i < messages; i += 1) {
      const arrived = new Promise<number>((resolve) => arrivals.push(resolve));
      session!.push(Date.now(), 'tick');
      latencies.push(Math.max(0, await arrived));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return latencies;
  } finally {
    source.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
