import { type Browser, chromium } from 'playwright-core';

/**
 * Debian's Chromium, headless, with nothing that reaches outside this machine: no QUIC, no first-run
 * pages, no background networking, component updates or sync. Playwright gives every launch a
 * fresh, throw-away profile.
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
