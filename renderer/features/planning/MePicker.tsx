import { useEffect, useId, useState } from 'react';
import type { Person } from '../../../common/api/people';
import { ROLE_LABELS } from '../../../common/sync/documents';
import { useClient } from '../../api/ClientContext';

/** The app's setting of who "me" is, for My work. */
export function MePicker({ onChange }: { onChange?: (me: Person | null) => void }) {
  const client = useClient();
  const id = useId();
  const [people, setPeople] = useState<Person[]>([]);
  const [me, setMe] = useState<string>('');
  useEffect(() => {
    void client.call('people.list', {}).then(setPeople);
    void client.call('people.me', {}).then((p) => setMe(p?.id ?? ''));
  }, [client]);
  const member = people.find((p) => p.id === me && p.memberRole);
  if (member) {
    // In a team workspace "me" is the member this laptop joined as; it is not a choice.
    return (
      <p className="me-picker me-picker--member">
        I am <strong>{member.name}</strong> ({ROLE_LABELS[member.memberRole!]}), as this laptop joined the team workspace.
      </p>
    );
  }
  return (
    <div className="meta-field me-picker">
      <label htmlFor={id}>I am</label>
      <select
        id={id}
        className="select"
        value={me}
        onChange={async (e) => {
          setMe(e.target.value);
          onChange?.(await client.call('people.setMe', { id: e.target.value || null }));
        }}
      >
        <option value="">Nobody chosen</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
            {p.email ? ` <${p.email}>` : ''}
          </option>
        ))}
      </select>
    </div>
  );
}
