import { lazyComponent } from '../../lib/lazy-component';

// The buyer form's code (react-hook-form, zod and the buyer schemas) is fetched when it first shows.
export const BuyerForm = lazyComponent(() => import('./buyer-form').then((module) => module.BuyerForm));
