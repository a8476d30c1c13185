/**
 * Background imports for the UI: one at a time per store, polled for progress, cancellable.
 * The import itself (pipeline.ts) streams the file and yields between chunks, so this process
 * keeps answering requests, including the cancel, while it runs. Finished jobs are kept a while
 * so the last poll sees the outcome.
 */
import type { ImportJob } from '../../common/api/imports';
import { toErrorData, AppError } from '../../common/errors';
import { uuidv7 } from '../../common/ids';
import type { Ctx } from '../context';
import type { ImportRequest } from './pipeline';
import { holdWrites } from '../write-gate';

interface Job extends ImportJob {
  cancelRequested: boolean;
  finishedAt: number | null;
}

const KEEP_MS = 10 * 60 * 1000;
const jobsByStore = new WeakMap<object, Map<string, Job>>();

function jobsOf(ctx: Ctx): Map<string, Job> {
  let jobs = jobsByStore.get(ctx);
  if (!jobs) jobsByStore.set(ctx, (jobs = new Map()));
  const now = Date.now();
  for (const [id, j] of jobs) if (j.finishedAt && now - j.finishedAt > KEEP_MS) jobs.delete(id);
  return jobs;
}

function view(j: Job): ImportJob {
  return { jobId: j.jobId, state: j.state, progress: { ...j.progress }, summary: j.summary, error: j.error };
}

export function startImportJob(ctx: Ctx, req: ImportRequest, totalBytes: number, onDone?: (state: ImportJob['state']) => void): ImportJob {
  const jobs = jobsOf(ctx);
  if ([...jobs.values()].some((j) => j.state === 'running')) {
    throw new AppError('CONFLICT', 'Another import is running; wait for it to finish or cancel it.');
  }
  const job: Job = {
    jobId: uuidv7(),
    state: 'running',
    progress: { bytesRead: 0, totalBytes, comments: 0, imported: 0, updated: 0, unchanged: 0 },
    summary: null,
    error: null,
    cancelRequested: false,
    finishedAt: null,
  };
  jobs.set(job.jobId, job);
  // The pipeline (parsers, sanitizer, jsdom) loads with the first import, not at start-up.
  void holdWrites(ctx, async () =>
    (await import('./pipeline')).runImport(req, {
      openDb: ctx.reopen,
      onProgress: (p) => (job.progress = p),
      isCancelled: () => job.cancelRequested,
    }),
  )
    .then((summary) => {
      job.summary = summary;
      job.state = 'done';
    })
    .catch((err) => {
      const e = toErrorData(err);
      job.state = e.code === 'CANCELLED' ? 'cancelled' : 'failed';
      job.error = { code: e.code, message: e.message };
    })
    .finally(() => {
      job.finishedAt = Date.now();
      onDone?.(job.state);
    });
  return view(job);
}

function find(ctx: Ctx, jobId: string): Job {
  const job = jobsOf(ctx).get(jobId);
  if (!job) throw new AppError('NOT_FOUND', `No import job ${jobId}; it finished more than ten minutes ago or never started.`);
  return job;
}

export function importJobProgress(ctx: Ctx, jobId: string): ImportJob {
  return view(find(ctx, jobId));
}

export function cancelImportJob(ctx: Ctx, jobId: string): ImportJob {
  const job = find(ctx, jobId);
  if (job.state === 'running') job.cancelRequested = true;
  return view(job);
}

/** Resolves when the job has finished (tests, and a caller that wants to wait). */
export async function waitForJob(ctx: Ctx, jobId: string): Promise<ImportJob> {
  for (;;) {
    const j = find(ctx, jobId);
    if (j.state !== 'running') return view(j);
    await new Promise((r) => setTimeout(r, 10));
  }
}
