import type { RequestHandler } from 'express';

const READ_ONLY_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * What this API process knows has changed, as one mark: the newest event streamed (a change in any
 * process) and the requests here that may have written. A result computed under a mark is current
 * while the mark stays the same. While a request that may write is in progress the mark is NaN,
 * equal to nothing: its write may commit before its event streams, and a client that waited
 * for its answer must read what it wrote.
 */
export function createChangeMark(lastEventId: () => number) {
  let writesSeen = 0;
  let writesInProgress = 0;

  const countWrites: RequestHandler = (req, res, next) => {
    if (READ_ONLY_METHODS.has(req.method)) return next();
    writesSeen += 1;
    writesInProgress += 1;
    let ended = false;
    const end = (): void => {
      if (ended) return;
      ended = true;
      writesInProgress -= 1;
      writesSeen += 1;
    };
    res.once('finish', end);
    res.once('close', end);
    next();
  };

  return {
    countWrites,
    current: (): string | number => (writesInProgress > 0 ? Number.NaN : `${lastEventId()}:${writesSeen}`),
  };
}
export type ChangeMark = ReturnType<typeof createChangeMark>['current'];
