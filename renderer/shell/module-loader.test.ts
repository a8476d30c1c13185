import { afterEach, describe, expect, it, vi } from 'vitest';
import { moduleLoader } from './module-loader';

describe('module loader', () => {
  it('imports once however often it is asked, and hands the module out synchronously afterwards', async () => {
    let imports = 0;
    const loader = moduleLoader(async () => {
      imports++;
      return { View: 'the view' };
    });
    expect(loader.loaded()).toBeNull();
    const [a, b] = await Promise.all([loader.load(), loader.load()]);
    expect(a).toBe(b);
    expect(loader.loaded()).toBe(a);
    await loader.load();
    expect(imports).toBe(1);
  });

  it('tries a failed import again on the next load', async () => {
    let attempts = 0;
    const loader = moduleLoader(async () => {
      if (++attempts === 1) throw new Error('chunk missing');
      return { ok: true };
    });
    await expect(loader.load()).rejects.toThrow('chunk missing');
    expect(loader.loaded()).toBeNull();
    await expect(loader.load()).resolves.toEqual({ ok: true });
    expect(attempts).toBe(2);
  });

  it('preloads after the current task (when the page is next idle), and not at all when cancelled first', async () => {
    let imports = 0;
    const loader = moduleLoader(async () => ({ n: ++imports }));
    loader.preload();
    expect(imports).toBe(0); // not within the caller's task
    await new Promise((r) => setTimeout(r, 10));
    expect(loader.loaded()).toEqual({ n: 1 });

    let cancelledImports = 0;
    const cancelled = moduleLoader(async () => ({ n: ++cancelledImports }));
    cancelled.preload()();
    await new Promise((r) => setTimeout(r, 10));
    expect(cancelledImports).toBe(0);
    expect(cancelled.loaded()).toBeNull();
  });

  describe('in a page', () => {
    afterEach(() => vi.unstubAllGlobals());

    it('waits for the page to be idle before it preloads, and a cancel drops the wait', async () => {
      const waiting = new Map<number, () => void>();
      let next = 0;
      vi.stubGlobal('requestIdleCallback', (cb: () => void, o?: { timeout?: number }) => {
        expect(o?.timeout).toBeGreaterThan(0); // still loads soon on a page that is never idle
        waiting.set(++next, cb);
        return next;
      });
      vi.stubGlobal('cancelIdleCallback', (id: number) => waiting.delete(id));
      let imports = 0;
      const loader = moduleLoader(async () => ({ n: ++imports }));
      loader.preload();
      await new Promise((r) => setTimeout(r, 10));
      expect(imports).toBe(0); // a task later is not idle yet
      for (const cb of waiting.values()) cb();
      await new Promise((r) => setTimeout(r, 0));
      expect(loader.loaded()).toEqual({ n: 1 });

      let cancelledImports = 0;
      const cancelled = moduleLoader(async () => ({ n: ++cancelledImports }));
      waiting.clear();
      cancelled.preload()();
      expect(waiting.size).toBe(0);
      await new Promise((r) => setTimeout(r, 10));
      expect(cancelledImports).toBe(0);
    });
  });
});
