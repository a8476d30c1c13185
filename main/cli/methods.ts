import { z } from 'zod';
import { parse, printJson } from './args';
import type { Command } from './command';

export const methodsCommand: Command = {
  name: 'methods',
  usage: `workbench methods [--names]

Prints a JSON array: { method, description, mutates, input } where input is the JSON Schema of what
\`workbench call <method>\` accepts.
  --names   print only the method names, one a line`,
  async run(argv) {
    const { values } = parse(argv, { names: { type: 'boolean' } }, false);
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    // The API's schemas load only for this command: building them is a fifth of every other command's start.
    // (zod is imported above: this module itself loads only when `methods` runs.)
    const { api, METHODS } = await import('../../common/api');
    if (values.names) {
      console.log(METHODS.join('\n'));
      return 0;
    }
    printJson(
      METHODS.map((m) => ({
        method: m,
        description: api[m].description,
        mutates: api[m].mutates,
        input: z.toJSONSchema(api[m].input, { io: 'input', unrepresentable: 'any' }),
      })),
    );
    return 0;
  },
};
