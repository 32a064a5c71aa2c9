import type { SettingsView, UpdateSettingsRequest } from '../../../../domain/settings/settings.schema';
import { api } from '../../lib/api-client';

export type { SettingsView };
export const SETTINGS_KEY = ['settings'] as const;
export const getSettings = (): Promise<SettingsView> => api.get('/api/settings');
export const saveSettings = (change: UpdateSettingsRequest): Promise<SettingsView> => api.patch('/api/settings', change);
