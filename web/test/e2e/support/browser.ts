import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built web app the servers under test serve at `/`. */
export const webDist = fileURLToPath(new URL('../../../dist/', import.meta.url));

/** Fails at once with what to do, rather than every page later with a 404. */
export function requireBuiltWebApp(): void {
  if (!existsSync(path.join(webDist, 'index.html'))) throw new Error('web/dist is missing: run `npm run build -w web` first');
}

/** Chromium as every browser test here launches it. */
export { launchChromium } from '../../../../server/test/support/chromium.js';
