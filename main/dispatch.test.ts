/**
 * The one door into the handlers: unknown methods, bad input, good input, and junk sent to every
 * method in the API. Junk is built from each method's own schema (as JSON Schema): a base input
 * that passes, then one field at a time made the wrong type or huge, plus unknown fields and
 * non-object inputs. Every one must come back BAD_INPUT: never ok, never INTERNAL, never a throw.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, METHODS, type Method } from '../common/api';
import { closeContext, createContext, type Ctx } from './context';
import { createDispatch, type Dispatch } from './dispatch';
import { handlers } from './handlers/index';

type Schema = Record<string, any>;

const HUGE = 'x'.repeat(2_000_001);
const KNOWN_PATTERNS: [RegExp, string][] = [
  [/\[0-9a-f\]\{8\}-/, '0190a000-0000-7000-8000-000000000001'],
  [/\\d\{4\}-\\d\{2\}-\\d\{2\}/, '2026-01-01'],
  [/\.sqlite\$/, 'a.sqlite'],
];

/** A value that satisfies the JSON Schema, as small as possible. */
function sample(s: Schema): unknown {
  if (s.anyOf) return sample(s.anyOf.find((b: Schema) => b.type !== 'null') ?? s.anyOf[0]);
  if (s.oneOf) return sample(s.oneOf[0]);
  if ('const' in s) return s.const;
  if (s.enum) return s.enum[0];
  if ('default' in s && s.default !== undefined) return s.default;
  switch (s.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? []) out[key] = sample(s.properties[key]);
      return out;
    }
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sample(s.items ?? {}));
    case 'string': {
      if (s.pattern) {
        const known = KNOWN_PATTERNS.find(([re]) => re.test(s.pattern));
        if (known) return known[1];
        const plain = 'a'.repeat(Math.max(1, s.minLength ?? 1));
        return new RegExp(s.pattern).test(plain) ? plain : 'a';
      }
      if (s.format === 'uri' || s.format === 'url') return 'https://example.org/';
      return 'a'.repeat(s.minLength ?? 0);
    }
    case 'integer':
    case 'number':
      return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return {};
  }
}

/**
 * The sample, or (for schemas with a cross-field rule such as "postId or title") the sample plus
 * the first optional field that makes it pass.
 */
function passingBase(method: Method, schema: Schema): unknown {
  const base = sample(schema);
  if (api[method].input.safeParse(base).success || typeof base !== 'object' || base === null) return base;
  const obj = branches(schema).find((b) => b.type === 'object' && b.properties);
  for (const [key, prop] of Object.entries((obj?.properties ?? {}) as Record<string, Schema>)) {
    const tried = { ...(base as object), [key]: sample(prop) };
    if (api[method].input.safeParse(tried).success) return tried;
  }
  return base;
}

function branches(s: Schema): Schema[] {
  return s.anyOf ?? s.oneOf ?? [s];
}

function wrongTypeFor(s: Schema): unknown {
  const types = new Set(branches(s).map((b) => b.type ?? (b.const !== undefined ? typeof b.const : b.enum ? 'string' : 'object')));
  if (!types.has('number') && !types.has('integer')) return 12345;
  if (!types.has('string')) return 'not-the-right-type';
  return { wrong: true };
}

interface Junk {
  label: string;
  input: unknown;
}

