import { config } from "zod/v4/core";

// Runs in the browser before the app. The pages' Content-Security-Policy (proxy.ts) allows no eval,
// and zod probes for it (`new Function("")`) to decide whether to compile fast object parsers; the
// probe is caught, but the browser still reports a CSP violation. Client-side forms parse small
// inputs, so the interpreted parser loses nothing. (Server code keeps zod's default.)
config({ jitless: true });
