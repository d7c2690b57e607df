import type { Viewer } from '../auth/tokens.js';
import type { Context } from '../context.js';
import { userError } from '../errors.js';

export function requireViewer(ctx: Context): Viewer {
  if (!ctx.viewer) throw userError('UNAUTHENTICATED', 'Sign in to do this.');
  return ctx.viewer;
}
