import { moduleLoader } from '../../../shell/module-loader';

// The rules dialog and the commenter view are their own chunks: most reviews never open them,
// so they stay out of the pane's first load (loaded through the shell's module loader).
export const rulesDialogLoader = moduleLoader(() => import('./RulesDialog'));
export const commenterViewLoader = moduleLoader(() => import('./CommenterView'));
