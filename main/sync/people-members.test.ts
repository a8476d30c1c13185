/**
 * "In a workspace, the people are the members" with two laptops (real SQLite files) and a real
 * team server process: people mapped on join and on sync, merges by e-mail, owners and reviewers
 * travelling, a non-member kept on the laptop that knows them, and everyone kept after leaving.
 */
import { describe, expect, it } from 'vitest';
import { getMe, listPeople, savePerson } from '../../db/repos/people';
import { assignPost, myWork, planPost } from '../../db/repos/planning';
import { createPost } from '../../db/repos/posts';
import { invite, workbench } from './testing/team-server-process';
import { useSyncTestKit } from './testing/laptops';
import { joinWorkspace, leaveWorkspace, listRefused, openSession, syncWorkspace } from './workspace';
import { keepMembersFresh, stopMembersFresh } from './member-directory';
import type { Laptop } from './testing/laptops';

const kit = useSyncTestKit();
const TODAY = '2026-12-06';
const sync = (l: Laptop) => syncWorkspace(l.db, kit.vault(), 30_000);
const people = (l: Laptop) => listPeople(l.db).map((p) => `${p.name} <${p.email}> ${p.memberRole ?? 'local'}`);

describe('people as the workspace members, two laptops', { timeout: 240_000 }, () => {
  it('maps each laptop\'s people to the members, and a post A gives to B\'s member is in B\'s My work after sync', async () => {
    const data = kit.dir();
    const [annToken, edToken] = invite(data, ['Ann Admin', 'admin', 'ann@example.org'], ['Ed Itor', 'editor', 'ed@example.org']);
    const server = await kit.server(data);

    // A, before joining: Ed known by his address under another name, and Bo, who is no member.
    const a = kit.laptop('a');
    const edLocal = savePerson(a.db, { name: 'Edward', email: 'ED@example.org' });
    const bo = savePerson(a.db, { name: 'Bo Local', email: 'bo@example.org' });
    const first = createPost(a.db, { title: 'First post' });
    const second = createPost(a.db, { title: 'Second post' });
    assignPost(a.db, { postId: first.id, ownerId: edLocal.id }, TODAY);
    assignPost(a.db, { postId: second.id, reviewerId: bo.id }, TODAY);
    const joined = await joinWorkspace(a.db, kit.vault(), { url: server.url, token: annToken });
    const ed = listPeople(a.db).find((p) => p.name === 'Ed Itor')!;
    expect(ed.id).toBe(ed.memberId);
    expect(getMe(a.db)?.id).toBe(joined.member!.id);
    expect(people(a)).toEqual(['Ann Admin <ann@example.org> admin', 'Bo Local <bo@example.org> local', 'Ed Itor <ed@example.org> editor']);
    expect(planPost(a.db, first.id, TODAY).ownerId).toBe(ed.id);
    await sync(a);
    // Bo is known on A only: the reviewer stays there, listed with the reason, and nothing waits on it.
    expect(listRefused(a.db)).toEqual([expect.objectContaining({ table: 'posts', rowId: second.id, field: 'reviewer_id', reason: expect.stringMatching(/^Bo Local is not a member of the workspace/) })]);

    // B joins with its own list: Ann under her address, and someone local.
    const b = kit.laptop('b');
    savePerson(b.db, { name: 'A. Admin', email: 'ann@example.org' });
    savePerson(b.db, { name: 'Cleo Local', email: '' });
    await joinWorkspace(b.db, kit.vault(), { url: server.url, token: edToken });
    await sync(b);
    expect(people(b)).toEqual(['Ann Admin <ann@example.org> admin', 'Cleo Local <> local', 'Ed Itor <ed@example.org> editor']);
    // The same person on both laptops: the same id.
    expect(listPeople(b.db).filter((p) => p.memberRole).map((p) => p.id)).toEqual(listPeople(a.db).filter((p) => p.memberRole).map((p) => p.id));
    expect(getMe(b.db)?.id).toBe(ed.id);
    expect(myWork(b.db, TODAY).items.map((i) => [i.post.title, i.roles])).toEqual([['First post', ['owner']]]);
    expect(planPost(b.db, second.id, TODAY).reviewerId).toBeNull();

    // A gives B's member the second post; after both sync, B's My work lists it.
    assignPost(a.db, { postId: second.id, ownerId: ed.id }, TODAY);
    await sync(a);
    await sync(b);
    expect(myWork(b.db, TODAY).items.map((i) => [i.post.title, i.roles])).toEqual([['First post', ['owner']], ['Second post', ['owner']]]);

    // A member invited later is in everyone's list after their next sync.
    const invited = workbench(['sync-server', 'invite', '--data', data, '--name', 'Cy New', '--email', 'cy@example.org', '--role', 'reviewer']);
    expect(invited.status, invited.stderr).toBe(0);
    await sync(b);
    expect(people(b)).toContain('Cy New <cy@example.org> reviewer');

    // Cy reviews the first post, then is revoked: a laptop joining afterwards still knows who that is.
    await sync(a);
    const cy = listPeople(a.db).find((p) => p.name === 'Cy New')!;
    assignPost(a.db, { postId: first.id, reviewerId: cy.id }, TODAY);
    await sync(a);
    const [deeToken] = invite(data, ['Dee Late', 'series-manager', 'dee@example.org']);
    expect(workbench(['sync-server', 'revoke', 'Cy New', '--data', data]).status).toBe(0);
    const c = kit.laptop('c');
    await joinWorkspace(c.db, kit.vault(), { url: server.url, token: deeToken });
    await sync(c);
    expect(planPost(c.db, first.id, TODAY)).toMatchObject({ ownerId: ed.id, reviewerId: cy.id });
    expect(people(c)).toEqual(['Ann Admin <ann@example.org> admin', 'Cy New <cy@example.org> local', 'Dee Late <dee@example.org> series-manager', 'Ed Itor <ed@example.org> editor']);

    // After leaving, A keeps everyone as a local list, and the owners with them.
    leaveWorkspace(a.db);
    expect(people(a)).toEqual(['Ann Admin <ann@example.org> local', 'Bo Local <bo@example.org> local', 'Cy New <cy@example.org> local', 'Ed Itor <ed@example.org> local']);
    expect(planPost(a.db, second.id, TODAY)).toMatchObject({ ownerId: ed.id, reviewerId: bo.id });
  });

  it('while the app keeps its live session, a member invited later appears without a sync', async () => {
    const data = kit.dir();
    const [annToken] = invite(data, ['Ann Admin', 'admin', 'ann@example.org']);
    const server = await kit.server(data);
    const a = kit.laptop('a');
    await joinWorkspace(a.db, kit.vault(), { url: server.url, token: annToken });
    const session = openSession(a.db, kit.vault());
    session.startLive();
    keepMembersFresh(a.db, kit.vault(), session);
    try {
      expect(workbench(['sync-server', 'invite', '--data', data, '--name', 'Cy New', '--role', 'reviewer']).status).toBe(0);
      const end = Date.now() + 40_000;
      while (!people(a).includes('Cy New <> reviewer') && Date.now() < end) await new Promise((r) => setTimeout(r, 200));
      expect(people(a)).toEqual(['Ann Admin <ann@example.org> admin', 'Cy New <> reviewer']);
    } finally {
      stopMembersFresh(session);
      session.close();
    }
  });
});
