import { useEffect } from 'react';
import { Sidebar } from './Sidebar';
import { StatusBar } from './StatusBar';
import { AREAS, navigate, useRoute } from './router';
import { DraftsArea } from '../features/drafts/DraftsArea';
import { SeriesArea } from '../features/series/SeriesArea';
import { CommentsArea } from '../features/comments/CommentsArea';
import { moduleLoader, useModule } from './module-loader';

// Planning loads on first visit, through the shell's one module loader.
const planningLoader = moduleLoader(() => import('../features/planning/PlanningArea'));

function LazyPlanning({ rest }: { rest: string[] }) {
  const { mod, error } = useModule(planningLoader);
  if (error) return <p className="pane error-text" role="alert">Planning could not be loaded: {error}</p>;
  if (!mod) return <p className="pane muted">Loading…</p>;
  return <mod.PlanningArea rest={rest} />;
}

export function App({ mode }: { mode: 'electron' | 'browser' }) {
  const route = useRoute();

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
        {route.area === 'drafts' && <DraftsArea rest={route.rest} />}
        {route.area === 'series' && <SeriesArea rest={route.rest} />}
        {route.area === 'comments' && <CommentsArea rest={route.rest} />}
        {route.area === 'planning' && <LazyPlanning rest={route.rest} />}
      </main>
      <StatusBar mode={mode} />
    </div>
  );
}
