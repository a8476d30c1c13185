/**
 * Search terms as people type them: mostly a distinctive word (from the vocabulary's long tail),
 * sometimes a common topic word that matches most posts, two words, or a word start (prefix).
 */
import { mulberry32 } from '../generate/prng';
import { TAIL, WORDS } from '../generate/words';

export function searchTerms(count: number, seed: number): string[] {
  const rng = mulberry32(seed).fork(99);
  // Topic words only: the vocabulary starts with function words and ends with adverbs and pronouns.
  const common = WORDS.slice(WORDS.indexOf('patients'), WORDS.indexOf('would')).filter((w) => w.length > 4);
  const tail = () => TAIL[Math.floor(Math.pow(rng.next(), 1.5) * TAIL.length)];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 5;
    if (kind === 0) out.push(rng.pick(common));
    else if (kind === 1) out.push(`${tail()} ${tail()}`);
    else if (kind === 2) out.push(`${rng.pick(common)} ${tail()}`);
    else if (kind === 3) out.push(tail().slice(0, 5));
    else out.push(tail());
  }
  return out;
}

/** The words of a term, for the LIKE baseline (each must appear somewhere). */
export const termWords = (term: string) => term.split(/\s+/).filter(Boolean);
