// zod's configuration alone (not its schemas): the first module the app runs, before any schema
// is built, while the schemas load later with the pages and forms that use them.
import { config } from 'zod/v4/core';

// The app's CSP allows no eval: zod's JIT parser would probe `new Function` (as each object schema
// is built), which the browser reports as a violation even though zod catches it.
config({ jitless: true });
