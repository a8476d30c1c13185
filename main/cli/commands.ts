/** Every CLI command, in the order `workbench --help` lists them. */
import type { Command } from './command';
import { serveCommand } from './serve';
import { backupCommand } from './backup';
import { restoreCommand } from './restore';
import { methodsCommand } from './methods';
import { callCommand } from './call';
import { seriesCommand } from './series';
import { seriesPlanCommand } from './series-plan';
import { exportCommand } from './export';
import { exportSeriesCommand } from './export-series';
import { exportWxrCommand } from './export-wxr';
import { importDraftCommand } from './import-draft';
import { importCommentsCommand } from './import-comments';
import { commentsCommand } from './comments';
import { postsCommand } from './posts';
import { syncServerCommand } from './sync-server';
import { workspaceCommand } from './workspace';
import { planCommand } from './plan';
import { checkCommand } from './check';
import { setStatusCommand } from './set-status';
import { rulesCommand } from './rules';
import { wordpressCommand } from './wordpress';

export const COMMANDS: Command[] = [serveCommand, methodsCommand, callCommand, seriesCommand, seriesPlanCommand, planCommand, checkCommand, setStatusCommand, exportCommand, exportSeriesCommand, exportWxrCommand, importDraftCommand, importCommentsCommand, commentsCommand, postsCommand, rulesCommand, wordpressCommand, backupCommand, restoreCommand, syncServerCommand, workspaceCommand];
