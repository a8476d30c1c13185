import { useCallback, useRef, useState } from 'react';
import { lazyView } from '../../shell/lazy-view';
import { useModule } from '../../shell/module-loader';
import { todayLocal } from '../series/format';
import { MyWork } from './MyWork';
import { PeopleTab } from './PeopleTab';
import { PlanCalendar } from './PlanCalendar';
import { filterCheck } from './plan-filter-loader';
import { goPlan, namedFilters, parsePlanRoute, TABS, type PlanRoute } from './plan-route';
import './planning.css';

// The schema library (zod) is loaded only for what needs it: an address naming filters, and the
// rules tab's settings. The calendar a window opens on needs neither.
const ChecklistRulesTab = lazyView('The checklist rules', () => import('./ChecklistRulesTab'), (m) => m.ChecklistRulesTab);

/** Planning across every series: calendar and tray, My work, people, and the checklist's rules. */
export function PlanningArea({ rest }: { rest: string[] }) {
  const today = todayLocal();
  const filtered = namedFilters(rest) !== null;
  const check = useModule(filterCheck, filtered);
  const [announcement, setAnnouncement] = useState('');
  // Re-setting the same text would not be announced again, so clear it first.
  const announce = useCallback((message: string) => {
    setAnnouncement('');
    requestAnimationFrame(() => setAnnouncement(message));
  }, []);
  // Until the check is in, a filter just picked keeps the view as it was (nothing unmounts, a
  // filter list stays open); an address opened with filters shows the area once it is checked.
  const shown = useRef<PlanRoute | null>(null);
  if (filtered && !check.mod) {
    if (check.error)
      return (
        <p className="pane error-text" role="alert">
          The Planning filters could not be loaded: {check.error}
        </p>
      );
    if (!shown.current) return null;
  }
  const route = filtered && !check.mod ? shown.current! : parsePlanRoute(rest, today, check.mod?.parsePlanFilter);
  shown.current = route;

  return (
    <section className="pane planning" aria-labelledby="planning-title">
      <h1 id="planning-title" className="pane__title">
        Planning
      </h1>
      <nav aria-label="Planning views" className="tabs">
        {TABS.map((t) => (
          <a
            key={t.id}
            href={`#/planning/${t.id}`}
            className="tabs__tab"
            aria-current={route.tab === t.id ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              goPlan({ ...route, tab: t.id });
            }}
          >
            {t.label}
          </a>
        ))}
      </nav>
      {route.tab === 'calendar' && <PlanCalendar route={route} today={today} announce={announce} />}
      {route.tab === 'mywork' && <MyWork today={today} />}
      {route.tab === 'people' && <PeopleTab announce={announce} />}
      {route.tab === 'rules' && <ChecklistRulesTab announce={announce} />}
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="planning-announcer">
        {announcement}
      </div>
    </section>
  );
}
