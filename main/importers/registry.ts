/** Format name -> importer. */
import type { ImportFormat } from '../../common/domain';
import { parseCsv } from './csv';
import { parseDisqus } from './disqus';
import { parseJson } from './json';
import { parsePageText } from './page-text';
import type { Importer } from './types';
import { parseWxr } from './wxr';

export const IMPORTERS: Record<ImportFormat, Importer> = { wxr: parseWxr, disqus: parseDisqus, csv: parseCsv, json: parseJson, text: parsePageText };

