import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile, checkTree } from './check-layers';

const root = path.resolve(import.meta.dirname, '..');
const at = (p: string) => path.join(root, p);

describe('layering check', () => {
  it('passes on the current tree', () => {
    expect(checkTree()).toEqual([]);
  });
  it('rejects common/ importing db/ or a Node built-in', () => {
    expect(checkFile(at('common/x.ts'), "import { openDatabase } from '../db/connection';")).toHaveLength(1);
    expect(checkFile(at('common/x.ts'), "import fs from 'node:fs';")).toHaveLength(1);
  });
  it('rejects renderer/ importing main/ or db/', () => {
    expect(checkFile(at('renderer/a/b.tsx'), "import { handlers } from '../../main/handlers/index';")).toHaveLength(1);
    expect(checkFile(at('renderer/a.ts'), "export { x } from '../db/repos/posts';")).toHaveLength(1);
  });
  it('rejects electron outside main/electron/ and main/ importing the shell', () => {
    expect(checkFile(at('main/http.ts'), "import { app } from 'electron';")).toHaveLength(1);
    expect(checkFile(at('main/cli.ts'), "import './electron/app';")).toHaveLength(1);
    expect(checkFile(at('main/electron/app.ts'), "import { app } from 'electron';")).toEqual([]);
  });
  it('allows db/ to import common/ and main/ to import db/', () => {
    expect(checkFile(at('db/repos/x.ts'), "import { uuidv7 } from '../../common/ids';")).toEqual([]);
    expect(checkFile(at('main/x.ts'), "import { openDatabase } from '../db/connection';")).toEqual([]);
  });
});
