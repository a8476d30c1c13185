import { resolveDbPath } from '../paths';
import { dbOption, parse, UsageError } from './args';
import type { Command } from './command';

export const serveCommand: Command = {
  name: 'serve',
  usage: `workbench serve [--port N] [--db FILE]

Starts the workbench on http://127.0.0.1:N/ (a free port when N is 0 or omitted) and prints the URL.
Only this machine can connect; the page carries a per-launch secret that other pages cannot read.
  --port N    port to listen on (default 0: any free port)
  --db FILE   database file (default: WORKBENCH_DB, else the app's user-data folder)`,
  async run(argv) {
    const { values } = parse(argv, { port: { type: 'string' }, ...dbOption }, false);
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, not "${values.port}".`);
    const dbPath = resolveDbPath(values.db);
    // Loaded here, so `serve --help` and a bad --port answer without loading the whole app.
    const { startBrowserMode } = await import('../browser-mode');
    const running = await startBrowserMode({ dbPath, port });
    console.log(`Editorial Workbench (browser mode) is running at ${running.url}`);
    console.log(`Database: ${dbPath}`);
    const stop = () => {
      void running.stop().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return new Promise<number>(() => {
      /* runs until a signal stops it */
    });
  },
};
