import { z } from 'zod';

// The app's CSP allows no eval: zod's JIT parser would probe `new Function`, which the browser
// reports as a violation even though zod catches it. Imported first, before any schema parses.
z.config({ jitless: true });
