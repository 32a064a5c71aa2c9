import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { whenQueriesSettle } from '../../web/src/lib/when-queries-settle';

/** A query on screen whose answer is released by hand. */
function queryOnScreen(queryClient: QueryClient, key: string) {
  let answer: (value: string) => void = () => undefined;
  const observer = new QueryObserver(queryClient, { queryKey: [key], queryFn: () => new Promise<string>((resolve) => (answer = resolve)), retry: false });
  const unsubscribe = observer.subscribe(() => undefined);
  return { answer: (value: string) => answer(value), unsubscribe };
}

describe('whenQueriesSettle', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('waits until every query has answered and none has fetched for the quiet time', async () => {
    const queryClient = new QueryClient();
    const then = jest.fn();
    const page = queryOnScreen(queryClient, 'page');
    whenQueriesSettle(queryClient, 1_000, then);
    await jest.advanceTimersByTimeAsync(5_000);
    expect(then).not.toHaveBeenCalled();

    // The page's answer sets off a panel's request: the quiet time starts again after that one.
    page.answer('lead');
    await jest.advanceTimersByTimeAsync(600);
    const panel = queryOnScreen(queryClient, 'panel');
    await jest.advanceTimersByTimeAsync(2_000);
    expect(then).not.toHaveBeenCalled();
    panel.answer('history');
    await jest.advanceTimersByTimeAsync(999);
    expect(then).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    expect(then).toHaveBeenCalledTimes(1);

    // Once: later fetches do not call it again.
    const later = queryOnScreen(queryClient, 'later');
    later.answer('x');
    await jest.advanceTimersByTimeAsync(5_000);
    expect(then).toHaveBeenCalledTimes(1);
    for (const query of [page, panel, later]) query.unsubscribe();
  });

  it('is not put off by changes that fetch nothing, such as live events written into the cache', async () => {
    const queryClient = new QueryClient();
    const then = jest.fn();
    whenQueriesSettle(queryClient, 1_000, then);
    for (let event = 0; event < 4; event += 1) {
      await jest.advanceTimersByTimeAsync(300);
      queryClient.setQueryData(['events', 'recent'], { items: [event] });
    }
    expect(then).toHaveBeenCalledTimes(1);
  });

  it('counts the quiet time from the call when nothing is fetching, and can be cancelled', async () => {
    const queryClient = new QueryClient();
    const then = jest.fn();
    whenQueriesSettle(queryClient, 1_000, then);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(then).toHaveBeenCalledTimes(1);

    const cancelled = jest.fn();
    const cancel = whenQueriesSettle(queryClient, 1_000, cancelled);
    await jest.advanceTimersByTimeAsync(500);
    cancel();
    await jest.advanceTimersByTimeAsync(5_000);
    expect(cancelled).not.toHaveBeenCalled();
  });
});
