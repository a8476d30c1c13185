/**
 * Format name -> importer, each loaded when a file of its format is read: a WXR import never
 * loads the JSON importer's zod schemas, nor the CSV or page-text readers.
 */
import type { ImportFormat } from '../../common/domain';
import type { Importer } from './types';

const LOADERS: Record<ImportFormat, () => Promise<Importer>> = {
  wxr: async () => (await import('./wxr')).parseWxr,
  disqus: async () => (await import('./disqus')).parseDisqus,
  csv: async () => (await import('./csv')).parseCsv,
  json: async () => (await import('./json')).parseJson,
  text: async () => (await import('./page-text')).parsePageText,
};

export const loadImporter = (format: ImportFormat): Promise<Importer> => LOADERS[format]();
