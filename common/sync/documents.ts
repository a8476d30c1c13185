/**
 * The team workspace's shared documents and who may write each one. Hocuspocus grants write access
 * per document, so the documents are cut along the role boundaries: a reviewer may moderate a post's
 * comments but not edit its text, so the comments live in a document of their own. The server
 * enforces this table; the app reads it to say why a change was refused.
 */
export const ROLES = ['admin', 'editor', 'series-manager', 'reviewer', 'guest-author'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  editor: 'Editor',
  'series-manager': 'Series manager',
  reviewer: 'Reviewer',
  'guest-author': 'Guest author',
};

/**
 * - `post/<id>`: title, slug, standfirst, label, guest authors, tags and body (editors)
 * - `post-plan/<id>`: status, series and position, planned date, deadline, commissioning (series managers)
 * - `series/<id>`: a series' fields, notice template, cadence, workflow and running order (series managers)
 * - `comments/<postId>`: a post's imported comments, moderation, annotations, tags, reply drafts (reviewers)
 * - `authors`: the authors list (editors; series managers too, since commissioning names a guest author)
 * - `bylines`: every post's guest authors and their order (editors, and series managers commissioning)
 * - `review`: the reviewers' vocabulary: annotation tags and moderation rules (reviewers)
 * - `blob/<sha256 prefix>-<n>`: a picture's bytes, content-addressed, in parts of at most 4 MiB so
 *   that no message comes near the server's limit (editors, who add pictures to posts)
 * - `body/<postId>`: a draft's body as Lexical's Yjs tree (`root`, an XmlText), co-edited (editors)
 * - `notes/<postId>`: a draft's note threads and their messages (every role, a guest author
 *   included on the posts they are credited on: anyone may comment)
 * - `index`: which posts, series and pictures exist, so a member knows what to load; any member but a guest may add to it
 *
 * A guest author writes only a credited post's notes today: they may open only the posts they
 * are credited on (guest-access.ts), and their text changes are refused (mayWriteBody).
 */
export const DOCUMENT_KINDS = ['post', 'post-plan', 'series', 'comments', 'authors', 'index', 'bylines', 'review', 'blob', 'body', 'notes'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const WRITERS: Record<DocumentKind, readonly Role[]> = {
  post: ['admin', 'editor'],
  'post-plan': ['admin', 'series-manager'],
  series: ['admin', 'series-manager'],
  comments: ['admin', 'reviewer'],
  authors: ['admin', 'editor', 'series-manager'],
  index: ['admin', 'editor', 'series-manager', 'reviewer'],
  bylines: ['admin', 'editor', 'series-manager'],
  review: ['admin', 'reviewer'],
  blob: ['admin', 'editor'],
  body: ['admin', 'editor'],
  // Every role may comment on a draft: a new role that may comment is added here.
  notes: ['admin', 'editor', 'series-manager', 'reviewer', 'guest-author'],
};

/** The documents every post has, besides the singletons that list it (the index). */
export const POST_DOCUMENT_KINDS: readonly DocumentKind[] = ['post', 'post-plan', 'comments', 'notes', 'body'];

export const SINGLETONS: ReadonlySet<DocumentKind> = new Set(['authors', 'index', 'bylines', 'review']);
/**
 * The kinds whose id is not a post's: a series, a picture's bytes. Every other kind with an id
 * belongs to one post, so a kind added later (a post's notes) is a post's unless listed here, and
 * a guest author is refused it on posts they are not credited on.
 */
const NOT_A_POSTS: ReadonlySet<DocumentKind> = new Set(['series', 'blob']);
const ID = /^[0-9a-z][0-9a-z-]{0,63}$/;

export interface DocumentRef {
  kind: DocumentKind;
  /** The post's or series' id; absent for the singletons. */
  id?: string;
}

/** Parses a document name; null for anything that is not one of ours (refused by the server). */
export function parseDocumentName(name: string): DocumentRef | null {
  const slash = name.indexOf('/');
  const kind = (slash === -1 ? name : name.slice(0, slash)) as DocumentKind;
  if (!(DOCUMENT_KINDS as readonly string[]).includes(kind)) return null;
  if (SINGLETONS.has(kind)) return slash === -1 ? { kind } : null;
  const id = name.slice(slash + 1);
  return slash !== -1 && ID.test(id) ? { kind, id } : null;
}

/** The post a document belongs to, if it belongs to one. */
export function postOf(ref: DocumentRef): string | undefined {
  return ref.id !== undefined && !NOT_A_POSTS.has(ref.kind) ? ref.id : undefined;
}

export function documentName(ref: DocumentRef): string {
  return ref.id === undefined ? ref.kind : `${ref.kind}/${ref.id}`;
}

export function canWrite(role: Role, kind: DocumentKind): boolean {
  return WRITERS[kind].includes(role);
}

/** Why a role may not write a kind of document, in words for the person refused. */
export function refusalReason(role: Role, kind: DocumentKind): string {
  const who = WRITERS[kind].filter((r) => r !== 'admin').map((r) => ROLE_LABELS[r].toLowerCase() + 's');
  const reason = `${ROLE_LABELS[role]}s may not change this (${kind}); only ${who.join(' and ')} and admins may.`;
  return role === 'guest-author' && (kind === 'post' || kind === 'body') ? `${reason} A guest author suggests changes or leaves notes instead of editing the text.` : reason;
}
