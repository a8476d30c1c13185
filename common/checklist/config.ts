/**
 * The checklist's settings: for each rule whether it is off, recommended or required, and its
 * numbers. One set applies to every post; a series may override any rule for its own posts.
 */
import { z } from 'zod';

export const RULE_IDS = [
  'guest-author',
  'standfirst-length',
  'word-count',
  'tags',
  'image-text',
  'featured-image',
  'links',
  'series-notice',
  'heading-levels',
  'planned-date',
  'open-notes',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export const RuleLevel = z.enum(['off', 'recommended', 'required']);
export type RuleLevel = z.infer<typeof RuleLevel>;

const Count = z.number().int().min(0).max(1_000_000);

export const RuleSettings = z
  .object({
    level: RuleLevel,
    /** standfirst-length: characters; word-count: words. */
    min: Count.optional(),
    max: Count.optional(),
    /** image-text: a caption is needed too. */
    caption: z.boolean().optional(),
  })
  .strict();
export type RuleSettings = z.infer<typeof RuleSettings>;

export const ChecklistConfig = z.object(Object.fromEntries(RULE_IDS.map((id) => [id, RuleSettings])) as Record<RuleId, typeof RuleSettings>).strict();
export type ChecklistConfig = z.infer<typeof ChecklistConfig>;

/** A series' overrides: only the rules it changes. */
export const ChecklistOverrides = ChecklistConfig.partial();
export type ChecklistOverrides = z.infer<typeof ChecklistOverrides>;

/**
 * Out of the box only what makes a page broken or inaccessible is required (a picture without alt
 * text, an insecure link, a skipped heading level: a bare post passes them); the editorial rules
 * are recommended, so the user confirms, until a team makes them required for all posts or a series.
 */
export const DEFAULT_CHECKLIST: ChecklistConfig = {
  'guest-author': { level: 'recommended' },
  'standfirst-length': { level: 'recommended', min: 50, max: 300 },
  'word-count': { level: 'recommended', min: 300, max: 3000 },
  tags: { level: 'recommended', min: 1 },
  'image-text': { level: 'required', caption: false },
  'featured-image': { level: 'recommended' },
  links: { level: 'required' },
  'series-notice': { level: 'recommended' },
  'heading-levels': { level: 'required' },
  'planned-date': { level: 'recommended' },
  'open-notes': { level: 'recommended' },
};

/** The settings a post follows: the stored global ones (or the defaults), then its series' overrides. */
export function effectiveChecklist(global: Partial<ChecklistConfig> | null, overrides: ChecklistOverrides | null): ChecklistConfig {
  const out = { ...DEFAULT_CHECKLIST };
  for (const id of RULE_IDS) {
    const g = global?.[id];
    const o = overrides?.[id];
    out[id] = { ...out[id], ...g, ...o };
  }
  return out;
}

/** Problems with a rule's numbers, as sentences; empty when the settings are usable. */
export function checklistProblems(c: Partial<ChecklistConfig>): string[] {
  const problems: string[] = [];
  for (const id of RULE_IDS) {
    const r = c[id];
    if (r?.min !== undefined && r.max !== undefined && r.min > r.max) problems.push(`${id}: the minimum (${r.min}) is above the maximum (${r.max})`);
  }
  return problems;
}
