/** The pre-publish checklist: its settings (for all posts, overridden per series), a post's report, the featured image. */
import { z } from 'zod';
import { Id, Line, Slug } from '../domain';
import { ReviewSummarySchema } from './notes';
import { ChecklistConfig, ChecklistOverrides, RULE_IDS, RuleLevel } from '../checklist/config';
import { mutation, query, type MethodSpec } from './method';

const Target = z.union([
  z.object({ kind: z.literal('field'), field: z.enum(['standfirst', 'tags', 'authors', 'plannedDate', 'featuredImage', 'series']) }),
  z.object({ kind: z.literal('block'), index: z.number().int() }),
]);

export const RuleResultSchema = z.object({
  id: z.enum(RULE_IDS),
  label: z.string(),
  level: RuleLevel.exclude(['off']),
  ok: z.boolean(),
  message: z.string(),
  target: Target.nullable(),
});

export const ChecklistReportSchema = z.object({
  results: z.array(RuleResultSchema),
  blocking: z.array(RuleResultSchema),
  warnings: z.array(RuleResultSchema),
});

export const FeaturedImage = z.object({ assetId: Id, alt: z.string() });
export type FeaturedImage = z.infer<typeof FeaturedImage>;

const ConfigView = z.object({
  /** The settings for every post (the defaults until changed). */
  global: ChecklistConfig,
  /** The series' own overrides, when a series was named. */
  overrides: ChecklistOverrides.nullable(),
  /** What a post of that series (or any post) follows. */
  effective: ChecklistConfig,
});

const PostRef = z.union([z.object({ id: Id }).strict(), z.object({ slug: Slug }).strict()]);

export const checklistApi = {
  'checklist.check': query(
    "A post's pre-publish checklist: every rule's state; blocking lists failing required rules, warnings failing recommended ones.",
    PostRef,
    z.object({ post: z.object({ id: Id, slug: Slug, title: z.string(), status: z.string() }), report: ChecklistReportSchema }),
  ),
  'checklist.context': query(
    'What the live checklist needs beside the editor: the settings the post follows, its series notice (null outside a series), its featured image and its open notes (the review summary).',
    z.object({ postId: Id }).strict(),
    z.object({ config: ChecklistConfig, seriesNotice: z.string().nullable(), featuredImage: FeaturedImage.nullable(), review: ReviewSummarySchema }),
  ),
  'checklist.config': query('The checklist settings for every post, and a series\' overrides when seriesId is given.', z.object({ seriesId: Id.optional() }).strict(), ConfigView),
  'checklist.setConfig': mutation(
    'Stores the settings for every post (seriesId null: every rule given) or a series\' overrides (only the rules it changes; {} removes them).',
    z.object({ seriesId: Id.nullable(), rules: ChecklistOverrides }).strict(),
    ConfigView,
  ),
  'checklist.setFeaturedImage': mutation(
    "Sets a post's featured image (an image asset stored with it) and its alt text; assetId null removes it.",
    z.object({ postId: Id, assetId: Id.nullable(), alt: Line(500).default('') }).strict(),
    FeaturedImage.nullable(),
  ),
} satisfies Record<string, MethodSpec>;
