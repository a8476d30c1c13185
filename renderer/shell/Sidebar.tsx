import { AREAS, navigate, type Area } from './router';
import { useForYouCount } from '../features/for-you/useForYouCount';

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

export function Sidebar({ current }: { current: Area }) {
  const forYou = useForYouCount();
  return (
    <nav className="sidebar" aria-label="Work areas">
      <div className="sidebar__brand">Editorial Workbench</div>
      <ul className="sidebar__list">
        {AREAS.map((a) => (
          <li key={a.id}>
            <a
              href={`#/${a.id}`}
              className="sidebar__link"
              aria-current={a.id === current ? 'page' : undefined}
              aria-keyshortcuts={`${isMac ? 'Meta' : 'Control'}+${a.key}`}
              onClick={(e) => {
                e.preventDefault();
                navigate(a.id);
              }}
            >
              <span>{a.label}</span>
              {a.id === 'for-you' && forYou > 0 && (
                <span className="sidebar__count" aria-label={`${forYou} unread`} data-testid="for-you-count">
                  {forYou}
                </span>
              )}
              <kbd className="sidebar__key">{isMac ? '⌘' : 'Ctrl+'}{a.key}</kbd>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
