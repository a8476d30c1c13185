import { describe, expect, it } from 'vitest';
import { crossValidate, precisionRecall, scoreText, suggestThreshold, trainSpamModel, type TrainingDoc } from './spam-model';

const docs: TrainingDoc[] = [];
for (let i = 0; i < 60; i++) {
  docs.push({ spam: true, text: `Cheap meds online ${i}, buy now and win a prize at casino site ${i % 7}` });
  docs.push({ spam: false, text: `Thank you for the article on patient safety ${i}; our ward saw the same staffing trend ${i % 5}` });
}

describe('the spam model', () => {
  it('is the same, byte for byte, for the same decisions and seed', () => {
    const a = JSON.stringify(trainSpamModel(docs, { seed: 7, maxDocs: 100 }));
    const b = JSON.stringify(trainSpamModel([...docs], { seed: 7, maxDocs: 100 }));
    expect(a).toBe(b);
    // A different seed samples other decisions past the cap.
    expect(JSON.stringify(trainSpamModel(docs, { seed: 8, maxDocs: 100 }))).not.toBe(a);
  });

  it('scores spam high and a reader\'s comment low, and names the words behind the score', () => {
    const m = trainSpamModel(docs, { seed: 1 });
    const spam = scoreText(m, 'Buy cheap meds now');
    const ham = scoreText(m, 'Patient safety on the ward matters');
    expect(spam.score).toBeGreaterThan(0.9);
    expect(ham.score).toBeLessThan(0.1);
    expect(spam.words.map((w) => w.word)).toContain('cheap meds');
    expect(spam.words[0].weight).toBeGreaterThan(0);
  });

  it('cross-validates with seeded folds: each decision scored once by a model that never saw it', () => {
    const a = crossValidate(docs, 5, 3);
    expect(a).toHaveLength(docs.length);
    expect(crossValidate(docs, 5, 3)).toEqual(a);
    expect(precisionRecall(a, 0.5)).toEqual({ precision: 1, recall: 1 });
  });

  it('suggests no threshold when no score reaches the target precision, and measures no precision where nothing is caught', () => {
    // Labels the words cannot tell apart: at best a fifth of what scores high is spam.
    const noisy = Array.from({ length: 50 }, (_, i) => ({ score: 0.5 + (i % 10) / 20, spam: i % 5 === 0 }));
    expect(suggestThreshold(noisy)).toBeNull();
    expect(precisionRecall(noisy, 0.99)).toEqual({ recall: 0 });
    const clean = [...noisy.filter((x) => !x.spam).map((x) => ({ ...x, score: x.score / 2 })), ...noisy.filter((x) => x.spam).map((x) => ({ ...x, score: 0.97 }))];
    expect(suggestThreshold(clean)).toBe(0.97);
    expect(precisionRecall(clean, 0.97)).toEqual({ precision: 1, recall: 1 });
  });
});
