/** The people list becoming the workspace's members: ids shared by every laptop, merges by e-mail, nothing lost. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../connection';
import { assignPost, myWork } from './planning';
import { createPost } from './posts';
import { deletePerson, getMe, listPeople, savePerson, setMe } from './people';
import { applyMembers, forgetMemberRoles, type WorkspaceMember } from './people-members';

const TODAY = '2026-12-06';
const ANN: WorkspaceMember = { id: '0190a0b2-7c1d-7000-8000-0000000000a1', name: 'Ann Smith', email: 'ann@example.org', role: 'series-manager' };
const ED: WorkspaceMember = { id: '0190a0b2-7c1d-7000-8000-0000000000e1', name: 'Ed Itor', email: '', role: 'editor' };

let dir: string;
let db: DB;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-people-members-'));
  db = openDatabase(path.join(dir, 'w.sqlite'));
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** What joining records; the mapping reads only who "me" is from it. */
const join = (memberId: string) =>
  db.prepare("INSERT INTO sync_workspace (id, url, member_id, member_name, role, token_sealed, joined_at) VALUES (1, 'ws://team', ?, 'x', 'editor', x'00', ?)").run(memberId, TODAY);

const person = (id: string) => db.prepare('SELECT name, email, member_id, member_role, deleted_at FROM people WHERE id = ?').get(id);
const owners = () => db.prepare('SELECT title, owner_id AS owner, reviewer_id AS reviewer FROM posts ORDER BY title').all();

