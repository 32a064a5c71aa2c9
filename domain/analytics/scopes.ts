// No zod here: the dashboard's scope control reads it in the web app's page code.
export const SCOPES = ['me', 'team', 'everyone'] as const;
export type Scope = (typeof SCOPES)[number];
