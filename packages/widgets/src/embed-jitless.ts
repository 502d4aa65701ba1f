// First module of the embed: zod must not probe `new Function` (its JIT) under a strict CSP, where even the caught
// attempt is reported as a `securitypolicyviolation`. Schemas read this when they are created, so it runs before
// any of them. Only the speed of zod's object parsing changes, never a result.
import * as z from 'zod/v4/mini';

z.config({ jitless: true });
