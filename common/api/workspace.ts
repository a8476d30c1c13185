/** The team workspace as the window sees it: status, join, leave, Needs decision, refused changes. */
import { z } from 'zod';
import { ROLES } from '../sync/documents';
import { mutation, query } from './method';

const Role = z.enum(ROLES);
const Value = z.union([z.string(), z.number(), z.null()]);

export const WorkspaceStatus = z.object({
  joined: z.boolean(),
  url: z.string().nullable(),
  member: z.object({ id: z.string(), name: z.string() }).nullable(),
  role: Role.nullable(),
  state: z.enum(['local-only', 'offline', 'syncing', 'up-to-date', 'changes-waiting']),
  pending: z.number().int().min(0),
  lastSyncAt: z.string().nullable(),
  conflicts: z.number().int().min(0),
  refused: z.number().int().min(0),
});

export const WorkspaceConflict = z.object({
  id: z.string(),
  /** What was decided differently, in words ("Comment status", "Post title"). */
  what: z.string(),
  /** The post, series, comment or author it concerns, in words. */
  subject: z.string(),
  /** The raw values, each with its words beside it (a running-order key as a place in the series, a person's id as a name). */
  base: Value.optional(),
  baseShown: z.string(),
  current: Value.optional(),
  currentShown: z.string(),
  choices: z.array(z.object({ value: Value, shown: z.string(), by: z.string(), at: z.string() })),
  /** Whether this member's role may pick (the document is theirs to write). */
  canDecide: z.boolean(),
});

export const RefusedChange = z.object({ table: z.string(), rowId: z.string(), field: z.string(), value: z.string().nullable(), reason: z.string(), at: z.string() });

export const workspaceApi = {
  'workspace.status': query('Whether this store has joined a team workspace, as whom, and how its sync stands.', z.object({}).strict(), WorkspaceStatus),
  'workspace.join': mutation(
    'Joins a team workspace with an invitation token (the token is stored sealed); what this store holds merges in.',
    z.object({ url: z.string().trim().min(1).max(2000), token: z.string().trim().min(1).max(500) }).strict(),
    WorkspaceStatus,
  ),
  'workspace.leave': mutation('Leaves the team workspace; everything stays here as a local-only store.', z.object({}).strict(), WorkspaceStatus),
  'workspace.conflicts': query('Needs decision: the decisions two members made differently while apart.', z.object({}).strict(), z.array(WorkspaceConflict)),
  'workspace.resolve': mutation(
    'Picks one choice (1-based) of a conflict; the pick syncs to everyone.',
    z.object({ id: z.string().min(1).max(64), pick: z.number().int().min(1).max(100) }).strict(),
    z.array(WorkspaceConflict),
  ),
  'workspace.refused': query("Local changes outside this member's role, which the team server refuses.", z.object({}).strict(), z.array(RefusedChange)),
  'workspace.discardRefused': mutation("Drops the refused changes and puts the workspace's values back.", z.object({}).strict(), z.object({ discarded: z.number().int() })),
};
