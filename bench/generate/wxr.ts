/**
 * Writes the generated comments as a WordPress WXR 1.2 export, streaming post by post to disk
 * so a 100,000-comment file never sits in memory.
 */
import fs from 'node:fs';
import path from 'node:path';
import { generateCommentedPosts, type CommentSetShape, type GeneratedComment, type GeneratedPost } from './comments';

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** CDATA cannot hold "]]>": WordPress splits it across two sections, and so do we. */
const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

function rfc822(wp: string): string {
  return new Date(`${wp.replace(' ', 'T')}Z`).toUTCString().replace('GMT', '+0000');
}

function commentXml(c: GeneratedComment): string {
  return `
		<wp:comment>
			<wp:comment_id>${c.id}</wp:comment_id>
			<wp:comment_author>${cdata(c.author)}</wp:comment_author>
			<wp:comment_author_email>${cdata(c.email)}</wp:comment_author_email>
			<wp:comment_author_url>${xmlText(c.url)}</wp:comment_author_url>
			<wp:comment_author_IP>${cdata(`192.0.2.${c.id % 250}`)}</wp:comment_author_IP>
			<wp:comment_date>${cdata(c.date)}</wp:comment_date>
			<wp:comment_date_gmt>${cdata(c.date)}</wp:comment_date_gmt>
			<wp:comment_content>${cdata(c.html)}</wp:comment_content>
			<wp:comment_approved>${cdata(c.approvedRaw)}</wp:comment_approved>
			<wp:comment_type>${cdata(c.type)}</wp:comment_type>
			<wp:comment_parent>${c.parent}</wp:comment_parent>
			<wp:comment_user_id>0</wp:comment_user_id>
		</wp:comment>`;
}

function itemXml(p: GeneratedPost): string {
  return `
	<item>
		<title>${xmlText(p.title)}</title>
		<link>${xmlText(p.link)}</link>
		<pubDate>${rfc822(p.date)}</pubDate>
		<dc:creator>${cdata('editor')}</dc:creator>
		<guid isPermaLink="false">https://blog.example.org/?p=${p.wpId}</guid>
		<description></description>
		<content:encoded>${cdata(p.html)}</content:encoded>
		<excerpt:encoded>${cdata('')}</excerpt:encoded>
		<wp:post_id>${p.wpId}</wp:post_id>
		<wp:post_date>${cdata(p.date)}</wp:post_date>
		<wp:post_date_gmt>${cdata(p.date)}</wp:post_date_gmt>
		<wp:comment_status>${cdata('open')}</wp:comment_status>
		<wp:post_name>${cdata(p.slug)}</wp:post_name>
		<wp:status>${cdata('publish')}</wp:status>
		<wp:post_parent>0</wp:post_parent>
		<wp:post_type>${cdata('post')}</wp:post_type>${p.comments.map(commentXml).join('')}
	</item>`;
}

const HEADER = `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
	<title>Generated guest blog</title>
	<link>https://blog.example.org</link>
	<description>Benchmark data</description>
	<language>en-GB</language>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>https://blog.example.org</wp:base_site_url>
	<wp:base_blog_url>https://blog.example.org</wp:base_blog_url>`;

export interface WxrStats {
  file: string;
  bytes: number;
  posts: number;
  comments: number;
  maxDepth: number;
  byStatus: Record<string, number>;
}

/** Writes the file (via a temp name, renamed at the end, so a half-written file is never reused). */
export function writeWxr(file: string, shape: CommentSetShape): WxrStats {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = fs.openSync(tmp, 'w');
  const stats: WxrStats = { file, bytes: 0, posts: 0, comments: 0, maxDepth: 0, byStatus: { approved: 0, pending: 0, spam: 0, trash: 0 } };
  let buffer = '';
  const flush = () => {
    const bytes = Buffer.from(buffer, 'utf8');
    fs.writeSync(fd, bytes);
    stats.bytes += bytes.length;
    buffer = '';
  };
  try {
    buffer += HEADER;
    for (const post of generateCommentedPosts(shape)) {
      buffer += itemXml(post);
      stats.posts++;
      for (const c of post.comments) {
        stats.comments++;
        stats.byStatus[c.status]++;
        stats.maxDepth = Math.max(stats.maxDepth, c.depth);
      }
      if (buffer.length > 1 << 20) flush();
    }
    buffer += '\n</channel>\n</rss>\n';
    flush();
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  return stats;
}
