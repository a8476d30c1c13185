import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { Person } from '../../../common/api/people';
import { useClient } from '../../api/ClientContext';
import { MePicker } from './MePicker';
import { inWorkspace } from './person-labels';
import { ROLE_LABELS } from '../../../common/sync/documents';

/** The one list of people who own and review posts. */
export function PeopleTab({ announce }: { announce: (m: string) => void }) {
  const client = useClient();
  const [people, setPeople] = useState<Person[]>([]);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [error, setError] = useState('');
  const [generation, setGeneration] = useState(0);
  const workspace = inWorkspace(people);
  const load = useCallback(() => void client.call('people.list', {}).then(setPeople), [client]);
  useEffect(load, [load]);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const p = await client.call('people.save', { name, email });
      setName('');
      setEmail('');
      setError('');
      announce(`${p.name} added.`);
      load();
      setGeneration((g) => g + 1);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <div className="people">
      <MePicker key={generation} />
      {workspace && (
        <p className="muted">
          In the team workspace the people are its members, with their role. An admin invites them on the team server, with their e-mail, so that whoever a laptop
          already knew by that address becomes them. People only on this laptop keep the posts they already have here, but cannot be given new ones.
        </p>
      )}
      <form className="people__form" onSubmit={add} aria-label="Add a person">
        <label>
          Name <input className="input" value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
        </label>
        <label>
          E-mail <input className="input" type="email" value={email} onChange={(e) => setEmail(e.target.value)} maxLength={320} />
        </label>
        <button type="submit" className="button button--primary">
          Add person
        </button>
      </form>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <ul className="people__list" aria-label="People">
        {people.map((p) => (
          <li key={p.id}>
            <span>
              {p.name} {p.email && <span className="muted">&lt;{p.email}&gt;</span>}
              {workspace && <span className="badge">{p.memberRole ? ROLE_LABELS[p.memberRole] : 'Not in the workspace'}</span>}
            </span>
            {!p.memberRole && (
              <button
                type="button"
                className="button button--small button--danger"
                onClick={async () => {
                  await client.call('people.delete', { id: p.id });
                  announce(`${p.name} removed.`);
                  load();
                  setGeneration((g) => g + 1);
                }}
              >
                Remove {p.name}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
