import { describe, expect, it } from 'vitest';
import { countFeatures, featureWords, type LabelledText } from './feature-counts';
import { seededRandom } from '../random';

/** The plain one-pass count the two-pass hashed count must equal: every feature as text in a map. */
function reference(docs: LabelledText[], maxFeatures: number) {
  const m = new Map<string, { spam: number; ham: number }>();
  for (const d of docs) {
    const w = featureWords(d.text);
    const f = new Set<string>(w);
    for (let i = 1; i < w.length; i++) f.add(`${w[i - 1]} ${w[i]}`);
    for (const x of f) {
      const c = m.get(x) ?? m.set(x, { spam: 0, ham: 0 }).get(x)!;
      if (d.spam) c.spam++;
      else c.ham++;
    }
  }
  return [...m]
    .filter(([, c]) => c.spam + c.ham >= 2)
    .sort((a, b) => b[1].spam + b[1].ham - (a[1].spam + a[1].ham) || (a[0] < b[0] ? -1 : 1))
    .slice(0, maxFeatures);
}

function corpus(n: number, vocabulary: number, seed: number): LabelledText[] {
  const rnd = seededRandom(seed);
  const vocab = Array.from({ length: vocabulary }, (_, i) => `w${i.toString(36)}`);
  return Array.from({ length: n }, () => {
    const spam = rnd() < 0.3;
    // Zipf-like: a few words common, most rare; spam leans to the low end of the vocabulary.
    const words = Array.from({ length: 5 + Math.floor(rnd() * 30) }, () => vocab[Math.floor(vocabulary * rnd() ** (spam ? 4 : 2))]);
    return { spam, text: words.join(' ') };
  });
}

describe('counting features in two passes', () => {
  it('equals a plain count of every feature when the kept features fit under the cap', () => {
    const docs = corpus(2000, 3000, 1);
    const { kept, docs: n } = countFeatures(() => docs, 1_000_000);
    expect(kept).toEqual(reference(docs, 1_000_000));
    expect(n).toEqual({ spam: docs.filter((d) => d.spam).length, ham: docs.filter((d) => !d.spam).length });
  });

  it('keeps exact counts and nearly the same top features above the cap, the same way every time', () => {
    const docs = corpus(5000, 20_000, 2);
    const cap = 500;
    const a = countFeatures(() => docs, cap);
    expect(countFeatures(() => [...docs], cap)).toEqual(a);
    const ref = new Map(reference(docs, 1_000_000));
    // Every count is the feature's exact count; the chosen ones are the most frequent but for ties at the margin.
    for (const [f, c] of a.kept) expect(ref.get(f)).toEqual(c);
    const top = reference(docs, cap).map(([f]) => f);
    const chosen = new Set(a.kept.map(([f]) => f));
    expect(top.filter((f) => chosen.has(f)).length).toBeGreaterThanOrEqual(cap * 0.98);
  });
});
