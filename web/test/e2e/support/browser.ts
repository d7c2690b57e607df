import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';

/** The built web app the servers under test serve at `/`. */
export const webDist = fileURLToPath(new URL('../../../dist/', import.meta.url));

/** Fails at once with what to do, rather than every page later with a 404. */
export function requireBuiltWebApp(): void {
  if (!existsSync(path.join(webDist, 'index.html'))) throw new Error('web/dist is missing: run `npm run build -w web` first');
}

/**
 * Debian's Chromium, headless, with nothing that reaches outside this machine: no QUIC, no first-run
 * pages, no background networking, component updates or sync.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
