/**
 * csv-read: the bench's comments as a WordPress comment-table CSV (bench/.data/<size>/work),
 * read by our streaming reader (main/importers/csv-reader.ts) and by csv-parse through the same
 * contract (bench/lib/csv-parse-reader.ts), in this process, interleaved, CPU time. Issue 16
 * asked to replace ours with csv-parse where csv-parse is at least as correct and as fast;
 * this row says whether it is (bench/csv-readers.test.ts holds the same-inputs comparison).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileChunks } from '../../main/importers/file-source';
import { readCsv } from '../../main/importers/csv-reader';
import { generateCommentedPosts } from '../generate/comments';
import { readCsvWithCsvParse } from '../lib/csv-parse-reader';
import { median } from '../lib/stats';
import { judge, type Scenario } from '../lib/types';

const HEADER = 'comment_ID,comment_post_ID,comment_author,comment_author_email,comment_author_url,comment_date_gmt,comment_content,comment_approved,comment_parent';
const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

function writeCsv(file: string, shape: { posts: number; comments: number; seed: number }): number {
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, `${HEADER}\r\n`);
    for (const post of generateCommentedPosts(shape)) {
      const lines = post.comments.map((c) =>
        [String(c.id), post.slug, c.author, c.email, c.url, c.date, c.html, c.status === 'approved' ? '1' : c.status === 'pending' ? '0' : c.status, String(c.parent)].map(field).join(','),
      );
      fs.writeSync(fd, `${lines.join('\r\n')}\r\n`);
    }
  } finally {
    fs.closeSync(fd);
  }
  return fs.statSync(file).size;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export const csvRead: Scenario = {
  name: 'csv-read',
  title: 'the comments as CSV through our streaming reader vs csv-parse, CPU time',
  async run(ctx) {
    const work = path.join(ctx.data.dir, 'work');
    fs.mkdirSync(work, { recursive: true });
    const file = path.join(work, 'comments.csv');
    const bytes = writeCsv(file, { posts: ctx.sizes.commentPosts, comments: ctx.sizes.comments, seed: ctx.sizes.seed });
    const readers = { ours: readCsv, csvParse: readCsvWithCsvParse };
    const times: Record<keyof typeof readers, number[]> = { ours: [], csvParse: [] };
    const counts: Record<string, number> = {};
    const runs = ctx.sizes.name === 'full' ? 3 : 1;
    for (let i = 0; i < runs; i++) {
      for (const name of Object.keys(readers) as (keyof typeof readers)[]) {
        let rows = 0;
        const t = cpuMs();
        await readers[name](fileChunks(file), 'comments.csv', () => rows++);
        times[name].push(cpuMs() - t);
        counts[name] = rows;
      }
    }
    if (counts.ours !== ctx.sizes.comments + 1 || counts.csvParse !== counts.ours) throw new Error(`rows read: ours ${counts.ours}, csv-parse ${counts.csvParse}; expected ${ctx.sizes.comments + 1}`);
    const ours = median(times.ours);
    const theirs = median(times.csvParse);
    ctx.log(`ours ${times.ours.map(Math.round).join(', ')} ms; csv-parse ${times.csvParse.map(Math.round).join(', ')} ms (CPU)`);
    return {
      status: 'ok',
      notes: [`${runs} interleaved run(s) each over ${(bytes / 1e6).toFixed(1)} MB, ${ctx.sizes.comments.toLocaleString('en-GB')} comments, reading only (no mapping or sanitizing), CPU time of this process`],
      rows: [
        {
          name: `CSV read ${ctx.sizes.comments.toLocaleString('en-GB')} comments`,
          unit: 'ms',
          ours,
          baseline: theirs,
          baselineName: 'csv-parse 7 (streaming, raw for line numbers)',
          budget: '<= 1x csv-parse (else use csv-parse)',
          pass: judge(ctx, ours <= theirs),
          note: `${(theirs / ours).toFixed(1)}x faster than csv-parse`,
        },
      ],
    };
  },
};
