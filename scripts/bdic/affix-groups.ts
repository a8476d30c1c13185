/**
 * The affix group table (Hunspell's `AF` aliases).
 *
 * A BDIC never stores flag strings on words: each word carries 1-based indices into this table,
 * and the table is written as `AF <flags>` lines that Chromium's Hunspell reads as aliases. When
 * the .aff has its own AF table the indices are the ones the .dic already uses; otherwise every
 * distinct flag string (from the .dic and from affix continuation flags) gets the next index.
 */
export class AffixGroups {
  private readonly ids = new Map<string, number>();
  private readonly ordered: string[] = [];
  /** True when the .aff declared an AF table, so .dic flags are numbers into it. */
  indexed = false;

  /** Adds a flag string (latin1 byte string) as the next group and returns its 1-based id. */
  add(flags: string): number {
    this.ordered.push(flags);
    const id = this.ordered.length;
    if (!this.ids.has(flags)) this.ids.set(flags, id);
    return id;
  }

  /** The id of a flag string, adding it when new. */
  idFor(flags: string): number {
    return this.ids.get(flags) ?? this.add(flags);
  }

  get size(): number {
    return this.ordered.length;
  }

  /** The flag strings in id order (index 0 holds id 1). */
  flagStrings(): readonly string[] {
    return this.ordered;
  }
}
