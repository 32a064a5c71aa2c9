import { Command } from 'cmdk';
import { useUserItems } from '../shell/use-user-items';
import { pathOf } from './search.api';

const TYPE_LABELS = { lead: 'Lead', buyer: 'Buyer', task: 'Task', offer: 'Offer' } as const;

/** The palette's first groups before anything is typed: my favorites, then what I opened last. */
export function PaletteUserItems({ select }: { select: (path: string) => void }) {
  const { favorites, recent } = useUserItems();
  const groups = [
    { heading: 'Favorites', key: 'favorite', items: favorites },
    { heading: 'Recent', key: 'recent', items: recent },
  ];
  return (
    <>
      {groups.map((group) =>
        group.items.length ? (
          <Command.Group key={group.key} heading={group.heading}>
            {group.items.map((item) => (
              <Command.Item
                key={`${item.entityType}:${item.entityId}`}
                value={`${group.key}:${item.entityType}:${item.entityId}`}
                onSelect={() => select(pathOf({ type: item.entityType, id: item.entityId }))}
                className="palette-item palette-item-row"
              >
                <span className="palette-item-title">{item.title}</span>
                <span className="palette-item-subtitle">{TYPE_LABELS[item.entityType]}</span>
              </Command.Item>
            ))}
          </Command.Group>
        ) : null,
      )}
    </>
  );
}
