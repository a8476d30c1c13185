import { z } from 'zod';
import { CalendarDate, Id, Slug } from '../domain';
import { isCalendarDate } from '../series/dates';
import { mutation } from './method';

export const demoApi = {
  'demo.load': mutation(
    'Loads the demo content: a real guest blog page as a draft with its five reader comments, third in a planned series of five. Loading it again changes nothing and returns what is there.',
    z.object({ today: CalendarDate.refine(isCalendarDate, 'no such day in the calendar').optional() }).strict(),
    z.object({ created: z.boolean(), postId: Id, postSlug: Slug, seriesId: Id, seriesSlug: Slug, comments: z.number().int().nonnegative() }),
  ),
};
