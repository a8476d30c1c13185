import { describe, expect, it } from 'vitest';
import { isBlocking, parseFindings, splitCsvLine } from './electronegativity';

const CSV = `issue, severity, confidence, filename, location, sample, description, url
CSP_GLOBAL_CHECK,"LOW","FIRM","renderer/index.html","6:0","default-src 'none'; script-src 'self'","One or more CSP directives detected seems to be vulnerable",https://example.org/a
CONTEXT_ISOLATION_JS_CHECK,"HIGH","FIRM","main/electron/app.ts","48:14","const win = new BrowserWindow({","Review the use of the contextIsolation option",https://example.org/b
OPEN_EXTERNAL_JS_CHECK,"MEDIUM","TENTATIVE","main/electron/shell.test.ts","1:1","shell.openExternal(url, ""x"")","Review the use of openExternal",https://example.org/c
`;

describe('electronegativity output', () => {
  it('splits quoted CSV fields, commas and doubled quotes included', () => {
    expect(splitCsvLine('A,"b, c","say ""hi""",d')).toEqual(['A', 'b, c', 'say "hi"', 'd']);
  });

  it('fails on MEDIUM and above in shipped code, not on LOW and not in tests', () => {
    const findings = parseFindings(CSV);
    expect(findings.map((f) => [f.issue, f.severity, isBlocking(f)])).toEqual([
      ['CSP_GLOBAL_CHECK', 'LOW', false],
      ['CONTEXT_ISOLATION_JS_CHECK', 'HIGH', true],
      ['OPEN_EXTERNAL_JS_CHECK', 'MEDIUM', false],
    ]);
    expect(findings[2].sample).toBe('shell.openExternal(url, "x")');
  });

  it('refuses output without the CSV header rather than passing silently', () => {
    expect(() => parseFindings('')).toThrow(/no CSV header/);
  });
});