describe('people as the workspace members', () => {
  it('merges the local person with a member\'s e-mail into that member, repointing every owner, reviewer and "me"', () => {
    const local = savePerson(db, { name: 'Ann S.', email: 'ANN@example.org' });
    const bo = savePerson(db, { name: 'Bo Local', email: 'bo@example.org' });
    const p1 = createPost(db, { title: 'One' });
    const p2 = createPost(db, { title: 'Two' });
    assignPost(db, { postId: p1.id, ownerId: local.id, reviewerId: bo.id }, TODAY);
    assignPost(db, { postId: p2.id, ownerId: bo.id, reviewerId: local.id }, TODAY);
    setMe(db, local.id);
    join(ANN.id);

    const applied = applyMembers(db, [ANN, ED], ANN.id);

    expect(applied).toEqual({ added: 2, changed: 0, merged: [{ from: local.id, into: ANN.id }], gone: 0 });
    expect(owners()).toEqual([
      { title: 'One', owner: ANN.id, reviewer: bo.id },
      { title: 'Two', owner: bo.id, reviewer: ANN.id },
    ]);
    // The member's person has the member's id, so it is the same person on every laptop.
    expect(person(ANN.id)).toEqual({ name: 'Ann Smith', email: 'ann@example.org', member_id: ANN.id, member_role: 'series-manager', deleted_at: null });
    // The merged row is kept (soft-deleted), and Bo, who is no member, stays a local person.
    expect(person(local.id)).toMatchObject({ name: 'Ann S.', email: 'ANN@example.org', deleted_at: expect.any(String) });
    expect(listPeople(db).map((p) => [p.name, p.memberRole])).toEqual([['Ann Smith', 'series-manager'], ['Bo Local', null], ['Ed Itor', 'editor']]);
    expect(getMe(db)?.id).toBe(ANN.id);
    expect(myWork(db, TODAY).items.map((i) => [i.post.title, i.roles])).toEqual([['One', ['owner']], ['Two', ['reviewer']]]);
  });

  it('changes nothing when applied again, follows renames, new and revoked members, and keeps everyone after leaving', () => {
    join(ED.id);
    applyMembers(db, [ANN, ED], ED.id);
    const before = db.prepare('SELECT * FROM people ORDER BY id').all();
    expect(applyMembers(db, [ANN, ED], ED.id)).toEqual({ added: 0, changed: 0, merged: [], gone: 0 });
    expect(db.prepare('SELECT * FROM people ORDER BY id').all()).toEqual(before);

    const cy: WorkspaceMember = { id: '0190a0b2-7c1d-7000-8000-0000000000c1', name: 'Cy New', email: 'cy@example.org', role: 'reviewer' };
    // Ann is revoked, Ed renamed and given an address, Cy invited later; Flo was revoked before this laptop joined.
    const flo: WorkspaceMember = { id: '0190a0b2-7c1d-7000-8000-0000000000f1', name: 'Flo Former', email: 'ed@example.org', role: 'editor', active: false };
    expect(applyMembers(db, [{ ...ANN, active: false }, { ...ED, name: 'Ed Itorial', email: 'ed@example.org' }, cy, flo], ED.id)).toEqual({ added: 2, changed: 1, merged: [], gone: 1 });
    // Former members stay people (posts may still name them), with no role; Flo's old address is Ed's now.
    expect(listPeople(db).map((p) => [p.name, p.email, p.memberRole])).toEqual([
      ['Ann Smith', 'ann@example.org', null],
      ['Cy New', 'cy@example.org', 'reviewer'],
      ['Ed Itorial', 'ed@example.org', 'editor'],
      ['Flo Former', '', null],
    ]);

    forgetMemberRoles(db);
    db.prepare('DELETE FROM sync_workspace').run();
    expect(listPeople(db).map((p) => [p.name, p.memberRole, p.memberId !== null])).toEqual([['Ann Smith', null, true], ['Cy New', null, true], ['Ed Itorial', null, true], ['Flo Former', null, true]]);
    // A local list again: people can be renamed and "me" chosen.
    expect(savePerson(db, { id: cy.id, name: 'Cy Newer', email: 'cy@example.org' }).name).toBe('Cy Newer');
    expect(setMe(db, cy.id)?.name).toBe('Cy Newer');
  });

  it('never takes two members who swap addresses for a merge', () => {
    const ann = { ...ANN, email: 'one@example.org' };
    const ed = { ...ED, email: 'two@example.org' };
    join(ED.id);
    applyMembers(db, [ann, ed], ED.id);
    expect(applyMembers(db, [{ ...ann, email: 'two@example.org' }, { ...ed, email: 'one@example.org' }], ED.id)).toMatchObject({ merged: [], changed: 2 });
    expect([person(ANN.id), person(ED.id)]).toMatchObject([{ email: 'two@example.org', deleted_at: null }, { email: 'one@example.org', deleted_at: null }]);
  });

  it('in a workspace, refuses to edit or remove a member, to assign a non-member, or to be someone else', () => {
    const bo = savePerson(db, { name: 'Bo Local', email: 'bo@example.org' });
    const post = createPost(db, { title: 'One' });
    join(ED.id);
    applyMembers(db, [ANN, ED], ED.id);
    const before = { people: db.prepare('SELECT * FROM people ORDER BY id').all(), posts: owners(), me: getMe(db)?.id };

    expect(() => savePerson(db, { id: ANN.id, name: 'Annie', email: 'ann@example.org' })).toThrow(/Ann Smith is a member of the team workspace, so their name and e-mail address are set on the team server/);
    expect(() => deletePerson(db, ED.id)).toThrow(/Ed Itor is a member of the team workspace/);
    expect(() => assignPost(db, { postId: post.id, ownerId: bo.id }, TODAY)).toThrow(/Bo Local is not a member of the team workspace.*invite Bo Local with bo@example.org; nothing was changed/);
    expect(() => setMe(db, ANN.id)).toThrow(/"me" is the member this laptop joined as, Ed Itor/);
    expect(() => savePerson(db, { name: 'Ann Twin', email: 'Ann@Example.org' })).toThrow(/already Ann Smith's address/);
    expect({ people: db.prepare('SELECT * FROM people ORDER BY id').all(), posts: owners(), me: getMe(db)?.id }).toEqual(before);

    expect(assignPost(db, { postId: post.id, ownerId: ANN.id, reviewerId: ED.id }, TODAY)).toMatchObject({ ownerId: ANN.id, reviewerId: ED.id });
  });
});
