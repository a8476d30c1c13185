/**
 * What a batch of the team's documents, applied to the tables, changed in the windows' areas:
 * a post's documents name the post, a series' document its series, a post's comments document
 * the post whose comments changed. The singletons change lists wholesale (authors and bylines
 * show on every post; the index adds posts and series; review holds tags and rules).
 */
import { mergeChanges, toChanges, type ChangeArea, type Changes } from '../../common/changes';
import { parseDocumentName } from '../../common/sync/documents';

export function syncChanges(documents: Iterable<string>): Changes {
  const merged: Partial<Record<ChangeArea, 'all' | Set<string>>> = {};
  const add = (c: Changes) => mergeChanges(merged, c);
  let any = false;
  for (const name of documents) {
    const ref = parseDocumentName(name);
    if (!ref) continue;
    any = true;
    const id = ref.id ? [ref.id] : [];
    switch (ref.kind) {
      case 'post':
      case 'body':
        add({ posts: id });
        break;
      case 'post-plan':
        // Status, series and position: the post, and the running order it is (or was) in.
        add({ posts: id, series: 'all' });
        break;
      case 'series':
        add({ series: id });
        break;
      case 'comments':
        add({ comments: id });
        break;
      case 'notes':
        add({ notes: id });
        break;
      case 'authors':
      case 'bylines':
        add({ posts: 'all' });
        break;
      case 'index':
        add({ posts: 'all', series: 'all' });
        break;
      case 'review':
        add({ comments: 'all', other: 'all' });
        break;
      case 'blob':
        break;
    }
  }
  // Whatever was applied may have raised or settled a conflict.
  if (any) add({ conflicts: 'all' });
  return toChanges(merged);
}
