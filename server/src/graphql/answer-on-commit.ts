/** Where a mutation answers: once its write has committed. */

import type { Context } from '../context.js';
import type { Committed } from '../model/owned-writes.js';

/**
 * The one place a mutation answers once its write has committed, and sets its changes on their way. A write may commit
 * several (a comment and its notification; a recipe, its comments and their notifications); they
 * get their positions, in order, once the transaction has committed, from a sequencer call this
 * starts (or joins) without waiting for it: the mutation answers at commit. Real-time order holds
 * without the wait, since a write sent after another was answered appends after it and so gets a
 * later position. What "before I subscribed" means is kept by the subscription instead, which
 * starts at the head after a sequencer call that began after the subscribe (Sequencer.startPosition),
 * so it never receives a write answered before it. Should sequencing fail, the write still stands;
 * the sweep of any instance gives the changes their positions later.
 */
export async function answerOnCommit<Result>(ctx: Context, write: Promise<Committed<Result>>): Promise<Result> {
  const { result, appended } = await write;
  if (appended > 0) void ctx.sequencer.afterCommit();
  return result;
}
