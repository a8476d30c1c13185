import { describe, expect, it } from 'vitest';
import { featureWords } from './feature-index';
import { crossValidate, indexDecisions, scoreText, shuffle, trainSpamModel, type TrainingDoc } from './spam-model';
import { seededRandom } from '../random';

/** The plain count the index must equal: every feature as text in a map, most frequent first, ties by text. */
function reference(docs: TrainingDoc[], maxFeatures: number) {
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

function corpus(n: number, vocabulary: number, seed: number): TrainingDoc[] {
  const rnd = seededRandom(seed);
  const vocab = Array.from({ length: vocabulary }, (_, i) => `w${i.toString(36)}`);
  return Array.from({ length: n }, () => {
    const spam = rnd() < 0.3;
    // Zipf-like: a few words common, most rare; spam leans to the low end of the vocabulary.
    const words = Array.from({ length: 5 + Math.floor(rnd() * 30) }, () => vocab[Math.floor(vocabulary * rnd() ** (spam ? 4 : 2))]);
    return { spam, text: words.join(' ') };
  });
}

describe('the feature index', () => {
  it('keeps exactly the most frequent features of a plain count, under the cap and above it', () => {
    const docs = corpus(5000, 20_000, 2);
    for (const cap of [1_000_000, 500]) {
      const index = indexDecisions(docs);
      const c = index.counts();
      const kept = index.select(c, cap).map((f) => [index.text(f), { spam: c.spam[f], ham: c.ham[f] }]);
      expect(kept).toEqual(reference(docs, cap));
      expect(c.docs).toEqual({ spam: docs.filter((d) => d.spam).length, ham: docs.filter((d) => !d.spam).length });
    }
  });

  it('cuts each text into its words and pairs once, words first, in order of appearance', () => {
    const index = indexDecisions([{ text: 'Cheap meds, cheap meds now', spam: true }]);
    expect([...index.row(0)].map((f) => index.text(f))).toEqual(['cheap', 'meds', 'now', 'cheap meds', 'meds cheap', 'meds now']);
    expect(index.isSpam(0)).toBe(true);
  });

  it('cross-validates by subtracting a fold\'s counts exactly as training a model on the other folds and scoring the held-out texts', () => {
    const docs = corpus(1500, 4000, 5);
    const k = 5;
    const seed = 11;
    const order = shuffle(docs.map((_, i) => i), seed);
    const expected: { score: number; spam: boolean }[] = [];
    for (let fold = 0; fold < k; fold++) {
      const test = order.filter((_, i) => i % k === fold);
      const held = new Set(test);
      const model = trainSpamModel(docs.filter((_, i) => !held.has(i)), { maxFeatures: 300 });
      for (const i of test) expected.push({ score: scoreText(model, docs[i].text, 0).score, spam: docs[i].spam });
    }
    expect(crossValidate(docs, k, seed, { maxFeatures: 300 })).toEqual(expected);
  });
});
