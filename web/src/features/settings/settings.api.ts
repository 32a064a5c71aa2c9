import type { SettingsView } from '../../../../domain/settings/settings.schema';
import { api } from '../../lib/api-client';

export type { SettingsView };
export const SETTINGS_KEY = ['settings'] as const;
export const getSettings = (): Promise<SettingsView> => api.get('/api/settings');
export const saveSettings = (change: { deadlines?: Record<string, string>; dealMath?: Record<string, number> }): Promise<SettingsView> => api.patch('/api/settings', change);
