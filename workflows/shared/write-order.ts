import { condition, patched } from '@temporalio/workflow';

/**
 * Patch id: workflow state changes only once the activity that writes them has succeeded, and
 * the changes run one at a time. Runs recorded before it set the new state first, so a
 * non-retryable write left workflow and database disagreeing; they replay on the old order.
 */
export const STATE_AFTER_WRITE_PATCH = 'state-after-write';

export interface WriteOrder {
  /**
   * Runs `change` after the changes before it have finished, so it is checked against the state
   * they wrote (Update validators cannot see a change still being written). Runs from before the
   * patch run it at once.
   */
  inTurn<T>(change: () => Promise<T>): Promise<T>;
  /** Runs from before the patch only: sets `next` on `state` before the write. */
  setBeforeWrite<S extends object>(state: S, next: Partial<S>): void;
  /** Runs since the patch only: sets `next` on `state` once the write succeeded. */
  setAfterWrite<S extends object>(state: S, next: Partial<S>): void;
}

/** Call once, at the start of the workflow (before its first await): the order holds for the whole run. */
export function writeOrder(): WriteOrder {
  const afterWrite = patched(STATE_AFTER_WRITE_PATCH);
  let issued = 0;
  let finished = 0;
  return {
    async inTurn(change) {
      if (!afterWrite) return change();
      const turn = issued++;
      await condition(() => finished === turn);
      try {
        return await change();
      } finally {
        finished += 1;
      }
    },
    setBeforeWrite(state, next) {
      if (!afterWrite) Object.assign(state, next);
    },
    setAfterWrite(state, next) {
      if (afterWrite) Object.assign(state, next);
    },
  };
}
