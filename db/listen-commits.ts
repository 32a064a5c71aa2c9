import { Client } from 'pg';
import { EVENTS_CHANNEL } from './writes/record-event';

const RECONNECT_MS = 1_000;

/**
 * PostgreSQL's counterpart of watchCommits: calls `onWrite` whenever any process commits an Event
 * (recordEvent queues a NOTIFY in the same transaction), from one connection that LISTENs. A lost
 * connection is opened again after a second, with a wake-up then, since a commit may have been
 * missed meanwhile; the caller keeps its slow poll all the same. Returns the function that stops.
 */
export function listenForCommits(databaseUrl: string, onWrite: () => void, log: (line: string) => void = () => undefined): () => Promise<void> {
  let stopped = false;
  let client: Client | undefined;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new Client({ connectionString: databaseUrl });
    const reconnect = (reason: string): void => {
      if (client !== next) return;
      client = undefined;
      void next.end().catch(() => undefined);
      if (stopped) return;
      log(`event listener: ${reason}; listening again in ${RECONNECT_MS} ms (events fall back to polling meanwhile)`);
      retry = setTimeout(() => void connect(), RECONNECT_MS);
    };
    client = next;
    next.on('notification', () => onWrite());
    next.on('error', (error) => reconnect(error.message));
    next.on('end', () => reconnect('connection closed'));
    try {
      await next.connect();
      await next.query(`LISTEN ${EVENTS_CHANNEL}`);
      if (stopped) await next.end();
      else onWrite();
    } catch (error) {
      reconnect(error instanceof Error ? error.message : String(error));
    }
  };
  void connect();

  return async () => {
    stopped = true;
    clearTimeout(retry);
    const current = client;
    client = undefined;
    await current?.end().catch(() => undefined);
  };
}