/** One bad variant per field: wrong type, and (for strings) a value far past any sane limit. */
function junkFor(schema: Schema, base: unknown, at: string[] = []): Junk[] {
  const out: Junk[] = [];
  const obj = branches(schema).find((b) => b.type === 'object' && b.properties);
  if (!obj || typeof base !== 'object' || base === null) return out;
  const set = (key: string, value: unknown) => {
    const copy = structuredClone(base) as Record<string, unknown>;
    copy[key] = value;
    return copy;
  };
  for (const [key, prop] of Object.entries(obj.properties as Record<string, Schema>)) {
    const where = [...at, key].join('.');
    out.push({ label: `${where}: wrong type`, input: set(key, wrongTypeFor(prop)) });
    if (branches(prop).some((b) => b.type === 'string' && !b.enum && b.const === undefined)) out.push({ label: `${where}: a 2 MB string`, input: set(key, HUGE) });
    if (branches(prop).some((b) => b.type === 'array')) out.push({ label: `${where}: 100,000 items`, input: set(key, Array.from({ length: 100_000 }, () => 'x')) });
    const nested = (base as Record<string, unknown>)[key];
    if (nested && typeof nested === 'object' && !Array.isArray(nested)) {
      for (const j of junkFor(prop, nested, [...at, key])) out.push({ label: j.label, input: set(key, j.input) });
    }
  }
  out.push({ label: 'an unknown field', input: { ...(base as object), zzUnknownField: 1 } });
  out.push({ label: 'a __proto__ field', input: JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(base).slice(1, -1) || '"x": 1'}}`) });
  return out;
}

const NOT_OBJECTS: Junk[] = [42, 'a string', true, [], [1, 2], -0.5].map((input) => ({ label: `input ${JSON.stringify(input)}`, input }));

/** Arrays whose items are free-form JSON on purpose (the editor's document tree), bounded by the request size instead. */
const FREE_FORM_ARRAYS = /(^|\.)body$|children/;

let dir: string;
let ctx: Ctx;
let dispatch: Dispatch;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-dispatch-'));
  ctx = createContext({ dbPath: path.join(dir, 'workbench.sqlite'), mode: 'cli' });
  dispatch = createDispatch(handlers, ctx, { checkOutput: true });
});

afterAll(() => {
  closeContext(ctx);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('dispatch', () => {
  it('refuses an unknown method, and names that only look like methods', async () => {
    for (const name of ['posts.nuke', '', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'posts.list ', 'POSTS.LIST']) {
      const r = await dispatch(name, {});
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(r.error.code, name).toBe('UNKNOWN_METHOD');
    }
    const notString = await dispatch(42 as unknown as string, {});
    expect(!notString.ok && notString.error.code).toBe('UNKNOWN_METHOD');
  });

  it('refuses bad input with BAD_INPUT naming the method and the field', async () => {
    const r = await dispatch('posts.update', { id: 'nope', baseRevision: -1 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('BAD_INPUT');
      expect(r.error.message).toMatch(/^posts\.update: /);
      expect(r.error.message).toMatch(/id: expected a UUID/);
      expect(r.error.message).toMatch(/baseRevision/);
    }
  });

  it('runs a good input and returns the handler result as data', async () => {
    const created = await dispatch('posts.create', { title: 'Through the door' });
    expect(created.ok).toBe(true);
    const id = created.ok ? (created.value as { id: string }).id : '';
    const got = await dispatch('posts.get', { id });
    expect(got).toMatchObject({ ok: true, value: { id, title: 'Through the door' } });
    const missing = await dispatch('posts.get', { id: '0190a000-0000-7000-8000-00000000dead' });
    expect(!missing.ok && missing.error.code).toBe('NOT_FOUND');
  });

  it('bounds every string and list field of every method (no unbounded input)', () => {
    const unbounded: string[] = [];
    const walk = (s: Schema, where: string) => {
      for (const b of branches(s)) {
        if (b.type === 'string' && b.maxLength === undefined && !b.pattern && !b.enum && b.const === undefined) unbounded.push(`${where}: string`);
        if (b.type === 'array' && b.maxItems === undefined && !FREE_FORM_ARRAYS.test(where)) unbounded.push(`${where}: array`);
        if (b.type === 'object') for (const [k, p] of Object.entries((b.properties ?? {}) as Record<string, Schema>)) walk(p, `${where}.${k}`);
        if (b.type === 'array' && b.items) walk(b.items, `${where}[]`);
      }
    };
    for (const m of METHODS) walk(z.toJSONSchema(api[m].input, { io: 'input', unrepresentable: 'any' }) as Schema, m);
    expect(unbounded).toEqual([]);
  });

  describe.each(METHODS.map((m) => [m]))('junk sent to %s', (method: Method) => {
    const schema = z.toJSONSchema(api[method].input, { io: 'input', unrepresentable: 'any' }) as Schema;
    const base = passingBase(method, schema);

    it('has a base input its schema accepts (so each junk case below changes one thing)', () => {
      const parsed = api[method].input.safeParse(base);
      expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);
    });

    it('answers every junk input with BAD_INPUT, never ok, INTERNAL or a throw', async () => {
      const wrong: string[] = [];
      for (const j of [...NOT_OBJECTS, ...junkFor(schema, base)]) {
        const r = await dispatch(method, j.input);
        const code = r.ok ? 'ok' : r.error.code;
        if (code !== 'BAD_INPUT') wrong.push(`${j.label} -> ${code}${r.ok ? '' : `: ${r.error.message.slice(0, 120)}`}`);
      }
      expect(wrong).toEqual([]);
    });
  });
});
