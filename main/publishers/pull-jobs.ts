/**
 * The pulls running in this process, one per site: their progress, for the window to show while
 * the pull request is still open, and a way to cancel them. A pull stores each page as it comes
 * (pull-comments.ts), so a cancel keeps what is stored and the next pull fetches the rest.
 */
import { AppError } from '../../common/errors';
import type { PullOutcome, PullProgress } from './pull-comments';

interface Job {
  controller: AbortController;
  progress: PullProgress;
}

const running = new Map<string, Job>();

export async function runPullJob(siteId: string, siteUrl: string, pull: (signal: AbortSignal, onProgress: (p: PullProgress) => void) => Promise<PullOutcome>): Promise<PullOutcome> {
  if (running.has(siteId)) throw new AppError('BAD_INPUT', `Comments are already being pulled from ${siteUrl}; wait for that pull to end, or cancel it.`);
  const job: Job = { controller: new AbortController(), progress: { pages: 0, fetched: 0, imported: 0 } };
  running.set(siteId, job);
  try {
    return await pull(job.controller.signal, (p) => { job.progress = p; });
  } finally {
    running.delete(siteId);
  }
}

export function pullProgress(siteId: string): PullProgress & { running: boolean } {
  const job = running.get(siteId);
  return job ? { running: true, ...job.progress } : { running: false, pages: 0, fetched: 0, imported: 0 };
}

/** True when a pull was running and is now told to stop. */
export function cancelPull(siteId: string): boolean {
  const job = running.get(siteId);
  job?.controller.abort();
  return !!job;
}
