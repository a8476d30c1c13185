/**
 * The spam model's training data as numbers: each decision's text is cut into its features
 * (words and adjacent word pairs, each once per comment) one time only, and kept as a row of
 * feature ids; the features' per-class comment counts come from those rows. Cross-validation
 * then costs no more text work: a fold's counts are all the counts less the fold's own rows, and
 * its held-out comments are scored by summing weights over their ids.
 *
 * Why ids and not strings: 86,000 comments hold about a million distinct features, nearly all
 * seen once or twice. A word is interned once (a Map from its text); a pair is found in an
 * open-addressed table keyed on its two word ids, so no pair's text is ever built except for the
 * few kept in the model. A comment costs about 4 bytes a feature.
 */
import { words } from './text-features';

/** The words a feature is made of: lower case, 2 to 39 characters. */
export function featureWords(text: string): string[] {
  return words(text).filter((x) => x.length > 1 && x.length < 40);
}

export interface ClassCounts {
  spam: number;
  ham: number;
}

/** Per-feature comment counts of each class, indexed by feature id. */
export interface Counts {
  spam: Int32Array;
  ham: Int32Array;
  docs: ClassCounts;
}

const CHUNK = 1 << 20;

function grow(a: Int32Array<ArrayBuffer>, need: number): Int32Array<ArrayBuffer> {
  if (need <= a.length) return a;
  const b = new Int32Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

function pairHash(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b, 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 13)) >>> 0;
}

export class FeatureIndex {
  private readonly wordIds = new Map<string, number>();
  /** A feature's first word (its word id for a word), and its second word (-1 for a word). */
  private first = new Int32Array(1024);
  private second = new Int32Array(1024);
  private wordText: string[] = [];
  /** Pair table: slot -> feature id + 1 (0: empty); the key is read back from first/second. */
  private pairs = new Int32Array(1 << 12);
  private pairCount = 0;
  /** The last row that held a feature, so a row counts it once. */
  private stamp = new Int32Array(1024);
  size = 0;

  /**
   * Rows: ids of row r are chunks[chunkOf[r]][starts[r]..ends[r]), words first, then pairs, in
   * order of appearance. Fixed-size chunks, not one array doubled: 86,000 rows hold about ten
   * million ids, and a doubling would leave up to half of it unused and copy it at each step.
   */
  private chunks: Int32Array[] = [];
  private fill = CHUNK;
  private chunkOf = new Int32Array(1024);
  private starts = new Int32Array(1024);
  private ends = new Int32Array(1024);
  private labels = new Uint8Array(1024);
  rows = 0;
  /** Rows of each label. */
  readonly classes: ClassCounts = { spam: 0, ham: 0 };

  private newFeature(a: number, b: number): number {
    const id = this.size++;
    this.first = grow(this.first, this.size);
    this.second = grow(this.second, this.size);
    this.stamp = grow(this.stamp, this.size);
    this.first[id] = a;
    this.second[id] = b;
    return id;
  }

  private word(w: string, add: boolean): number {
    let id = this.wordIds.get(w);
    if (id === undefined) {
      if (!add) return -1;
      id = this.newFeature(this.size, -1);
      this.wordText[id] = w;
      this.wordIds.set(w, id);
    }
    return id;
  }

  private pair(a: number, b: number, add: boolean): number {
    let mask = this.pairs.length - 1;
    let slot = pairHash(a, b) & mask;
    for (;;) {
      const v = this.pairs[slot];
      if (v === 0) break;
      if (this.first[v - 1] === a && this.second[v - 1] === b) return v - 1;
      slot = (slot + 1) & mask;
    }
    if (!add) return -1;
    if ((this.pairCount + 1) * 2 > this.pairs.length) {
      this.rehash();
      mask = this.pairs.length - 1;
      slot = pairHash(a, b) & mask;
      while (this.pairs[slot] !== 0) slot = (slot + 1) & mask;
    }
    const id = this.newFeature(a, b);
    this.pairs[slot] = id + 1;
    this.pairCount++;
    return id;
  }

  private rehash(): void {
    const old = this.pairs;
    const table = new Int32Array(old.length * 2);
    const mask = table.length - 1;
    for (const v of old) {
      if (v === 0) continue;
      let slot = pairHash(this.first[v - 1], this.second[v - 1]) & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = v;
    }
    this.pairs = table;
  }

