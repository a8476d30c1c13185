/**
 * Every schema step in order. A step is one file named by its version; add new ones at the end
 * with a higher number, never edit a released step.
 */
import type Database from 'better-sqlite3';
import * as initial from './0010-initial';
import * as commentReview from './0030-comment-review';
import * as seriesWorkflowRoles from './0050-series-workflow-roles';
import * as listIndexes from './0060-list-indexes';
import * as commentStates from './0070-comment-states';
import * as deletedCommentStates from './0080-deleted-comment-states';
import * as peopleAndOwners from './0090-people-and-owners';
import * as checklistAndPostEvents from './0095-checklist-and-post-events';
import * as moderation from './0100-moderation';
import * as spamScore from './0105-spam-score';
import * as cmsConnections from './0110-cms-connections';
import * as teamSync from './0120-team-sync';
import * as commenterKeysComplete from './0130-commenter-keys-complete';
import * as peopleMembers from './0140-people-members';
import * as sharedDetails from './0150-shared-details';
import * as cmsRepliesAndCursors from './0170-cms-replies-and-cursors';
import * as sharedRowTriggers from './0180-shared-row-triggers';
import * as bodyDocuments from './0190-body-documents';
import * as postCommentCounts from './0200-post-comment-counts';
import * as syncChangeMarks from './0210-sync-change-marks';
import * as changeJournal from './0220-change-journal';
import * as bodySeen from './0230-body-seen';
import * as notes from './0250-notes';
import * as commentIndexTrim from './0260-comment-index-trim';
import * as sharedNotes from './0270-shared-notes';
import * as guestAuthors from './0290-guest-authors';
import * as bulkCommentIndex from './0300-bulk-comment-index';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database.Database) => void;
}

export const MIGRATIONS: readonly Migration[] = [initial, commentReview, seriesWorkflowRoles, listIndexes, commentStates, deletedCommentStates, peopleAndOwners, checklistAndPostEvents, moderation, spamScore, cmsConnections, teamSync, commenterKeysComplete, peopleMembers, sharedDetails, cmsRepliesAndCursors, sharedRowTriggers, bodyDocuments, postCommentCounts, syncChangeMarks, changeJournal, bodySeen, notes, commentIndexTrim, sharedNotes, guestAuthors, bulkCommentIndex];
