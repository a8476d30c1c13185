import { appDispatch } from './app-dispatch';
import { dbOption, parse, printJson, UsageError, withContext } from './args';
import type { Command } from './command';

export const callCommand: Command = {
  name: 'call',
  usage: `workbench call <method> [<json input>] [--db FILE]

Runs one API method through the same dispatch as the app: the input is checked against the
method's schema. Prints the result as JSON on stdout; on an error result prints its message on
stderr and exits with status 2. \`workbench methods\` lists the methods and their inputs.
Example: workbench call posts.create '{"title":"Why medical leadership matters"}'`,
  async run(argv) {
    const { values, positionals } = parse(argv, { ...dbOption });
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    const [method, json] = positionals;
    if (!method) throw new UsageError('call needs a method name; `workbench methods --names` lists them.');
    if (positionals.length > 2) throw new UsageError('call takes one JSON input; quote it as a single argument.');
    let input: unknown = {};
    if (json !== undefined) {
      try {
        input = JSON.parse(json);
      } catch (err) {
        throw new UsageError(`The input is not valid JSON: ${(err as Error).message}`);
      }
    }
    return withContext(values.db, async (ctx) => {
      const result = await (await appDispatch(ctx))(method, input);
      if (!result.ok) {
        process.stderr.write(`${result.error.code}: ${result.error.message}\n`);
        return 2;
      }
      printJson(result.value);
      return 0;
    });
  },
};
