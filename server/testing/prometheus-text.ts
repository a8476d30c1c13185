/**
 * A strict reader of the Prometheus text exposition format (version 0.0.4), for tests: every line
 * is a HELP, a TYPE or a sample of a declared family; label values are quoted and escaped; values
 * are numbers; a histogram's buckets rise, end at le="+Inf", and that bucket equals its _count.
 */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const SAMPLE = new RegExp(`^(${NAME})(?:\\{(.*)\\})? (\\S+)(?: (-?\\d+))?$`);
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\["\\n])*)"(?:,|$)/y;

export function parsePrometheusText(text: string): Sample[] {
  if (!text.endsWith('\n')) throw new Error('the exposition must end with a newline');
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  for (const [i, line] of text.slice(0, -1).split('\n').entries()) {
    const where = `line ${i + 1} ("${line}")`;
    if (line === '') continue;
    const meta = new RegExp(`^# (HELP|TYPE) (${NAME}) (.*)$`).exec(line);
    if (meta) {
      if (meta[1] === 'TYPE') {
        if (!['counter', 'gauge', 'histogram', 'summary', 'untyped'].includes(meta[3])) throw new Error(`${where}: unknown type`);
        if (types.has(meta[2])) throw new Error(`${where}: a second TYPE for ${meta[2]}`);
        types.set(meta[2], meta[3]);
      }
      continue;
    }
    if (line.startsWith('#')) continue;
    const m = SAMPLE.exec(line);
    if (!m) throw new Error(`${where}: not a sample`);
    const labels: Record<string, string> = {};
    if (m[2]) {
      LABEL.lastIndex = 0;
      while (LABEL.lastIndex < m[2].length) {
        const l = LABEL.exec(m[2]);
        if (!l) throw new Error(`${where}: bad labels`);
        labels[l[1]] = l[2].replace(/\\n/g, '\n').replace(/\\(["\\])/g, '$1');
      }
    }
    const value = m[3] === '+Inf' ? Infinity : m[3] === '-Inf' ? -Infinity : m[3] === 'NaN' ? NaN : Number(m[3]);
    if (!/^(?:[+-]?(?:\d+\.?\d*(?:e[+-]?\d+)?|\.\d+)|[+-]Inf|NaN)$/i.test(m[3])) throw new Error(`${where}: value is not a number`);
    const family = [m[1], m[1].replace(/_(bucket|sum|count)$/, '')].find((n) => types.has(n));
    if (!family) throw new Error(`${where}: ${m[1]} has no TYPE line`);
    samples.push({ name: m[1], labels, value });
  }
  for (const [family, type] of types) {
    if (type !== 'histogram') continue;
    // One histogram per label set (le aside): prom-client's GC histogram has one per kind.
    const key = (s: Sample) => JSON.stringify(Object.entries(s.labels).filter(([k]) => k !== 'le').sort());
    const series = new Map<string, Sample[]>();
    for (const b of samples.filter((s) => s.name === `${family}_bucket`)) series.set(key(b), [...(series.get(key(b)) ?? []), b]);
    for (const [labels, buckets] of series) {
      const count = samples.find((s) => s.name === `${family}_count` && key(s) === labels);
      if (!count) throw new Error(`histogram ${family} ${labels} has no count`);
      for (let i = 1; i < buckets.length; i++) {
        if (Number(buckets[i].labels.le) < Number(buckets[i - 1].labels.le) || buckets[i].value < buckets[i - 1].value) throw new Error(`histogram ${family}: buckets do not rise`);
      }
      const last = buckets.at(-1)!;
      if (last.labels.le !== '+Inf' || last.value !== count.value) throw new Error(`histogram ${family}: the +Inf bucket must equal the count`);
    }
  }
  return samples;
}
