/** What the export commands share: calling a publish method through dispatch and reporting what was written. */
import path from 'node:path';
import { AppError } from '../../common/errors';
import { appDispatch } from './app-dispatch';
import { withContext } from './args';

export async function callPublish<T>(dbFlag: string | undefined, method: string, input: unknown): Promise<T> {
  return withContext(dbFlag, async (ctx) => {
    const result = await (await appDispatch(ctx))(method, input);
    if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.details);
    return result.value as T;
  });
}

export const absolute = (p: string) => path.resolve(process.cwd(), p);

export function kb(bytes: number): string {
  return bytes < 1024 ? `${bytes} bytes` : `${(bytes / 1024).toFixed(1)} KB`;
}

export function printWarnings(warnings: { message: string }[]): void {
  for (const w of warnings) process.stderr.write(`warning: ${w.message}\n`);
}
