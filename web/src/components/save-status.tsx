import type { SaveStatus } from '../lib/use-versioned-form';
import { ConflictPanel, type FieldDifference } from './conflict-panel';
import { Notice } from './notices';

/** The notices above a versioned form: moved on, conflict with its comparison, refusal. */
export function SaveStatusNotices({
  status,
  noun,
  differences,
}: {
  status: SaveStatus;
  /** `recipe`, `post`, `comment` */
  noun: string;
  differences: () => FieldDifference[];
}) {
  return (
    <>
      {status.movedOn && (
        <Notice tone="warning" title={`This ${noun} changed while you were editing.`}>
          Saving now will ask you to choose between your edit and the saved version.
        </Notice>
      )}
      {status.conflictVersion !== null && (
        <ConflictPanel
          noun={noun}
          differences={differences()}
          busy={status.busy}
          onOverwrite={status.overwrite}
          onTakeTheirs={status.takeTheirs}
        />
      )}
      {status.summary && (
        <Notice tone="error" title={`The ${noun} was not saved.`}>
          {status.summary}
        </Notice>
      )}
    </>
  );
}
