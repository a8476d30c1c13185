/** A choice of one person from the people list, or nobody: a post's owner or reviewer. */
export function PersonSelect({ people, value, onPick, ...aria }: { people: readonly { id: string; name: string }[]; value: string | null; onPick: (id: string | null) => void; id?: string; 'aria-label'?: string; 'aria-describedby'?: string }) {
  return (
    <select className="select" {...aria} value={value ?? ''} onChange={(e) => onPick(e.target.value || null)}>
      <option value="">Nobody</option>
      {people.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </select>
  );
}
