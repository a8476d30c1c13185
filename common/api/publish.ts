import { z } from 'zod';
import { Id, Line, Slug } from '../domain';
import { mutation, query } from './method';

const PostRef = z.union([z.object({ id: Id }).strict(), z.object({ slug: Slug }).strict()]);
const SeriesRef = z.union([z.object({ id: Id }).strict(), z.object({ slug: Slug }).strict()]);
const FilePath = z.string().min(1).max(4096);

export const PublishWarning = z.object({ code: z.string(), message: z.string() }).strict();

const PageOptions = {
  withComments: z.boolean().default(false),
  stylesheet: z.boolean().default(true),
  force: z.boolean().default(false),
  lang: Line(35).regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'a language tag such as en-GB').default('en-GB'),
  siteName: Line(200).default(''),
};

const Rendered = z
  .object({
    html: z.string(),
    text: z.string(),
    warnings: z.array(PublishWarning),
    /** Suggested file name, <slug>.html. */
    fileName: z.string(),
  })
  .strict();

const Written = z
  .object({
    files: z.array(z.string()),
    bytes: z.number().int(),
    warnings: z.array(PublishWarning),
  })
  .strict();

/**
 * What the window's Export action makes, the same files as the CLI's export, export-series and
 * export-wxr with their default options (so the bytes are the same).
 */
export const ExportTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('page'), post: PostRef, withComments: z.boolean().default(false), force: z.boolean().default(false) }).strict(),
  z.object({ kind: z.literal('fragment'), post: PostRef, force: z.boolean().default(false) }).strict(),
  z.object({ kind: z.literal('wxr'), post: PostRef }).strict(),
  z.object({ kind: z.literal('series'), series: SeriesRef, withComments: z.boolean().default(false), force: z.boolean().default(false) }).strict(),
]);
export type ExportTarget = z.output<typeof ExportTarget>;

export const publishApi = {
  'publish.page': query(
    'A post as a standalone, self-contained HTML page (pictures inlined). Refused when an image has no alt text, unless force.',
    z.object({ post: PostRef, ...PageOptions }).strict(),
    Rendered,
  ),
  'publish.fragment': query(
    'A post body (with footnotes) as clean HTML and plain text for pasting into a CMS. Refused when an image has no alt text, unless force.',
    z.object({ post: PostRef, force: z.boolean().default(false) }).strict(),
    Rendered,
  ),
  'publish.preview': query(
    'The exact standalone page for the in-app preview, in a chosen colour scheme, plus the fragment for copying. Never refused; warnings say what an export would refuse.',
    z
      .object({
        postId: Id,
        colorScheme: z.enum(['auto', 'light', 'dark']).default('auto'),
        withComments: z.boolean().default(true),
        /** The page as readers get it (pending suggestions not applied), or as if all were accepted. */
        suggestions: z.enum(['without', 'with']).default('without'),
      })
      .strict(),
    z
      .object({
        html: z.string(),
        fragmentHtml: z.string(),
        fragmentText: z.string(),
        warnings: z.array(PublishWarning),
      })
      .strict(),
  ),
  'publish.writePage': mutation(
    'Writes a post as a page (or fragment) to a file; pictures go to assets/ beside it, or are inlined.',
    z
      .object({
        post: PostRef,
        outPath: FilePath,
        fragment: z.boolean().default(false),
        assets: z.enum(['inline', 'folder']).default('folder'),
        ...PageOptions,
      })
      .strict(),
    Written,
  ),
  'publish.series': mutation(
    'Writes a series to a folder: index.html listing its posts, and a page for every published or scheduled post, with relative links.',
    z
      .object({
        series: SeriesRef,
        outDir: FilePath,
        assets: z.enum(['inline', 'folder']).default('folder'),
        ...PageOptions,
      })
      .strict(),
    Written.extend({ posts: z.number().int() }).strict(),
  ),
  'publish.bundle': query(
    'An export as files to download: their paths relative to the export folder and their bytes (base64). One file for a page without pictures, a fragment or WXR; a page with pictures or a series is a folder.',
    z.object({ target: ExportTarget }).strict(),
    z
      .object({
        /** The file name to save one file as, or the folder name (without .zip) for several. */
        name: z.string(),
        files: z.array(z.object({ path: z.string(), base64: z.string() }).strict()),
        warnings: z.array(PublishWarning),
      })
      .strict(),
  ),
  'publish.saveAs': mutation(
    'Desktop app only: asks where to save with the system dialog (a file, or a folder for a series) and writes the export there. saved is false when the user cancelled.',
    z.object({ target: ExportTarget }).strict(),
    Written.extend({ saved: z.boolean() }).strict(),
  ),
  'publish.wxr': mutation(
    'A WordPress WXR 1.2 file of chosen posts with their approved comments; written to outPath when given, else returned.',
    z
      .object({
        posts: z.array(PostRef).min(1).max(1000),
        outPath: FilePath.optional(),
        siteTitle: Line(200).default('Editorial Workbench export'),
        siteUrl: Line(500).regex(/^https?:\/\/[^\s]+$/, 'an http(s) URL').default('https://example.org'),
        lang: Line(35).default('en-GB'),
      })
      .strict(),
    z
      .object({
        xml: z.string().nullable(),
        files: z.array(z.string()),
        posts: z.number().int(),
        comments: z.number().int(),
      })
      .strict(),
  ),
};
