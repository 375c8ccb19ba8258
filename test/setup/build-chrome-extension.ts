import { buildExtensions } from './build-extension';

// vitest globalSetup for the fault suites: the offline scenario drives the production Chromium
// build in real Chromium (no Firefox build needed there).
export default function setup(): void {
  buildExtensions({ firefox: false });
}
