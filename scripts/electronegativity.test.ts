import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { installedElectronVersion, isBlocking, scan, toFindings } from './electronegativity';

describe('electronegativity findings', () => {
  it('fails on MEDIUM and above in shipped code, not on LOW and not in tests', () => {
    const findings = toFindings([
      { id: 'CSP_GLOBAL_CHECK', severity: { name: 'low' }, confidence: { name: 'firm' }, file: 'renderer/index.html', location: { line: 6, column: 0 }, sample: "default-src 'none'", description: 'CSP' },
      { id: 'CONTEXT_ISOLATION_JS_CHECK', severity: { name: 'HIGH' }, confidence: { name: 'FIRM' }, file: 'main/electron/app.ts', location: { line: 48, column: 14 }, sample: null, description: 'Review' },
      { id: 'OPEN_EXTERNAL_JS_CHECK', severity: { name: 'MEDIUM' }, confidence: { name: 'TENTATIVE' }, file: 'main/electron/shell.test.ts', description: 'Review' },
    ]);
    expect(findings.map((f) => [f.issue, f.severity, f.location, isBlocking(f)])).toEqual([
      ['CSP_GLOBAL_CHECK', 'LOW', '6:0', false],
      ['CONTEXT_ISOLATION_JS_CHECK', 'HIGH', '48:14', true],
      ['OPEN_EXTERNAL_JS_CHECK', 'MEDIUM', '0:0', false],
    ]);
  });

  it('refuses findings of a shape it does not know rather than passing silently', () => {
    expect(() => toFindings([{ id: 'X', severity: 'HIGH' }])).toThrow(/unknown shape/);
    expect(() => toFindings({ issues: [] })).toThrow(/unknown shape/);
  });

  describe('the real tool', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-eng-test-'));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('flags an unsandboxed window without context isolation that loads remote content as blocking', () => {
      fs.writeFileSync(
        path.join(dir, 'bad.js'),
        "const { BrowserWindow } = require('electron');\n" +
          "const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n" +
          "win.loadURL('http://example.com/');\n",
      );
      const findings = scan(dir, installedElectronVersion());
      const blocking = findings.filter(isBlocking).map((f) => f.issue);
      expect(blocking).toEqual(
        expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'HTTP_RESOURCES_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']),
      );
      expect(findings.find((f) => f.issue === 'CONTEXT_ISOLATION_JS_CHECK')?.file).toBe('bad.js');
    }, 120_000);
  });
});
