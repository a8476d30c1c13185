import type { Handlers } from '../../common/api';
import type { Ctx } from '../context';
import { assignPost, markSeen, myWork, planFacets, plannedPosts, planPost, planView, setPlannedDate } from '../../db/repos/planning';
import { planCsv, planIcs } from '../exporters/plan-export';
import { seriesToday } from './series';

type PlanningMethods = 'planning.view' | 'planning.facets' | 'planning.setDate' | 'planning.post' | 'planning.assign' | 'planning.export' | 'planning.myWork' | 'planning.markSeen';

export const planningHandlers: Pick<Handlers<Ctx>, PlanningMethods> = {
  'planning.view': (input, ctx) => planView(ctx.db, input.from, input.to, input.filter, seriesToday(input.today), input.tray),
  'planning.facets': (_input, ctx) => planFacets(ctx.db),
  'planning.setDate': (input, ctx) => setPlannedDate(ctx.db, input.postId, input.plannedDate, seriesToday()),
  'planning.post': (input, ctx) => planPost(ctx.db, input.postId, seriesToday()),
  'planning.assign': (input, ctx) => assignPost(ctx.db, input, seriesToday()),
  'planning.export': (input, ctx) => {
    const posts = plannedPosts(ctx.db, input.from, input.to, input.filter, seriesToday(input.today));
    const name = `plan-${input.from}-to-${input.to}`;
    return input.format === 'csv'
      ? { fileName: `${name}.csv`, mime: 'text/csv;charset=utf-8', text: planCsv(ctx.db, posts, seriesToday(input.today)) }
      : { fileName: `${name}.ics`, mime: 'text/calendar;charset=utf-8', text: planIcs(ctx.db, posts, seriesToday(input.today)) };
  },
  'planning.myWork': (input, ctx) => myWork(ctx.db, seriesToday(input.today)),
  'planning.markSeen': (_input, ctx) => markSeen(ctx.db),
};
