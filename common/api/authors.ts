/** Guest authors: the people a post's byline names, kept once and picked for many posts. */
import { z } from 'zod';
import { Author, Id, Line } from '../domain';
import { mutation, query, type MethodSpec } from './method';

/** What a person fills in for an author: the stored author without its id and timestamps. */
const AuthorFields = Author.omit({ id: true, createdAt: true, updatedAt: true }).shape;

export const authorsApi = {
  'authors.list': query(
    'Authors by name; `search` matches name, role and organisation.',
    z.object({ search: Line(200).optional(), limit: z.number().int().min(1).max(5000).default(500) }).strict(),
    z.array(Author),
  ),
  'authors.create': mutation(
    'A new author.',
    z
      .object({
        name: AuthorFields.name,
        role: AuthorFields.role.default(''),
        organisation: AuthorFields.organisation.default(''),
        bio: AuthorFields.bio.default(''),
        email: AuthorFields.email.default(''),
        url: AuthorFields.url.default(''),
      })
      .strict(),
    Author,
  ),
  'authors.update': mutation(
    "Changes an author's details; every post that names them shows the change.",
    z
      .object({
        id: Id,
        name: AuthorFields.name.optional(),
        role: AuthorFields.role.optional(),
        organisation: AuthorFields.organisation.optional(),
        bio: AuthorFields.bio.optional(),
        email: AuthorFields.email.optional(),
        url: AuthorFields.url.optional(),
      })
      .strict(),
    Author,
  ),
} satisfies Record<string, MethodSpec>;
