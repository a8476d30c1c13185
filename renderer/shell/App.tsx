import { Sidebar } from './Sidebar';
import { StatusBar } from './StatusBar';
import { useRoute } from './router';
import { AREA_VIEWS } from './areas';

export function App({ mode }: { mode: 'electron' | 'browser' }) {
  const route = useRoute();
  const AreaView = AREA_VIEWS[route.area];

  // Ctrl/Cmd+1..4 are the boot module's (shell/area-keys.ts): they work before this shell has mounted.
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
