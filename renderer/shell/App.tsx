import { useEffect } from 'react';
import { Sidebar } from './Sidebar';
import { StatusBar } from './StatusBar';
import { AREAS, navigate, useRoute } from './router';
import { AREA_VIEWS } from './areas';

export function App({ mode }: { mode: 'electron' | 'browser' }) {
  const route = useRoute();
  const AreaView = AREA_VIEWS[route.area];

  // Ctrl/Cmd+1..4 switch areas from anywhere, including inside the editor.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      const area = AREAS.find((a) => a.key === e.key);
      if (area) {
        e.preventDefault();
        navigate(area.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="app">
      <Sidebar current={route.area} />
      <main className="app__main" id="main">
        <AreaView key={route.area} rest={route.rest} />
      </main>
      <StatusBar mode={mode} />
    </div>
  );
}
