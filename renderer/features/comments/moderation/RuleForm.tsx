import { useState } from 'react';
import type { RuleKind, RuleSpec } from '../../../../common/moderation/rule-schema';
import { RULE_KIND_LABEL, RULE_KINDS } from '../../../../common/moderation/rule-schema';

/** Splits a list typed with commas or new lines. */
const items = (s: string) => s.split(/[,\n]/).map((x) => x.trim()).filter(Boolean);

/** The fields of a new rule; returns the spec, or an error that says which field is wrong. */
export function useRuleForm() {
  const [kind, setKind] = useState<RuleKind>('banned');
  const [list, setList] = useState('');
  const [emails, setEmails] = useState('');
  const [names, setNames] = useState('');
  const [domains, setDomains] = useState('');
  const [num, setNum] = useState('');
  const spec = (): RuleSpec | string => {
    const n = Number(num);
    switch (kind) {
      case 'links':
        return num.trim() && Number.isInteger(n) && n >= 0 ? { kind, params: { max: n } } : 'Most links allowed: enter a whole number, 0 or more.';
      case 'banned':
        return items(list).length ? { kind, params: { phrases: items(list) } } : 'Words or phrases: enter at least one (commas between them).';
      case 'suspect':
        return items(list).length ? { kind, params: { words: items(list) } } : 'Words or phrases: enter at least one (commas between them).';
      case 'blocked':
        return items(emails).length + items(names).length + items(domains).length
          ? { kind, params: { emails: items(emails), names: items(names), domains: items(domains) } }
          : 'Enter at least one e-mail address, name or domain to block.';
      case 'trusted': {
        const min = num.trim() ? n : 0;
        if (!Number.isInteger(min) || min < 0) return 'Earlier approved comments: enter a whole number.';
        return items(emails).length + items(names).length || min > 0
          ? { kind, params: { emails: items(emails), names: items(names), minApproved: min } }
          : 'Name trusted commenters, or a number of earlier approved comments above 0.';
      }
      case 'score':
        return num.trim() && n >= 0.5 && n <= 1 ? { kind, params: { above: n } } : 'Spam score threshold: enter a number from 0.5 to 1, such as 0.99.';
      case 'first':
        return { kind, params: {} };
    }
  };
  const fields = (onChange: () => void) => {
    const on = (set: (v: string) => void) => (e: { target: { value: string } }) => (set(e.target.value), onChange());
    return (
      <div className="rule-form__fields">
        <label>
          Kind of rule
          <select value={kind} onChange={on((v) => setKind(v as RuleKind))}>
            {RULE_KINDS.map((k) => (
              <option key={k} value={k}>
                {RULE_KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </label>
        {(kind === 'banned' || kind === 'suspect') && (
          <label>
            Words or phrases (commas between them)
            <textarea rows={2} value={list} onChange={on(setList)} />
          </label>
        )}
        {(kind === 'blocked' || kind === 'trusted') && (
          <>
            <label>
              E-mail addresses
              <input value={emails} onChange={on(setEmails)} />
            </label>
            <label>
              Names
              <input value={names} onChange={on(setNames)} />
            </label>
          </>
        )}
        {kind === 'blocked' && (
          <label>
            Domains (web or e-mail)
            <input value={domains} onChange={on(setDomains)} />
          </label>
        )}
        {kind === 'links' && (
          <label>
            Most links allowed
            <input inputMode="numeric" value={num} onChange={on(setNum)} />
          </label>
        )}
        {kind === 'trusted' && (
          <label>
            Or anyone with this many earlier approved comments and no spam
            <input inputMode="numeric" value={num} onChange={on(setNum)} />
          </label>
        )}
        {kind === 'score' && (
          <label>
            Spam above this score
            <input inputMode="decimal" value={num} onChange={on(setNum)} placeholder="0.99" />
          </label>
        )}
      </div>
    );
  };
  return { spec, fields, reset: () => (setList(''), setEmails(''), setNames(''), setDomains(''), setNum('')) };
}
