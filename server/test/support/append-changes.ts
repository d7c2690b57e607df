/**
 * Appending changes the way a write does, in a transaction of the test's own: the server's writes
 * append in their own statements (`server/src/model/`); tests that race writers, hold
 * transactions open or fill the log append through this.
 */
import type { ChangeDetails, EntityStates } from '../../src/changes/change.js';
import type { Tx } from '../../src/db/client.js';
import { type ChangeKind, changePending, type EntityKind } from '../../src/db/schema.js';

type NewChange<E extends EntityKind> = {
  entity: E;
  entityId: string;
  kind: ChangeKind;
  author: { id: string; name: string };
  before: EntityStates[E] | null;
  after: EntityStates[E] | null;
} & (ChangeDetails[E] extends null ? { detail?: null } : { detail: ChangeDetails[E] });

/** A new change of any entity kind. */
type AnyNewChange = { [E in EntityKind]: NewChange<E> }[EntityKind];

/**
 * Appends a transaction's changes, in order, to the changes waiting for a position: they get theirs
 * from `sequenceChanges` once the transaction has committed. Call it after the entity's rows are
 * written (and so locked), as a write does, which is what makes append order commit order for any
 * one entity.
 */
export async function appendChanges(tx: Tx, changes: readonly AnyNewChange[]): Promise<void> {
  if (changes.length === 0) return;
  await tx.insert(changePending).values(
    changes.map((change) => ({
      entity: change.entity,
      entityId: change.entityId,
      kind: change.kind,
      authorId: change.author.id,
      authorName: change.author.name,
      before: change.before,
      after: change.after,
      detail: change.detail ?? null,
    })),
  );
}
