/**
 * Every CLI command, in the order `workbench --help` lists them: its name and one-line summary
 * here, its code in a file of its own that loads only when the command runs. So `--help` and every
 * command start without the others' modules (zod, the API schemas, jsdom, the sync client...):
 * in the bundle, a module reached only through import() is initialised when first imported.
 */
import type { Command } from './command';

export interface CommandEntry {
  name: string;
  /** One line for `workbench --help`. */
  summary: string;
  load: () => Promise<Command>;
}

export const COMMANDS: CommandEntry[] = [
  { name: 'serve', summary: 'Serve the app to your browser on 127.0.0.1 (browser mode).', load: async () => (await import('./serve')).serveCommand },
  { name: 'methods', summary: 'List every API method with its input as JSON Schema.', load: async () => (await import('./methods')).methodsCommand },
  { name: 'call', summary: 'Run any API method and print its result as JSON.', load: async () => (await import('./call')).callCommand },
  { name: 'series', summary: 'List series with their posts in order, positions and generated notices.', load: async () => (await import('./series')).seriesCommand },
  { name: 'series-plan', summary: 'Write a series plan as an iCalendar (.ics) and/or CSV file.', load: async () => (await import('./series-plan')).seriesPlanCommand },
  { name: 'plan', summary: 'The editorial plan across every series: print it, or write it as .ics and/or CSV.', load: async () => (await import('./plan')).planCommand },
  { name: 'check', summary: "A post's pre-publish checklist; exits 1 when a required rule fails.", load: async () => (await import('./check')).checkCommand },
  { name: 'set-status', summary: "Change a post's status; scheduled and published pass the pre-publish checklist first.", load: async () => (await import('./set-status')).setStatusCommand },
  { name: 'export', summary: 'Write a draft as a publish-ready HTML page or CMS fragment.', load: async () => (await import('./export')).exportCommand },
  { name: 'export-series', summary: 'Write a series as a folder: an index page and every published or scheduled post.', load: async () => (await import('./export-series')).exportSeriesCommand },
  { name: 'export-wxr', summary: 'Write drafts with their approved comments as a WordPress WXR 1.2 file.', load: async () => (await import('./export-wxr')).exportWxrCommand },
  { name: 'import-draft', summary: "Import a guest author's file (.docx, .md, .html, .txt or copied page text) as a new draft.", load: async () => (await import('./import-draft')).importDraftCommand },
  { name: 'import-comments', summary: 'Import reader comments: WordPress WXR, Disqus XML, CSV, JSON or copied page text.', load: async () => (await import('./import-comments')).importCommentsCommand },
  { name: 'comments', summary: "List a post's comments (--json re-imports with import-comments).", load: async () => (await import('./comments')).commentsCommand },
  { name: 'posts', summary: 'List posts and drafts with their slugs.', load: async () => (await import('./posts')).postsCommand },
  { name: 'rules', summary: 'List, test, add, remove and apply the moderation rules.', load: async () => (await import('./rules')).rulesCommand },
  { name: 'wordpress', summary: 'Connect WordPress sites, publish posts there, pull their comments and push moderation back.', load: async () => (await import('./wordpress')).wordpressCommand },
  { name: 'backup', summary: 'Back up the database now (or --list the backups).', load: async () => (await import('./backup')).backupCommand },
  { name: 'restore', summary: 'Replace the database with a backup, after checking it.', load: async () => (await import('./restore')).restoreCommand },
  { name: 'sync-server', summary: 'Run the team workspace server, and invite, revoke and list its members.', load: async () => (await import('./sync-server')).syncServerCommand },
  { name: 'workspace', summary: 'Join a team workspace, sync it, and decide its conflicts.', load: async () => (await import('./workspace')).workspaceCommand },
];
