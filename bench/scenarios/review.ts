/**
 * review: the review pane's filters over 100,000 comments, answered by its API method (status,
 * tag, full-text search, and search within a status), server side, p95 per query. Baseline: the
 * bare SQL for the same first page (an indexed status scan, a join on annotations, an FTS5 MATCH)
 * with no API, mapping or counts around it.
 */
import { copyDataset } from '../generate/index';
import { ftsQuery } from '../../db/repos/search-query';
import { openApi } from '../lib/dispatch';
import { p95 } from '../lib/stats';
import { judge, type Row, type Scenario, type ScenarioContext } from '../lib/types';
import { commentSearch, PAGE } from './review-api';
import { searchTerms } from './queries';
import { replyOpenLatencies, searchLatencies, statusFilterLatencies } from './review-ui';
import { scrollReview, type ScrollResult } from './review-scroll';
import { startApp } from '../lib/app-server';

const BUDGET_MS = 100;
const STATUSES = ['approved', 'pending', 'spam', 'trash'];

/** A row judged as p95 under the pane's 100 ms budget, beside the same run's baseline timings. */
function underBudget(ctx: ScenarioContext, name: string, ours: number[], baseline: number[], baselineName: string, note: string): Row {
  return { name, unit: 'ms', ours: p95(ours), baseline: p95(baseline), baselineName, budget: `< ${BUDGET_MS} ms`, pass: judge(ctx, p95(ours) < BUDGET_MS), note };
}

