import { useEffect, useId, useState } from 'react';
import type { Person } from '../../../common/api/people';
import { useClient } from '../../api/ClientContext';
import { PersonSelect } from '../planning/PersonSelect';

type Role = 'ownerId' | 'reviewerId';

/**
 * The post's owner (the editor responsible) and reviewer, chosen from the one list of people. They
 * are stored at once through planning.assign, as the Planning area's list does, and not through the
 * draft's saver: they are no part of the text's revisions.
 */
export function OwnerReviewerFields({ postId }: { postId: string }) {
  const client = useClient();
  const id = useId();
  const [people, setPeople] = useState<Person[] | null>(null);
  const [chosen, setChosen] = useState<Record<Role, string | null>>({ ownerId: null, reviewerId: null });
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([client.call('people.list', {}), client.call('planning.post', { postId })]).then(
      ([list, post]) => live && (setPeople(list), setChosen({ ownerId: post.ownerId, reviewerId: post.reviewerId })),
      (e: Error) => live && setMessage({ error: true, text: `Owner and reviewer could not be loaded: ${e.message}` }),
    );
    return () => {
      live = false;
    };
  }, [client, postId]);

  const assign = async (role: Role, value: string | null) => {
    const before = chosen;
    setChosen({ ...chosen, [role]: value });
    setMessage(null);
    try {
      const saved = await client.call('planning.assign', { postId, [role]: value });
      setChosen({ ownerId: saved.ownerId, reviewerId: saved.reviewerId });
      setMessage({ error: false, text: `${role === 'ownerId' ? 'Owner' : 'Reviewer'} saved.` });
    } catch (e) {
      setChosen(before);
      setMessage({ error: true, text: (e as Error).message });
    }
  };

  if (!people) return message ? <p className="error-text">{message.text}</p> : null;
  const select = (role: Role, label: string) => (
    <div className="meta-field">
      <label htmlFor={`${id}-${role}`}>{label}</label>
      <PersonSelect id={`${id}-${role}`} aria-describedby={`${id}-msg`} people={people} value={chosen[role]} onPick={(v) => void assign(role, v)} />
    </div>
  );
  return (
    <>
      {select('ownerId', 'Owner')}
      {select('reviewerId', 'Reviewer')}
      <p id={`${id}-msg`} className={message?.error ? 'error-text' : 'muted meta-field__message'} role={message?.error ? 'alert' : 'status'}>
        {message?.text ?? (people.length === 0 ? 'Add people in Planning → People to choose an owner and a reviewer.' : '')}
      </p>
    </>
  );
}
