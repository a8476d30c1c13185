/**
 * Offline co-editing of the 36,000-word bench draft: two and five members edit it at random
 * (seeded) while the server is down, then reconnect in a random order through the real team
 * server. Every member ends with the same text, every word each one typed is there exactly once,
 * and no paragraph appears twice. (Here beside the draft's generator: main/ may not import bench/.)
 */
import { describe, expect, it } from 'vitest';
import { longDraftState } from './generate/dataset';
import { mulberry32, type Rng } from './generate/prng';
import { FULL } from './lib/sizes';
import { createPost } from '../db/repos/posts';
import { bindEditor } from '../main/sync/body-binding';
import { BodyDocs } from '../main/sync/body-docs';
import { LocalDocs } from '../main/sync/local-docs';
import { rowText } from '../main/sync/testing/bodies';
import { useSyncTestKit } from '../main/sync/testing/laptops';
import { randomEdits, TOKEN } from '../main/sync/testing/random-edits';
import { invite } from '../main/sync/testing/team-server-process';
import { joinWorkspace, syncWorkspace } from '../main/sync/workspace';

const kit = useSyncTestKit();
const EDITS = 40;

function shuffled<T>(items: T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Paragraph lines (long enough to be unlikely twice by chance) that appear more than once. */
function repeated(text: string): string[] {
  const seen = new Map<string, number>();
  for (const line of text.split('\n')) if (line.length > 40) seen.set(line, (seen.get(line) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([l]) => l);
}

async function offlineEditing(clients: number, seed: number): Promise<void> {
  const data = kit.dir();
  const server = await kit.server(data);
  const members = Array.from({ length: clients }, (_, i): [string, string] => (i === 0 ? ['Ann Admin', 'admin'] : [`Editor ${i}`, 'editor']));
  const tokens = invite(data, ...members);
  const laptops = tokens.map((_, i) => kit.laptop(`member${i}`));
  const post = createPost(laptops[0]!.db, { title: 'The long draft', body: longDraftState(FULL) as never });
  const sync = (l: (typeof laptops)[number]) => syncWorkspace(l.db, kit.vault(), 180_000);
  for (const [i, l] of laptops.entries()) {
    await joinWorkspace(l.db, kit.vault(), { url: server.url, token: tokens[i]! });
    await sync(l);
  }
  const original = rowText(laptops[0]!.db, post.id);
  for (const l of laptops) expect(rowText(l.db, post.id)).toBe(original);

  server.child.kill('SIGKILL');
  await server.exited;
  const rng = mulberry32(seed);
  const typed: string[] = [];
  for (const [i, l] of laptops.entries()) {
    const docs = new LocalDocs(l.db);
    const bound = bindEditor(new BodyDocs(docs).open(post.id));
    typed.push(...randomEdits(bound.editor, rng.fork(i), i, EDITS));
    bound.close();
    docs.destroy();
  }

  await kit.server(data, server.port);
  for (const l of shuffled(laptops, rng)) await sync(l);
  for (const l of laptops) await sync(l);

  const final = rowText(laptops[0]!.db, post.id);
  for (const l of laptops) expect(rowText(l.db, post.id), l.name).toBe(final);
  const found = final.match(TOKEN) ?? [];
  expect(found.length).toBe(typed.length);
  expect(new Set(found)).toEqual(new Set(typed));
  expect(repeated(final)).toEqual(repeated(original));
}

describe('offline co-editing of the 36,000-word draft', { timeout: 900_000 }, () => {
  it('converges from two members editing offline at random, reconnecting in random order', async () => {
    await offlineEditing(2, 20261207);
  });

  it('converges from five members editing offline at random, reconnecting in random order', async () => {
    await offlineEditing(5, 7);
  });
});
