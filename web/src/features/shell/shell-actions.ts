import { createContext, useContext } from 'react';

export type CreateKind = 'lead' | 'buyer' | 'task';

/** What the keyboard layer, the top bar and the palette can open from any page. */
export interface ShellActions {
  openPalette(): void;
  openCreate(kind: CreateKind): void;
  openCheatSheet(): void;
  /** The call outcome picker for a lead, over its page. */
  openLogCall(leadId: string): void;
}

export const ShellActionsContext = createContext<ShellActions | null>(null);

export function useShellActions(): ShellActions {
  const actions = useContext(ShellActionsContext);
  if (!actions) throw new Error('useShellActions outside ShellActionsProvider');
  return actions;
}
