import type { Handlers } from '../../common/api';
import type { Ctx } from '../context';
import { deletePerson, getMe, listPeople, savePerson, setMe } from '../../db/repos/people';

type PeopleMethods = 'people.list' | 'people.save' | 'people.delete' | 'people.me' | 'people.setMe';

export const peopleHandlers: Pick<Handlers<Ctx>, PeopleMethods> = {
  'people.list': (_input, ctx) => listPeople(ctx.db),
  'people.save': (input, ctx) => savePerson(ctx.db, input),
  'people.delete': (input, ctx) => deletePerson(ctx.db, input.id),
  'people.me': (_input, ctx) => getMe(ctx.db),
  'people.setMe': (input, ctx) => setMe(ctx.db, input.id),
};
