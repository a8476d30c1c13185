/**
 * Where the demo content lives: the text of a real guest blog page, copied from a browser with
 * its reader comments. The app ships it (electron-builder packs demo/) and the tests read it.
 */
import path from 'node:path';
import { appRoot } from '../app-root';

export const DEMO_PAGE_FILE = path.join(appRoot(), 'demo', 'guest-blog-page.txt');
