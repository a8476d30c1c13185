/**
 * People who own and review posts: one list (name, e-mail). In a team workspace the people are
 * its members; `memberId` is where the workspace records which member a person is.
 */
import { z } from 'zod';
import { Id, IsoTime, Line } from '../domain';
import { ROLES } from '../sync/documents';
import { mutation, query, type MethodSpec } from './method';

export const Person = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  memberId: z.string().nullable(),
  /** Their role while they are a member of the joined workspace; null for people known on this laptop only. */
  memberRole: z.enum(ROLES).nullable(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type Person = z.infer<typeof Person>;

const Email = Line(320).refine((v) => v === '' || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v), 'expected an e-mail address such as name@example.org');

export const peopleApi = {
  'people.list': query('Everyone who can own or review a post, by name.', z.object({}).strict(), z.array(Person)),
  'people.save': mutation(
    'Adds a person (no id) or changes one (id). An e-mail address belongs to one person only.',
    z.object({ id: Id.optional(), name: Line(200).trim().min(1, 'a person needs a name'), email: Email.default('') }).strict(),
    Person,
  ),
  'people.delete': mutation(
    'Removes a person; the posts they owned or reviewed keep no owner or reviewer.',
    z.object({ id: Id }).strict(),
    z.object({ id: Id }),
  ),
  'people.me': query('The person this app is used by ("me" in My work), or null when none is chosen.', z.object({}).strict(), Person.nullable()),
  'people.setMe': mutation('Chooses who "me" is in My work (null: nobody).', z.object({ id: Id.nullable() }).strict(), Person.nullable()),
} satisfies Record<string, MethodSpec>;
