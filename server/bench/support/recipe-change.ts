import type { CursorSeal } from '../../src/changes/cursor.js';

/**
 * The `recipeChanged` payload the project sends, built straight from a message on the project's Redis
 * change channel, for the reference servers the benchmarks measure the project against.
 */
export interface RecipeChange {
  kind: string;
  cursor: string;
  occurredAt: string;
  recipe: { id: string; title: string; version: number; tags: string[]; author: { id: string; name: string } } | null;
}

interface Row {
  id: string;
  title: string;
  version: number;
  tags: string[];
}
interface Message {
  entity: string;
  kind: string;
  position: number;
  occurredAt: string;
  authorId: string;
  authorName: string;
  before: Row | null;
  after: Row | null;
}

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

/** The payloads for one channel message (one sequencer call's changes): its recipes' changes, in order. */
export function recipeChangesFrom(text: string, cursors: CursorSeal): RecipeChange[] {
  const { changes } = JSON.parse(text) as { changes: Message[] };
  return changes.filter((change) => change.entity === 'recipe').map((change) => recipeChange(change, cursors));
}

function recipeChange(change: Message, cursors: CursorSeal): RecipeChange {
  const row = change.after;
  return {
    kind: change.kind,
    cursor: cursors.seal('recipe', change.position),
    occurredAt: new Date(change.occurredAt).toISOString(),
    recipe: row && {
      id: globalId('Recipe', row.id),
      title: row.title,
      version: row.version,
      tags: row.tags,
      author: { id: globalId('User', change.authorId), name: change.authorName },
    },
  };
}

/** The Redis channel the project's instances publish committed changes on. */
export const changeChannel = (prefix: string | undefined) => `${prefix ?? 'live-recipes:'}changes`;
