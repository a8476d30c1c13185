/**
 * parse5, loaded the first time some markup needs it. The sanitizer's fast paths clean most
 * comments and an import onto posts already stored converts no post body, so such an import never
 * loads it: parse5 is an ES module package, and required from the CommonJS CLI it goes through
 * Node's ES module loader for each of its files (about 35 ms of CPU at every start otherwise).
 */
import { createRequire } from 'node:module';

type Parse5 = typeof import('parse5');

let loaded: Parse5 | null = null;

export function parse5(): Parse5 {
  return (loaded ??= createRequire(import.meta.url)('parse5') as Parse5);
}