  /** Cuts a text into its features and keeps them as a row with its label; returns the row number. */
  add(text: string, spam: boolean): number {
    const r = this.rows++;
    this.chunkOf = grow(this.chunkOf, this.rows);
    this.starts = grow(this.starts, this.rows);
    this.ends = grow(this.ends, this.rows);
    if (this.labels.length < this.rows) {
      const l = new Uint8Array(this.labels.length * 2);
      l.set(this.labels);
      this.labels = l;
    }
    this.labels[r] = spam ? 1 : 0;
    if (spam) this.classes.spam++;
    else this.classes.ham++;
    const ids = this.featureIds(text, true);
    let chunk = this.chunks[this.chunks.length - 1];
    if (this.fill + ids.length > (chunk?.length ?? 0)) {
      this.chunks.push((chunk = new Int32Array(Math.max(CHUNK, ids.length))));
      this.fill = 0;
    }
    chunk.set(ids, this.fill);
    this.chunkOf[r] = this.chunks.length - 1;
    this.starts[r] = this.fill;
    this.fill += ids.length;
    this.ends[r] = this.fill;
    return r;
  }

  private tick = 0;

  /** A text's feature ids, each once (words, then pairs); unknown features are added, or left out when `add` is false. */
  featureIds(text: string, add: boolean): number[] {
    const w = featureWords(text);
    const t = ++this.tick;
    const out: number[] = [];
    const wid = new Array<number>(w.length);
    for (let i = 0; i < w.length; i++) {
      const id = (wid[i] = this.word(w[i], add));
      if (id >= 0 && this.stamp[id] !== t) (this.stamp[id] = t), out.push(id);
    }
    for (let i = 1; i < w.length; i++) {
      if (wid[i - 1] < 0 || wid[i] < 0) continue;
      const id = this.pair(wid[i - 1], wid[i], add);
      if (id >= 0 && this.stamp[id] !== t) (this.stamp[id] = t), out.push(id);
    }
    return out;
  }

  row(r: number): Int32Array {
    return this.chunks[this.chunkOf[r]].subarray(this.starts[r], this.ends[r]);
  }

  isSpam(r: number): boolean {
    return this.labels[r] === 1;
  }

  /** A feature as the model names it: the word, or the two words with a space. */
  text(id: number): string {
    const b = this.second[id];
    return b < 0 ? this.wordText[id] : `${this.wordText[this.first[id]]} ${this.wordText[b]}`;
  }

  /** Counts over every row. */
  counts(): Counts {
    const c = { spam: new Int32Array(this.size), ham: new Int32Array(this.size), docs: { spam: 0, ham: 0 } };
    for (let r = 0; r < this.rows; r++) this.tally(c, r, 1);
    return c;
  }

  /** Adds a row to counts (`by` 1), or takes it out (-1): a fold's counts are the whole less its rows, in place. */
  tally(c: Counts, r: number, by: 1 | -1): void {
    const spam = this.labels[r] === 1;
    const n = spam ? c.spam : c.ham;
    if (spam) c.docs.spam += by;
    else c.docs.ham += by;
    const chunk = this.chunks[this.chunkOf[r]];
    for (let i = this.starts[r], end = this.ends[r]; i < end; i++) n[chunk[i]] += by;
  }

  /**
   * The kept vocabulary: up to `max` features seen in at least two comments, most frequent first,
   * ties by text. Only the features at the frequency where the cut falls are ordered by text.
   */
  select(c: Counts, max: number): number[] {
    let top = 0;
    for (let f = 0; f < this.size; f++) top = Math.max(top, c.spam[f] + c.ham[f]);
    const hist = new Int32Array(top + 1);
    for (let f = 0; f < this.size; f++) hist[c.spam[f] + c.ham[f]]++;
    let floor = 2;
    for (let n = top, seen = 0; n >= 2; n--) {
      seen += hist[n];
      if (seen >= max) {
        floor = n;
        break;
      }
    }
    const chosen: number[] = [];
    for (let f = 0; f < this.size; f++) if (c.spam[f] + c.ham[f] >= floor) chosen.push(f);
    const texts = new Map<number, string>();
    const text = (f: number) => texts.get(f) ?? (texts.set(f, this.text(f)), texts.get(f)!);
    chosen.sort((a, b) => c.spam[b] + c.ham[b] - (c.spam[a] + c.ham[a]) || (text(a) < text(b) ? -1 : 1));
    return chosen.slice(0, max);
  }
}
