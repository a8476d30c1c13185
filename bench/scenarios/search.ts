/**
 * search: what a person types into the drafts list's search and the review pane's search,
 * answered by the product's API methods (FTS5 behind them) over 1,000 drafts and 100,000
 * comments; p95 per query. Baseline: the same terms as a LIKE '%word%' scan of the same text
 * columns (what search costs without the FTS index).
 */
import { copyDataset } from '../generate/index';
import { openApi } from '../lib/dispatch';
import { p95 } from '../lib/stats';
import { judge, type Row, type Scenario, type SkippedRow } from '../lib/types';
import { commentSearch } from './review-api';
import { searchTerms, termWords } from './queries';

const BUDGET_MS = 20;

export const search: Scenario = {
  name: 'search',
  title: 'FTS5 search across all drafts and comments (p95 per query)',
  async run(ctx) {
    const db = copyDataset(ctx.data, 'search');
    const session = await openApi(db);
    try {
      const terms = searchTerms(ctx.sizes.queries, ctx.sizes.seed);
      const rows: (Row | SkippedRow)[] = [];
      const timeEach = async (fn: (term: string) => unknown) => {
        await fn(terms[0]); // warm the statement cache and pages
        const out: number[] = [];
        for (const term of terms) {
          const t = performance.now();
          await fn(term);
          out.push(performance.now() - t);
        }
        return out;
      };
      const likeScan = (table: 'posts' | 'comments', columns: string[]) => {
        const prepared = new Map<number, import('better-sqlite3').Statement<unknown[]>>();
        return (term: string) => {
          const words = termWords(term);
          if (!prepared.has(words.length)) {
            const one = `(${columns.map((c) => `${c} LIKE ?`).join(' OR ')})`;
            prepared.set(words.length, session.ctx.db.prepare<unknown[]>(`SELECT id FROM ${table} WHERE deleted_at IS NULL AND ${words.map(() => one).join(' AND ')}`));
          }
          return prepared.get(words.length)!.all(...words.flatMap((w) => columns.map(() => `%${w}%`)));
        };
      };

      let hits = 0;
      const ours = await timeEach(async (term) => {
        hits += (await session.call<unknown[]>('posts.list', { search: term })).length;
      });
      const base = await timeEach(likeScan('posts', ['title', 'standfirst', 'body_text']));
      ctx.log(`drafts: ${terms.length} terms, ${Math.round(hits / terms.length)} hits a term on average`);
      rows.push({
        name: 'search drafts p95',
        unit: 'ms',
        ours: p95(ours),
        baseline: p95(base),
        baselineName: "LIKE '%word%' scan",
        budget: `< ${BUDGET_MS} ms`,
        pass: judge(ctx, p95(ours) < BUDGET_MS),
        note: 'posts.list { search } through the API dispatch (summaries with authors); baseline returns ids only',
      });

      const comments = commentSearch(session);
      if (!comments.ok) rows.push({ name: 'search comments p95', skipped: comments.missing });
      else {
        let found = 0;
        const oursC = await timeEach(async (term) => {
          found += await comments.filter({ search: term });
        });
        const baseC = await timeEach(likeScan('comments', ['author_name', 'body_text']));
        ctx.log(`comments: ${Math.round(found / terms.length)} matches a term on average`);
        rows.push({
          name: 'search comments p95',
          unit: 'ms',
          ours: p95(oursC),
          baseline: p95(baseC),
          baselineName: "LIKE '%word%' scan",
          budget: `< ${BUDGET_MS} ms`,
          pass: judge(ctx, p95(oursC) < BUDGET_MS),
          note: comments.describe,
        });
      }
      return { status: 'ok', rows };
    } finally {
      session.close();
    }
  },
};
