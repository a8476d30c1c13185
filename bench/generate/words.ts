/**
 * Vocabulary for generated prose. The words are the kind a health-policy guest blog uses, so
 * word lengths, FTS token counts and search hit rates look like real posts rather than lorem ipsum.
 */
import type { Rng } from './prng';

export const WORDS = (
  'the of and to in a is that for on with as are was by be this it from at or an have which their ' +
  'patients care health services staff hospital clinical community practice policy funding evidence ' +
  'research data system primary nurses doctors public trust waiting times outcomes quality safety ' +
  'workforce training budget pressure winter demand access digital records pharmacy mental wellbeing ' +
  'carers families local national council integrated prevention screening diagnosis treatment surgery ' +
  'emergency ambulance discharge social beds capacity planning reform review inquiry report findings ' +
  'survey interviews programme pilot scheme targets performance measures improvement leadership ' +
  'culture learning teams colleagues volunteers charity partnership commissioners providers contracts ' +
  'regulation inspection standards guidance framework strategy priorities investment costs savings ' +
  'productivity technology innovation equipment buildings estates transport rural urban deprivation ' +
  'inequality children older people disability cancer dementia diabetes stroke asthma vaccination ' +
  'general practice appointments telephone online consultation continuity relationships trust listening ' +
  'experience voices stories lessons change progress challenges barriers solutions priorities future ' +
  'would could should might must will can may often rarely always never still already perhaps however ' +
  'because although while when where between across within without during after before under over ' +
  'we they our them these those many most some more fewer less better worse new old long short first last'
).split(' ');

export const FIRST_NAMES = [
  'Amira', 'Ben', 'Chloe', 'Dev', 'Eilidh', 'Farhan', 'Grace', 'Hamish', 'Ifeoma', 'Jonah', 'Kiran', 'Lowri',
  'Mateusz', 'Niamh', 'Oluwaseun', 'Priya', 'Quentin', 'Rhiannon', 'Sanjay', 'Tomasz', 'Uma', 'Vikram', 'Wen',
  'Xavier', 'Yasmin', 'Zoë', 'Siân', 'José', 'Łucja', 'Ngozi',
];
export const LAST_NAMES = [
  'Adeyemi', 'Brennan', 'Chowdhury', 'Davies', 'Evans', 'Fitzgerald', 'Gallagher', 'Hughes', 'Iqbal', 'Jones',
  'Kowalski', 'Lindqvist', 'MacLeod', 'Nowak', "O'Brien", 'Patel', 'Quinn', 'Rahman', 'Singh', 'Thomas',
  'Usman', 'Vaughan', 'Williams', 'Xu', 'Young', 'Zielińska', 'Ó Súilleabháin', 'Müller',
];
export const ROLES = ['Chief executive', 'Ward sister', 'GP partner', 'Policy analyst', 'Researcher', 'Patient advocate', 'Director of nursing', 'Pharmacist', 'Carer', 'Paramedic'];
export const ORGANISATIONS = ['Riverside NHS Trust', 'Northgate Practice', 'Carers Network', 'Institute for Care Research', 'Valley Hospice', 'City Council', 'Patients Together', 'Health Policy Unit'];

const SYLLABLES = ['ba', 'ker', 'lo', 'mi', 'nor', 'ta', 'ven', 'sil', 'dra', 'po', 'ru', 'cha', 'fen', 'gal', 'is', 'tor', 'ma', 'quin', 'ber', 'ol'];

/**
 * The long tail of a real vocabulary: 20,000 rarer words (place names, drugs, surnames, jargon in
 * real posts), so a search for a distinctive word finds a few posts rather than all of them.
 */
export const TAIL: string[] = (() => {
  const out: string[] = [];
  for (let i = 0; out.length < 20_000; i++) {
    let n = i;
    let w = '';
    do {
      w += SYLLABLES[n % SYLLABLES.length];
      n = Math.floor(n / SYLLABLES.length);
    } while (n > 0);
    if (w.length >= 5) out.push(w);
  }
  return out;
})();

export function word(rng: Rng): string {
  // One word in ten comes from the long tail, itself skewed so some tail words are commoner.
  if (rng.next() < 0.1) return TAIL[Math.floor(Math.pow(rng.next(), 1.5) * TAIL.length)];
  // Zipf-like: the short function words at the front come up far more often.
  const i = Math.floor(Math.pow(rng.next(), 2.2) * WORDS.length);
  return WORDS[i];
}

export function words(rng: Rng, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(word(rng));
  return out;
}

export function sentence(rng: Rng, n: number): string {
  const w = words(rng, n);
  w[0] = w[0][0].toUpperCase() + w[0].slice(1);
  return w.join(' ') + rng.pick(['.', '.', '.', '.', '?', '!']);
}

export function title(rng: Rng, n = rng.int(4, 9)): string {
  return words(rng, n)
    .map((w, i) => (i === 0 || w.length > 3 ? w[0].toUpperCase() + w.slice(1) : w))
    .join(' ');
}

export function personName(rng: Rng): string {
  return `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
}