export const review: Scenario = {
  name: 'review',
  title: 'review pane filters and search over all comments (server side p95)',
  async run(ctx) {
    const session = await openApi(copyDataset(ctx.data, 'review'));
    try {
      const q = commentSearch(session);
      if (!q.ok) return { status: 'skipped', reason: q.missing };
      const db = session.ctx.db;
      const tagIds = (db.prepare('SELECT id FROM tags WHERE deleted_at IS NULL ORDER BY name').all() as { id: string }[]).map((r) => r.id);
      const terms = searchTerms(ctx.sizes.queries, ctx.sizes.seed + 1);

      const byStatus = db.prepare(`SELECT * FROM comments WHERE status = ? AND deleted_at IS NULL ORDER BY posted_at DESC LIMIT ${PAGE}`);
      const byTag = db.prepare(
        `SELECT c.* FROM comments c WHERE c.deleted_at IS NULL AND EXISTS (SELECT 1 FROM annotations a WHERE a.comment_id = c.id AND a.tag_id = ? AND a.deleted_at IS NULL)
         ORDER BY c.posted_at DESC LIMIT ${PAGE}`,
      );
      const bySearch = db.prepare(
        `SELECT c.* FROM comments c WHERE c.rowid IN (SELECT rowid FROM comments_fts WHERE comments_fts MATCH ?) AND c.deleted_at IS NULL ORDER BY c.posted_at DESC LIMIT ${PAGE}`,
      );
      const bySearchStatus = db.prepare(
        `SELECT c.* FROM comments c WHERE c.rowid IN (SELECT rowid FROM comments_fts WHERE comments_fts MATCH ?) AND c.status = ? AND c.deleted_at IS NULL ORDER BY c.posted_at DESC LIMIT ${PAGE}`,
      );

      type Case = { filter: { status?: string; tagId?: string; search?: string }; bare: () => unknown };
      const groups: Record<string, Case[]> = {
        status: STATUSES.flatMap((status) => [0, 1].map(() => ({ filter: { status }, bare: () => byStatus.all(status) }))),
        tag: tagIds.flatMap((tagId) => [0, 1].map(() => ({ filter: { tagId }, bare: () => byTag.all(tagId) }))),
        search: terms.map((search) => ({ filter: { search }, bare: () => bySearch.all(ftsQuery(search)) })),
        'search + status': terms.map((search, i) => ({ filter: { search, status: STATUSES[i % 4] }, bare: () => bySearchStatus.all(ftsQuery(search), STATUSES[i % 4]) })),
      };
      await q.filter({}); // warm-up
      const rows: Row[] = [];
      for (const [name, cases] of Object.entries(groups)) {
        const ours: number[] = [];
        const base: number[] = [];
        for (const c of cases) {
          let t = performance.now();
          await q.filter(c.filter);
          ours.push(performance.now() - t);
          t = performance.now();
          c.bare();
          base.push(performance.now() - t);
        }
        rows.push(underBudget(ctx, `review ${name} p95`, ours, base, `bare SQL, first ${PAGE} rows`, q.describe));
      }

      // The same searches typed into the pane in Chromium, against the server-side time alone.
      const uiTerms = terms.filter((t) => !t.includes(' ')).slice(0, ctx.sizes.name === 'full' ? 12 : 2);
      const server: number[] = [];
      for (const search of uiTerms) {
        const t = performance.now();
        await q.filter({ search });
        server.push(performance.now() - t);
      }
      const [cli, renderer, browser] = await Promise.all([ctx.shared.cli(), ctx.shared.renderer(), ctx.shared.browser()]);
      const app = await startApp(cli, renderer, copyDataset(ctx.data, 'review-ui'));
      let ui: number[];
      let clicks: number[];
      let replies: { reply: number[]; move: number[] };
      let scroll: ScrollResult;
      try {
        ui = await searchLatencies(browser, app.url, uiTerms);
        clicks = await statusFilterLatencies(browser, app.url, ctx.sizes.name === 'full' ? 3 : 1);
        replies = await replyOpenLatencies(browser, app.url, ctx.sizes.name === 'full' ? 6 : 1);
        scroll = await scrollReview(browser, app.url, ctx.sizes.name === 'full' ? 20 : 3, ctx.sizes.seed);
      } finally {
        await app.stop();
      }
      ctx.log(`pane search, keypress to list: ${ui.map(Math.round).join(', ')} ms`);
      rows.push(
        underBudget(ctx, 'review search keypress->list p95', ui, server, 'the same searches server side (rows, total, counts)', `Chromium, browser mode, ${ui.length} terms; includes the search box's typing debounce`),
      );

      // The same status filters clicked in the pane, against the server answering them.
      const statusServer: number[] = [];
      for (const status of [...STATUSES, ...STATUSES]) {
        for (const filter of [{ status }, {}]) {
          const t = performance.now();
          await q.filter(filter);
          statusServer.push(performance.now() - t);
        }
      }
      ctx.log(`pane status filter, click to list: ${clicks.map(Math.round).join(', ')} ms; server side: ${statusServer.map(Math.round).join(', ')} ms`);
      rows.push(
        underBudget(ctx, 'review status click->list p95', clicks, statusServer, 'the same filters server side (rows, total, counts)', `Chromium, browser mode, ${clicks.length} clicks: each status on, then off again`),
      );

      ctx.log(`first r to reply editor: ${replies.reply.map(Math.round).join(', ')} ms; j to next comment: ${replies.move.map(Math.round).join(', ')} ms`);
      rows.push(
        underBudget(ctx, 'review first reply r->editor p95', replies.reply, replies.move, 'j to the next comment shown, same pages', `Chromium, ${replies.reply.length} fresh panes: r on a comment without a reply draft until the editor has the focus`),
      );

      // Scrolling: a jump anywhere in the list until its rows show, against fetching such a
      // window server side; and wheel scrolling's frame intervals against a plain static list.
      const windows: number[] = [];
      for (let i = 0; i < scroll.jumps.length; i++) {
        const offset = Math.floor(((i * 7919) % 1000) / 1000 * Math.max(0, scroll.total - 100));
        const t = performance.now();
        await session.call('comments.list', { offset, limit: 100, totals: false });
        windows.push(performance.now() - t);
      }
      ctx.log(`scroll jumps to rows shown: ${scroll.jumps.map(Math.round).join(', ')} ms`);
      rows.push(
        underBudget(ctx, 'review scroll jump->rows shown p95', scroll.jumps, windows, 'comments.list of the 100-row page the pane fetches, server side', `Chromium, ${scroll.jumps.length} jumps to random places in ${scroll.total.toLocaleString('en-GB')} comments`),
      );
      rows.push({
        name: 'review wheel scroll frame p95',
        unit: 'ms',
        ours: p95(scroll.frames),
        baseline: p95(scroll.baselineFrames),
        baselineName: 'same wheel over 2,000 static rows',
        budget: '<= 1.5x baseline',
        pass: judge(ctx, p95(scroll.frames) <= 1.5 * p95(scroll.baselineFrames)),
        note: `${scroll.frames.length} frames over 120 wheel steps`,
      });
      return { status: 'ok', rows };
    } finally {
      session.close();
    }
  },
};
