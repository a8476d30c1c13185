import { describe, expect, it } from 'vitest';
import { renderComments, threadComments } from './comments';
import type { PublishComment } from './types';

const comment = (id: string, parentId: string | null, postedAt: string, html = `<p>${id}</p>`): PublishComment => ({
  id,
  parentId,
  author: { name: `Author ${id}`, role: 'Role', organisation: 'Org', url: '' },
  postedAt,
  html,
  text: id,
});

describe('comment threading', () => {
  it('nests replies under their parents in posting order', () => {
    const tree = threadComments([
      comment('c', 'a', '2015-03-14T00:00:00Z'),
      comment('a', null, '2015-03-12T00:00:00Z'),
      comment('b', null, '2015-03-13T00:00:00Z'),
      comment('d', 'c', '2015-03-15T00:00:00Z'),
      comment('e', 'a', '2015-03-13T12:00:00Z'),
    ]);
    const shape = (nodes: typeof tree): unknown => nodes.map((n) => [n.comment.id, shape(n.replies)]);
    expect(shape(tree)).toEqual([['a', [['e', []], ['c', [['d', []]]]]], ['b', []]]);
  });

  it('shows a reply to a comment that is not published at the top level, and survives cycles', () => {
    const tree = threadComments([comment('x', 'gone', '2015-01-01'), comment('p', 'q', '2015-01-02'), comment('q', 'p', '2015-01-03')]);
    expect(tree.map((n) => n.comment.id).sort()).toEqual(['p', 'x']);
    expect(tree.find((n) => n.comment.id === 'p')!.replies[0].comment.id).toBe('q');
  });

  it('renders a section with author, role, organisation, date and sanitized body', () => {
    const html = renderComments([comment('a', null, '2015-03-12T10:00:00Z', '<p>Hi<script>x</script></p>'), comment('b', 'a', '2015-03-13T10:00:00Z')]);
    expect(html).toContain('<section class="comments" aria-labelledby="comments-title">\n<h2 id="comments-title">2 comments</h2>');
    expect(html).toContain('<strong>Author a</strong><br>\n<span class="comment-affiliation">Role, Org</span>');
    expect(html).toContain('<time datetime="2015-03-12T10:00:00Z">12 March 2015</time>');
    expect(html).toContain('<div class="comment-body"><p>Hi</p></div>\n<ol class="comment-replies">\n<li id="comment-2" class="comment">');
    expect(html).not.toContain('script');
  });

  it('renders nothing when there are no approved comments', () => {
    expect(renderComments([])).toBe('');
  });
});
