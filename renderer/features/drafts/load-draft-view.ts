/**
 * The open-draft view (Lexical and its plugins) is its own chunk: the drafts list, the first
 * thing the app shows, does not wait to download and compile it. The list preloads it once shown.
 */
import { moduleLoader } from '../../shell/module-loader';

export const draftViewLoader = moduleLoader(() => import('./DraftView'));
