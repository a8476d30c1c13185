import { describe, expect, it } from 'vitest';
import { commenterIdentity, urlDomain } from './commenter';

describe('commenter identity', () => {
  it('matches one e-mail address whatever its case and white space, and ignores the name', () => {
    const a = commenterIdentity({ name: 'Maya Patel', email: 'maya@example.org', url: '' });
    const b = commenterIdentity({ name: 'M. Patel', email: '  MAYA@Example.ORG \n', url: 'https://other.example/' });
    expect(b).toEqual(a);
    expect(a).toEqual({ key: 'e:maya@example.org', basis: 'email' });
  });

  it('tells different e-mail addresses apart even under one name', () => {
    expect(commenterIdentity({ name: 'Sam', email: 'sam@a.example', url: '' }).key).not.toBe(commenterIdentity({ name: 'Sam', email: 'sam@b.example', url: '' }).key);
  });

  it('without an e-mail, matches name plus web address loosely and says so', () => {
    const a = commenterIdentity({ name: 'Lee  Chan', email: '', url: 'https://www.lee.example/' });
    const b = commenterIdentity({ name: ' lee chan', email: ' ', url: 'http://lee.example' });
    expect(b).toEqual(a);
    expect(a.basis).toBe('name-url');
    expect(commenterIdentity({ name: 'Lee Chan', email: '', url: 'https://someone-else.example/' }).key).not.toBe(a.key);
    expect(commenterIdentity({ name: 'Lee Chan', email: '', url: '' }).basis).toBe('name');
  });

  it('finds the host of an address without www. or a port', () => {
    expect(urlDomain('https://www.Spam.example:8080/x?y')).toBe('spam.example');
    expect(urlDomain('')).toBe('');
  });
});
