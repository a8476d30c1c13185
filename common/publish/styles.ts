/**
 * The small readable stylesheet of an exported page. Inline (one self-contained file) and allowed
 * by its hash in the page's CSP, so no 'unsafe-inline' is needed. Follows the reader's colour
 * scheme; the in-app preview forces one with class="theme-light" or "theme-dark" on <html>.
 */
import { cspHash } from './sha256';

const LIGHT = '--bg:#fffdf9;--text:#1d1c1a;--muted:#57534b;--accent:#0b5cad;--rule:#d6d1c7;--tint:#f3efe7';
const DARK = '--bg:#17181a;--text:#ecebe8;--muted:#b5b2aa;--accent:#8cc0f5;--rule:#45474d;--tint:#24262b';

export const STYLESHEET = [
  `:root{color-scheme:light dark;${LIGHT}}`,
  `@media (prefers-color-scheme:dark){:root:not(.theme-light){color-scheme:dark;${DARK}}}`,
  `:root.theme-light{color-scheme:light;${LIGHT}}`,
  `:root.theme-dark{color-scheme:dark;${DARK}}`,
  'body{margin:0;background:var(--bg);color:var(--text);font:1.125rem/1.65 Charter,"Bitstream Charter","Sitka Text",Cambria,Georgia,serif}',
  'main{max-width:40rem;margin:0 auto;padding:2rem 1.25rem 4rem}',
  'a{color:var(--accent);text-underline-offset:.15em}',
  'a:focus-visible{outline:3px solid var(--accent);outline-offset:2px}',
  'h1,h2,h3,h4{line-height:1.25;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}',
  'h1{font-size:2.1rem;margin:.25rem 0 1rem}',
  '.post-label{margin:0;color:var(--muted);font:600 .85rem/1.4 system-ui,sans-serif;text-transform:uppercase;letter-spacing:.06em}',
  '.byline,.post-date,.series-notice,.comment-date,.comment-affiliation{color:var(--muted);font-size:.95rem}',
  '.byline,.post-date{margin:.25rem 0}',
  '.series-notice{border-left:3px solid var(--rule);padding-left:1rem;font-style:italic}',
  '.standfirst{font-size:1.3rem;line-height:1.5}',
  'blockquote{margin:1.5rem 0;padding:0 0 0 1.25rem;border-left:3px solid var(--rule)}',
  '.pull-quote blockquote{border:0;border-top:2px solid var(--rule);border-bottom:2px solid var(--rule);padding:1rem 0;font-size:1.4rem;line-height:1.4;text-align:center}',
  'figure{margin:2rem 0}',
  'img{max-width:100%;height:auto}',
  'figcaption{color:var(--muted);font-size:.9rem;margin-top:.5rem}',
  '.table-scroll{overflow-x:auto;margin:1.5rem 0}',
  '.table-scroll:focus-visible{outline:3px solid var(--accent);outline-offset:2px}',
  'table{border-collapse:collapse;font-size:.95rem;line-height:1.45}',
  'caption{text-align:left;color:var(--muted);font-size:.9rem;padding-bottom:.5rem}',
  'th,td{border:1px solid var(--rule);padding:.35rem .6rem;text-align:left;vertical-align:top}',
  'thead th{background:var(--tint)}',
  'hr{border:0;border-top:1px solid var(--rule);margin:2.5rem 0}',
  'code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em;background:var(--tint);padding:.05em .25em;border-radius:3px}',
  'sup,sub{line-height:0}',
  'sup.footnote-ref a{text-decoration:none;padding:0 .1em}',
  '.footnotes p{margin:.4rem 0}',
  '.footnotes{margin-top:3rem;border-top:1px solid var(--rule);font-size:.95rem}',
  '.series-nav ul,.comment-list,.comment-replies{list-style:none;padding:0}',
  '.series-nav{margin-top:3rem;border-top:1px solid var(--rule);padding-top:1rem}',
  '.comments{margin-top:3rem;border-top:1px solid var(--rule)}',
  '.comment{margin:1.5rem 0}',
  '.comment-author,.comment-date{margin:0}',
  '.comment-replies{margin-left:1.25rem;padding-left:1rem;border-left:2px solid var(--rule)}',
  '.series-posts li{margin:1rem 0}',
  '.series-posts p{margin:.1rem 0;color:var(--muted);font-size:.95rem}',
].join('\n');

/** The CSP source that allows exactly this stylesheet; main/http.ts adds it to the app's CSP so the preview frame is styled. */
export const STYLESHEET_HASH = cspHash(STYLESHEET);
