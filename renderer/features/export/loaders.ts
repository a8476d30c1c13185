/**
 * The Export dialog and the full preview are their own chunks (fflate comes with the dialog), so
 * neither weighs on the first screen. The draft view preloads them once it is shown.
 */
import { moduleLoader } from '../../shell/module-loader';

export const exportDialogLoader = moduleLoader(() => import('./ExportDialog'));
export const previewViewLoader = moduleLoader(() => import('./PreviewView'));
