/*
 * Debian's Chromium (apt-get install -y chromium) driven by playwright-core,
 * launched the same way by every browser test and benchmark.
 */
import { createRequire } from 'node:module';

export const CHROMIUM = process.env.E2E_CHROMIUM || '/usr/bin/chromium';

// Resolved from this repository, so scripts run from another directory (the
// adopter test's fresh app) still find it.
const require = createRequire(import.meta.url);

/** Starts a headless Chromium with nothing running in the background. */
export async function launchChromium() {
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      // No update checks or sync traffic that would skew timings or hang.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
