import { lazyComponent } from '../../lib/lazy-component';

// The offer form's code (react-hook-form, zod and the offer schemas) is fetched when it first shows.
export const CreateOfferForm = lazyComponent(() => import('./create-offer-form').then((module) => module.CreateOfferForm));
