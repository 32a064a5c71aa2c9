import { patched } from '@temporalio/workflow';

/** Patch id: runs since it give a cold-list lead no contact task; runs recorded before it replay as they ran. */
export const COLD_LIST_PATCH = 'cold-list-no-contact-task';

/**
 * A lead imported from a purchased list gets no "Contact lead within 1 hour" task (a team cannot
 * call 100k owners in an hour): it waits in the call queue. Only a run started with `coldList`
 * asks, so histories of other leads never meet the patch marker.
 */
export const skipsContactTask = ({ coldList }: { coldList?: boolean }): boolean => coldList === true && patched(COLD_LIST_PATCH);
