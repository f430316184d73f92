// bundled with esbuild by the test (nothing from a CDN): the npm package as a page would ship it
import posthog from "posthog-js";
window.posthog = posthog;
