// First import of the app: no `new Function` probe by zod under the page's CSP (no 'unsafe-eval'); see
// examples/strict-csp/README.md. Must run before any schema is created, hence its own module, imported first.
import * as z from 'zod/v4/mini';

z.config({ jitless: true });
