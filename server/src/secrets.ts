/** The instance's signing secrets, opened once at start. */

import type { Logger } from 'pino';
import { developmentSecret } from './auth/development-secret.js';
import { createTokenService, type TokenService } from './auth/tokens.js';
import { type CursorSeal, createCursorSeal } from './changes/cursor.js';
import type { Config } from './config.js';

/**
 * The instance's secrets and what is signed with them: tokens, and the cursors handed to
 * subscribers. Without JWT_SECRET a development secret kept on disk serves, so sessions survive a
 * restart; every instance of a deployment must share the same secrets.
 */
export async function openSigning(config: Config, logger: Logger): Promise<{ tokens: TokenService; cursors: CursorSeal }> {
  let secret = config.JWT_SECRET;
  if (!secret) {
    const kept = await developmentSecret(config.DEV_JWT_SECRET_FILE);
    secret = kept.secret;
    logger.warn(
      { file: kept.file },
      `JWT_SECRET is not set: tokens are signed with a development secret ${kept.created ? 'made now and kept' : 'kept'} in this file`,
    );
  }
  return { tokens: createTokenService(secret, config.TOKEN_TTL), cursors: createCursorSeal(config.CURSOR_SECRET ?? secret) };
}
