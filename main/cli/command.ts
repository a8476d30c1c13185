/** The shape of one CLI command. Each lives in its own file and is listed, with its summary, in main/cli/commands.ts. */
export interface Command {
  name: string;
  /** The full text for `workbench <name> --help`. */
  usage: string;
  /** Resolves to the exit status. Throw UsageError for bad flags, AppError for failures (exit 2). */
  run: (argv: string[]) => Promise<number>;
}
