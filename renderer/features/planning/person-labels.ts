/**
 * How a person reads in the pickers and filters. Outside a workspace, by name. In a team
 * workspace the people are its members, shown with their role; anyone else is known on this
 * laptop only and is shown as not in the workspace (they cannot be given work there).
 */
import { ROLE_LABELS, type Role } from '../../../common/sync/documents';

export interface PersonLike {
  id: string;
  name: string;
  memberRole: Role | null;
}

/** A store that has joined a workspace always holds its own member, with a role. */
export const inWorkspace = (people: readonly PersonLike[]): boolean => people.some((p) => p.memberRole !== null);

export function personLabel(p: PersonLike, workspace: boolean): string {
  if (!workspace) return p.name;
  return p.memberRole ? `${p.name} (${ROLE_LABELS[p.memberRole]})` : `${p.name} (not in the workspace)`;
}
