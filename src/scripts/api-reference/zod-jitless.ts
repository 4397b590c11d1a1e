/**
 * Tells the copy of Zod inside Scalar not to compile validators with `new Function`. Zod 4 probes
 * for that ability once, and under our Content Security Policy, which has no 'unsafe-eval', the
 * probe is reported as a violation even though Zod then works without it.
 * Imported first by mount.ts, so it runs before Scalar's modules load.
 */
const zodGlobal = globalThis as { __zod_globalConfig?: Record<string, unknown> };
zodGlobal.__zod_globalConfig = { ...zodGlobal.__zod_globalConfig, jitless: true };

export {};
