/** The automation deadlines of SPEC §4, in milliseconds. */
export interface Deadlines {
  contactMs: number;
  followUpMs: number;
}

export const DEFAULT_DEADLINES: Deadlines = {
  contactMs: 60 * 60 * 1000,
  followUpMs: 3 * 24 * 60 * 60 * 1000,
};
