import { lazyComponent } from '../../lib/lazy-component';

// The lead forms' code (react-hook-form, zod and the lead schemas) is fetched when a form first shows,
// not with the pages that can open one.
export const CreateLeadForm = lazyComponent(() => import('./create-lead-form').then((module) => module.CreateLeadForm));
export const LeadEditForm = lazyComponent(() => import('./lead-edit-form').then((module) => module.LeadEditForm));
