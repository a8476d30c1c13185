/** Every CLI command, in the order `workbench --help` lists them. */
import type { Command } from './command';
import { serveCommand } from './serve';
import { methodsCommand } from './methods';
import { callCommand } from './call';

export const COMMANDS: Command[] = [serveCommand, methodsCommand, callCommand];
