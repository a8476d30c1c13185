import type { Handlers } from '../../common/api';
import { todayFrom } from '../../common/series/dates';
import type { Ctx } from '../context';
import { assertChecklistAllows } from '../checklist-gate';
import { seriesPlanCsv } from '../exporters/series-plan-csv';
import { seriesPlanIcs } from '../exporters/series-plan-ics';
import {
  createSeries,
  getSeriesDetail,
  listSeries,
  planSeries,
  seriesContextOfPost,
  restoreSeries,
  trashSeries,
  updateSeries,
} from '../../db/repos/series';
import {
  addPostToSeries,
  commissionPost,
  movePostInSeries,
  removePostFromSeries,
  setPostDates,
  setPostStatus,
  transferPost,
} from '../../db/repos/series-posts';

type SeriesMethods =
  | 'series.list'
  | 'series.get'
  | 'series.forPost'
  | 'series.create'
  | 'series.update'
  | 'series.delete'
  | 'series.restore'
  | 'series.addPost'
  | 'series.movePost'
  | 'series.removePost'
  | 'series.transferPost'
  | 'series.setStatus'
  | 'series.commission'
  | 'series.setDate'
  | 'series.exportPlan'
  | 'series.plan';

/**
 * "Today" decides what is overdue. A query may pass `today`; otherwise WORKBENCH_TODAY (for
 * demos and reproducible CLI output) or the system clock, as a UTC date.
 */
export function seriesToday(given?: string): string {
  return given ?? process.env.WORKBENCH_TODAY ?? todayFrom(Date.now());
}

export const seriesHandlers: Pick<Handlers<Ctx>, SeriesMethods> = {
  'series.list': (input, ctx) => listSeries(ctx.db, { trash: input.trash, today: seriesToday(input.today) }),
  'series.get': ({ today, ...ref }, ctx) => getSeriesDetail(ctx.db, ref, seriesToday(today)),
  'series.forPost': (input, ctx) => seriesContextOfPost(ctx.db, input.postId, seriesToday(input.today)),
  'series.create': (input, ctx) => createSeries(ctx.db, input, seriesToday()),
  'series.update': (input, ctx) => updateSeries(ctx.db, input, seriesToday()),
  'series.delete': (input, ctx) => trashSeries(ctx.db, input.id),
  'series.restore': (input, ctx) => restoreSeries(ctx.db, input.id, seriesToday()),
  'series.addPost': (input, ctx) => addPostToSeries(ctx.db, input, seriesToday()),
  'series.movePost': (input, ctx) => movePostInSeries(ctx.db, input.postId, input.position, seriesToday()),
  'series.removePost': (input, ctx) => removePostFromSeries(ctx.db, input.postId, seriesToday()),
  'series.transferPost': (input, ctx) => transferPost(ctx.db, input.postId, input.seriesId, input.position, seriesToday()),
  'series.setStatus': (input, ctx) => {
    assertChecklistAllows(ctx.db, input.postId, { status: input.status, acceptWarnings: input.acceptWarnings });
    return setPostStatus(ctx.db, input.postId, input.status, seriesToday());
  },
  'series.commission': (input, ctx) => commissionPost(ctx.db, input, seriesToday()),
  'series.setDate': (input, ctx) => setPostDates(ctx.db, input.postId, input.plannedDate, input.deadline, seriesToday()),
  'series.exportPlan': ({ today, format, ...ref }, ctx) => {
    const detail = getSeriesDetail(ctx.db, ref, seriesToday(today));
    return format === 'csv'
      ? { fileName: `${detail.series.slug}-plan.csv`, mime: 'text/csv;charset=utf-8', text: seriesPlanCsv(detail) }
      : { fileName: `${detail.series.slug}-plan.ics`, mime: 'text/calendar;charset=utf-8', text: seriesPlanIcs(detail) };
  },
  'series.plan': ({ today, ...ref }, ctx) => planSeries(ctx.db, ref, seriesToday(today)),
};
