// Runs in the browser before the app. The pages' Content-Security-Policy (proxy.ts) allows no eval,
// and zod probes for it (`new Function("")`) to decide whether to compile fast object parsers; the
// probe is caught, but the browser still reports a CSP violation. Client-side forms parse small
// inputs, so the interpreted parser loses nothing. (Server code keeps zod's default.)
//
// Set through the global that every copy of zod reads its configuration from
// (zod/v4/core: `globalThis.__zod_globalConfig`), not through `config()` from "zod/v4/core": that
// import put zod's core (9 kB gzip) on every page, also the many that never validate in the browser
// (issue 10). The e2e crawl's zero-CSP-violation check fails if this stops working.
const zodGlobal = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
(zodGlobal.__zod_globalConfig ??= {}).jitless = true;
