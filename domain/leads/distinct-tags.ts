/**
 * Each tag once, whatever its case or inner spacing ("Probate", "probate ", "PROBATE"): the first
 * spelling is kept, in the order given. Filters and counts treat tags as the same words, so a
 * record holding both would show one tag twice.
 */
export function distinctTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const tag of tags) {
    const spelled = tag.trim().replace(/\s+/g, ' ');
    const key = spelled.toLowerCase();
    if (!spelled || seen.has(key)) continue;
    seen.add(key);
    kept.push(spelled);
  }
  return kept;
}
