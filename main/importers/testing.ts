/** Test helpers: run an importer over a string in chunks of a chosen size and collect what it emits. */
import path from 'node:path';
import type { ImportedComment, ImportedPost, Importer, ParseOptions } from './types';

/** Third-party WXR and Disqus exports; the copied guest blog page is DEMO_PAGE_FILE in ../demo/paths. */
export const SAMPLES = path.resolve(__dirname, '../../e2e/samples');

export async function* chunked(text: string, size = 7): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

export async function collect(importer: Importer, text: string, options: Partial<ParseOptions> = {}, chunkSize = 4096) {
  const posts: ImportedPost[] = [];
  const comments: ImportedComment[] = [];
  const warnings: string[] = [];
  await importer(chunked(text, chunkSize), { post: (p) => posts.push(p), comment: (c) => comments.push(c), warning: (w) => warnings.push(w) }, { fileName: 'in.xml', ...options });
  return { posts, comments, warnings };
}
