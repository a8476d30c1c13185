import { inWorkspace, personLabel, type PersonLike } from './person-labels';

/**
 * A choice of one person, or nobody: a post's owner or reviewer. In a team workspace the members
 * come first with their role; people known on this laptop only are listed apart and cannot be
 * chosen (the current one stays shown), since the other laptops do not know them.
 */
export function PersonSelect({ people, value, onPick, ...aria }: { people: readonly PersonLike[]; value: string | null; onPick: (id: string | null) => void; id?: string; 'aria-label'?: string; 'aria-describedby'?: string }) {
  const workspace = inWorkspace(people);
  const option = (p: PersonLike, disabled = false) => (
    <option key={p.id} value={p.id} disabled={disabled}>
      {personLabel(p, workspace)}
    </option>
  );
  const others = people.filter((p) => !p.memberRole);
  return (
    <select className="select" {...aria} value={value ?? ''} onChange={(e) => onPick(e.target.value || null)}>
      <option value="">Nobody</option>
      {!workspace && people.map((p) => option(p))}
      {workspace && <optgroup label="Workspace members">{people.filter((p) => p.memberRole).map((p) => option(p))}</optgroup>}
      {workspace && others.length > 0 && <optgroup label="Not in the workspace">{others.map((p) => option(p, p.id !== value))}</optgroup>}
    </select>
  );
}
