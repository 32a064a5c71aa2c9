import { NavLink } from 'react-router';
import { pathOf } from '../search/search.api';
import { useUserItems } from './use-user-items';

const SIDEBAR_RECENT = 5;

/** Favorites and the last few things I opened, under the sidebar's navigation. */
export function SidebarItems() {
  const { favorites, recent } = useUserItems();
  const sections = [
    { id: 'favorites', heading: 'Favorites', items: favorites },
    { id: 'recent', heading: 'Recent', items: recent.slice(0, SIDEBAR_RECENT) },
  ].filter((section) => section.items.length > 0);
  return (
    <>
      {sections.map((section) => (
        <nav key={section.id} className="sidebar-items" aria-label={section.heading}>
          <h2 className="sidebar-heading">{section.heading}</h2>
          {section.items.map((item) => (
            <NavLink key={`${item.entityType}:${item.entityId}`} to={pathOf({ type: item.entityType, id: item.entityId })} className="nav-link sidebar-item" end>
              <span className="sidebar-item-type">{item.entityType}</span>
              <span className="sidebar-item-title">{item.title}</span>
            </NavLink>
          ))}
        </nav>
      ))}
    </>
  );
}
