/**
 * `workbench <command>`: the app's handlers from a terminal. Exit status 0 on success, 1 on a
 * usage mistake, 2 when the work itself failed (a refused file, a missing slug, an error result).
 */
import { COMMANDS } from './cli/commands';

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Editorial Workbench: draft guest posts, plan series, review comments, publish clean HTML.',
    '',
    'Usage: workbench <command> [options]     workbench <command> --help for details',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Every command that touches data takes --db FILE (default: WORKBENCH_DB, else the user-data folder).',
  ].join('\n');
}

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(help());
    return name ? 0 : 1;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    console.error(`Unknown command "${name}".\n\n${help()}`);
    return 1;
  }
  try {
    return await (await entry.load()).run(rest);
  } catch (err) {
    // By name, not instanceof: bundled, each command runs from a file of its own with its own copy
    // of these classes (scripts/main-bundle.mjs). AppError's subclasses keep its name.
    const kind = err instanceof Error ? err.name : '';
    if (kind === 'UsageError') {
      console.error(`workbench ${name}: ${(err as Error).message}\nSee \`workbench ${name} --help\`.`);
      return 1;
    }
    if (kind === 'AppError') {
      console.error(`workbench ${name}: ${(err as Error).message}`);
      return 2;
    }
    console.error(`workbench ${name}: ${(err as Error).stack ?? err}`);
    return 2;
  }
}
