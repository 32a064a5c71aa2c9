import { EVENTS_THROUGH_HEADER } from '../../domain/events/live-event.schema';

type EventsMark = typeof import('../../web/src/lib/events-mark');
type EarlyRequests = typeof import('../../web/src/lib/early-requests');

/** The two modules as a page loads them: fresh, sharing their state. */
function freshPage(): { marks: EventsMark; early: EarlyRequests } {
  let modules: { marks: EventsMark; early: EarlyRequests } | undefined;
  jest.isolateModules(() => {
    modules = { marks: jest.requireActual('../../web/src/lib/events-mark'), early: jest.requireActual('../../web/src/lib/early-requests') };
  });
  return modules!;
}

const answeredAt = (mark: number): Headers => new Headers({ [EVENTS_THROUGH_HEADER]: String(mark) });

/** An answer to an early GET carrying the event mark it was read at, as fetch resolves it. */
function serveEarlyAnswers(marks: Record<string, number>): void {
  jest.spyOn(globalThis, 'fetch').mockImplementation(async (input) => new Response('{}', { status: 200, headers: answeredAt(marks[String(input)]!) }));
}

afterEach(() => jest.restoreAllMocks());

describe("the page's early answers and the live stream", () => {
  it('before the stream starts, every early answer is used and the stream resumes from the oldest mark', async () => {
    const { marks, early } = freshPage();
    serveEarlyAnswers({ '/api/me': 20, '/api/tasks?leadId=l1': 12 });
    early.sendEarly('/api/me', {});
    early.sendEarly('/api/tasks?leadId=l1', {});
    marks.rememberEventsMark(answeredAt(20));
    expect(await early.takeEarlyResponse('/api/tasks?leadId=l1')).toBeInstanceOf(Response);
    expect(marks.takeEventsMark()).toBe(12);
  });

  it('after an event the stream delivered, an answer read before it is dropped (the page asks again), one read after it is used', async () => {
    const { marks, early } = freshPage();
    serveEarlyAnswers({ '/api/me': 10, '/api/tasks?leadId=l1': 14, '/api/notes?leadId=l1': 16 });
    early.sendEarly('/api/me', {});
    marks.rememberEventsMark(answeredAt(10));
    expect(marks.takeEventsMark()).toBe(10);
    // The panels' answers arrive after the stream started, then the workflow's change streams
    // before the panels' queries exist: refreshing them did nothing.
    early.sendEarly('/api/tasks?leadId=l1', {});
    early.sendEarly('/api/notes?leadId=l1', {});
    marks.noteStreamedEvent(15);
    expect(await early.takeEarlyResponse('/api/tasks?leadId=l1')).toBeUndefined();
    expect(await early.takeEarlyResponse('/api/notes?leadId=l1')).toBeInstanceOf(Response);
  });

  it('an answer as new as the stream is used; each early answer is taken once', async () => {
    const { marks, early } = freshPage();
    serveEarlyAnswers({ '/api/leads/l1': 10 });
    early.sendEarly('/api/leads/l1', {});
    marks.rememberEventsMark(answeredAt(10));
    marks.takeEventsMark();
    expect(await early.takeEarlyResponse('/api/leads/l1')).toBeInstanceOf(Response);
    expect(early.takeEarlyResponse('/api/leads/l1')).toBeUndefined();
  });

  it('a stream that refetched instead of resuming (no mark) takes no early answer arriving after it started', async () => {
    const { marks, early } = freshPage();
    serveEarlyAnswers({ '/api/offers?leadId=l1': 30 });
    expect(marks.takeEventsMark()).toBeNull();
    early.sendEarly('/api/offers?leadId=l1', {});
    expect(await early.takeEarlyResponse('/api/offers?leadId=l1')).toBeUndefined();
  });
});
