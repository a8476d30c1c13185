// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { moduleLoader, useModule } from './module-loader';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('useModule', () => {
  it('shows a chunk preloaded after mount in the very render that wants it, with no render in between', async () => {
    const loader = moduleLoader(async () => ({ View: 'reply editor' }));
    const seen: (string | null)[] = [];
    function Panel({ wanted }: { wanted: boolean }) {
      const { mod } = useModule(loader, wanted);
      seen.push(wanted ? (mod?.View ?? null) : 'not wanted');
      return null;
    }
    const root = createRoot(document.createElement('div'));
    await act(async () => root.render(createElement(Panel, { wanted: false })));
    await act(async () => void (await loader.load())); // the preload lands while the panel is shown
    seen.length = 0;
    await act(async () => root.render(createElement(Panel, { wanted: true })));
    // Before: one render with null ("Loading…"), then the module after the load's promise.
    expect(seen).toEqual(['reply editor']);
    await act(async () => root.unmount());
  });

  it('still loads a chunk that is not in yet, and renders it when it arrives', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const loader = moduleLoader(async () => (await gate, { View: 'late' }));
    const seen: (string | null)[] = [];
    function Panel() {
      seen.push(useModule(loader, true).mod?.View ?? null);
      return null;
    }
    const root = createRoot(document.createElement('div'));
    await act(async () => root.render(createElement(Panel)));
    expect(seen.at(-1)).toBeNull();
    await act(async () => (release(), await loader.load()));
    expect(seen.at(-1)).toBe('late');
    await act(async () => root.unmount());
  });
});
