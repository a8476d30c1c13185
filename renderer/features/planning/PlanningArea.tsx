import { useCallback, useState } from 'react';
import { todayLocal } from '../series/format';
import { ChecklistRulesTab } from './ChecklistRulesTab';
import { MyWork } from './MyWork';
import { PeopleTab } from './PeopleTab';
import { PlanCalendar } from './PlanCalendar';
import { goPlan, parsePlanRoute, TABS } from './plan-route';
import './planning.css';

/** Planning across every series: calendar and tray, My work, people, and the checklist's rules. */
export function PlanningArea({ rest }: { rest: string[] }) {
  const today = todayLocal();
  const route = parsePlanRoute(rest, today);
  const [announcement, setAnnouncement] = useState('');
  // Re-setting the same text would not be announced again, so clear it first.
  const announce = useCallback((message: string) => {
    setAnnouncement('');
    requestAnimationFrame(() => setAnnouncement(message));
  }, []);

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
