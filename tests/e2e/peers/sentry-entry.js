// bundled with esbuild by the test (Sentry's npm package ships no browser bundle)
import * as Sentry from "@sentry/browser";
window.Sentry = Sentry;
