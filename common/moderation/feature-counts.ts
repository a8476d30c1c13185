/**
 * Counting the spam model's features (words and adjacent word pairs, each once per comment) per
 * class over a stream of decisions, in bounded memory. 86,000 comments hold about a million
 * distinct features, nearly all seen once or twice; holding each as a string in a map cost most
 * of a training's time and hundreds of megabytes. So two passes over the stream:
 *
 * 1. Each feature is hashed (a word's characters, a pair from its two words' hashes, no string
 *    built) into a fixed table of per-class counts. Colliding features share a bucket, so a
 *    bucket's count is never below that of any feature in it.
 * 2. Only features whose bucket ranks among the most frequent (a margin above the cap) are
 *    counted exactly, by their text; the kept vocabulary is chosen on those exact counts.
 *
 * Below the cap every feature seen twice or more is a candidate, so the result is the exact count
 * of a one-pass map. Above it, which features make the margin can depend on collisions, always in
 * the same way (the hash is fixed): the model stays deterministic.
 */
import { words } from './text-features';

export interface ClassCounts {
  spam: number;
  ham: number;
}

export interface FeatureCounts {
  docs: ClassCounts;
  /** Kept features, most frequent first (ties by text), with their per-class comment counts. */
  kept: [feature: string, counts: ClassCounts][];
}

export interface LabelledText {
  text: string;
  spam: boolean;
}

const BITS = 21;
const MASK = (1 << BITS) - 1;

/** The words a feature is made of: lower case, 2 to 39 characters. */
export function featureWords(text: string): string[] {
  return words(text).filter((x) => x.length > 1 && x.length < 40);
}

function hashWord(w: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function hashPair(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Counts over `source` (called once per pass; each call must yield the same decisions in the same
 * order). Keeps up to `maxFeatures` features seen in at least two comments.
 */
export function countFeatures(source: () => Iterable<LabelledText>, maxFeatures: number, onPass?: (pass: 1 | 2) => void): FeatureCounts {
  onPass?.(1);
  // One bucket is three adjacent slots (the last comment that counted it, spam, ham): a feature
  // costs one cache miss, not three. The table's random access is most of this pass's time.
  const table = new Int32Array((MASK + 1) * 3);
  const docs = { spam: 0, ham: 0 };
  let doc = 0;
  const count = (b: number, cls: number) => {
    const at = b * 3;
    if (table[at] !== doc) {
      table[at] = doc;
      table[at + cls]++;
    }
  };
  for (const d of source()) {
    doc++;
    const cls = d.spam ? 1 : 2;
    if (d.spam) docs.spam++;
    else docs.ham++;
    const w = featureWords(d.text);
    let prev = 0;
    for (let i = 0; i < w.length; i++) {
      const h = hashWord(w[i]);
      count(h & MASK, cls);
      if (i > 0) count(hashPair(prev, h) & MASK, cls);
      prev = h;
    }
  }
  const total = (b: number) => table[b * 3 + 1] + table[b * 3 + 2];

  // Candidates: the buckets of the most frequent counts, a margin above the cap, seen twice or more.
  const want = Math.ceil(maxFeatures * 1.5);
  const hist = new Int32Array(doc + 2);
  for (let b = 0; b <= MASK; b++) {
    const n = total(b);
    if (n >= 2) hist[n]++;
  }
  let floor = 2;
  for (let n = doc + 1, seen = 0; n >= 2; n--) {
    seen += hist[n];
    if (seen >= want) {
      floor = n;
      break;
    }
  }
  // Each candidate bucket gets a slot whose feature is the first seen in it in this pass (a word,
  // or a pair as its two words, compared without building the pair's text); a colliding feature
  // seen later in the same bucket is counted apart, by its text.
  const slotOf = new Int32Array(MASK + 1).fill(-1);
  let slots = 0;
  for (let b = 0; b <= MASK; b++) if (total(b) >= floor) slotOf[b] = slots++;
  const first = new Array<string | undefined>(slots);
  const second = new Array<string | undefined>(slots);
  const slotSpam = new Int32Array(slots);
  const slotHam = new Int32Array(slots);
  const slotStamp = new Int32Array(slots);
  const others = new Map<string, ClassCounts>();
  const othersInDoc = new Set<string>();
  doc = 0;
  onPass?.(2);
  const see = (slot: number, a: string, b: string | undefined, spam: boolean) => {
    if (first[slot] === undefined) (first[slot] = a), (second[slot] = b);
    if (first[slot] === a && second[slot] === b) {
      if (slotStamp[slot] === doc) return;
      slotStamp[slot] = doc;
      if (spam) slotSpam[slot]++;
      else slotHam[slot]++;
      return;
    }
    const f = b === undefined ? a : `${a} ${b}`;
    if (othersInDoc.has(f)) return;
    othersInDoc.add(f);
    const c = others.get(f) ?? others.set(f, { spam: 0, ham: 0 }).get(f)!;
    if (spam) c.spam++;
    else c.ham++;
  };
  for (const d of source()) {
    doc++;
    othersInDoc.clear();
    const w = featureWords(d.text);
    let prev = 0;
    for (let i = 0; i < w.length; i++) {
      const h = hashWord(w[i]);
      let slot = slotOf[h & MASK];
      if (slot >= 0) see(slot, w[i], undefined, d.spam);
      if (i > 0 && (slot = slotOf[hashPair(prev, h) & MASK]) >= 0) see(slot, w[i - 1], w[i], d.spam);
      prev = h;
    }
  }
  const exact: [string, ClassCounts][] = [...others];
  for (let slot = 0; slot < slots; slot++) {
    const a = first[slot];
    if (a !== undefined) exact.push([second[slot] === undefined ? a : `${a} ${second[slot]}`, { spam: slotSpam[slot], ham: slotHam[slot] }]);
  }
  const kept = exact
    .filter(([, c]) => c.spam + c.ham >= 2)
    .sort((a, b) => b[1].spam + b[1].ham - (a[1].spam + a[1].ham) || (a[0] < b[0] ? -1 : 1))
    .slice(0, maxFeatures);
  return { docs, kept };
}
