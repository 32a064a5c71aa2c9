import { MutationObserver, QueryClient, QueryObserver } from '@tanstack/react-query';
import { refreshQueries } from '../../web/src/lib/refresh-queries';

/** A server whose answers are released by hand, each carrying the version it was read at. */
function fakeServer() {
  let version = 1;
  const waiting: Array<() => void> = [];
  let reads = 0;
  return {
    commit: () => (version += 1),
    read: () => {
      reads += 1;
      const readAt = version;
      return new Promise<number>((resolve) => waiting.push(() => resolve(readAt)));
    },
    answerAll: async () => {
      while (waiting.length > 0) {
        waiting.shift()?.();
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    },
    reads: () => reads,
  };
}

/** A list on screen (an observed query) reading from a fake server, its first load on its way. */
function listOnScreen() {
  const server = fakeServer();
  const queryClient = new QueryClient();
  const observer = new QueryObserver(queryClient, { queryKey: ['leads', 'list'], queryFn: server.read, retry: false });
  const unsubscribe = observer.subscribe(() => undefined);
  return { server, queryClient, data: () => observer.getCurrentResult().data, unsubscribe };
}

describe('refreshQueries', () => {
  it('asks again for a first load that was on its way when the change committed', async () => {
    const { server, queryClient, ...screen } = listOnScreen();
    server.commit();
    const refreshed = refreshQueries(queryClient, ['leads']);
    await server.answerAll();
    await refreshed;
    await server.answerAll();
    expect(screen.data()).toBe(2);
    screen.unsubscribe();
  });

  it('asks once more however many changes commit during the first load', async () => {
    const { server, queryClient, ...screen } = listOnScreen();
    const refreshes = [1, 2, 3, 4, 5].map(() => {
      server.commit();
      return refreshQueries(queryClient, ['leads']);
    });
    await server.answerAll();
    await Promise.all(refreshes);
    await server.answerAll();
    expect(screen.data()).toBe(6);
    expect(server.reads()).toBe(2);
    screen.unsubscribe();
  });

  it('refetches a query that has data once', async () => {
    const { server, queryClient, ...screen } = listOnScreen();
    await server.answerAll();
    expect(screen.data()).toBe(1);
    server.commit();
    const refreshed = refreshQueries(queryClient, ['leads']);
    await server.answerAll();
    await refreshed;
    expect(screen.data()).toBe(2);
    expect(server.reads()).toBe(2);
    screen.unsubscribe();
  });
});

describe('refreshQueries beside an optimistic change', () => {
  /** A task on screen whose server answers at once, and a change to it that waits for `release`. */
  async function taskWithChangeOnItsWay() {
    let serverStatus = 'IN_PROGRESS';
    const queryClient = new QueryClient();
    const key = ['tasks', 'detail', 't1'];
    const observer = new QueryObserver(queryClient, { queryKey: key, queryFn: () => Promise.resolve(serverStatus), retry: false });
    const unsubscribe = observer.subscribe(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 0));
    let release: () => void = () => undefined;
    const change = new MutationObserver(queryClient, {
      mutationKey: key,
      mutationFn: () =>
        new Promise<string>((resolve) => {
          release = () => {
            serverStatus = 'COMPLETED';
            resolve(serverStatus);
          };
        }),
      onMutate: async () => {
        await queryClient.cancelQueries({ queryKey: key });
        queryClient.setQueryData(key, 'COMPLETED');
      },
      onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
    });
    const done = change.mutate();
    await new Promise((resolve) => setTimeout(resolve, 0));
    return { queryClient, key, status: () => observer.getCurrentResult().data, release: () => release(), done, unsubscribe };
  }

  it('leaves the prediction on screen while the change is on its way, and reads the task again after it', async () => {
    const task = await taskWithChangeOnItsWay();
    expect(task.status()).toBe('COMPLETED');
    await refreshQueries(task.queryClient, ['tasks']);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(task.status()).toBe('COMPLETED');
    expect(task.queryClient.getQueryState(task.key)?.isInvalidated).toBe(true);
    task.release();
    await task.done;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(task.status()).toBe('COMPLETED');
    expect(task.queryClient.getQueryState(task.key)?.isInvalidated).toBe(false);
    task.unsubscribe();
  });

  it('still refreshes the queries no change holds', async () => {
    const task = await taskWithChangeOnItsWay();
    let listReads = 0;
    const list = new QueryObserver(task.queryClient, { queryKey: ['tasks', 'list'], queryFn: () => Promise.resolve((listReads += 1)), retry: false });
    const unsubscribe = list.subscribe(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await refreshQueries(task.queryClient, ['tasks']);
    expect(listReads).toBe(2);
    task.release();
    await task.done;
    unsubscribe();
    task.unsubscribe();
  });
});
