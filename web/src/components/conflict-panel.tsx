export interface FieldDifference {
  label: string;
  mine: string;
  theirs: string;
}

export interface ConflictPanelProps {
  /** `recipe`, `post`, `comment` */
  noun: string;
  differences: FieldDifference[];
  busy: boolean;
  onOverwrite(): void;
  onTakeTheirs(): void;
}

/**
 * A newer version was saved first (only the author edits, so from another tab or device): show,
 * for each field changed on both sides, the viewer's edit beside the saved one and let the viewer
 * choose. Fields changed on one side only are not in conflict and are kept either way.
 */
export function ConflictPanel({ noun, differences, busy, onOverwrite, onTakeTheirs }: ConflictPanelProps) {
  return (
    <section className="conflict" role="alert" data-testid="conflict">
      <h2 className="conflict__title">This {noun} was saved from another tab or device while you were editing</h2>
      {differences.length > 0 ? (
        <table className="conflict__table">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Your edit here</th>
              <th scope="col">Saved version</th>
            </tr>
          </thead>
          <tbody>
            {differences.map((difference) => (
              <tr key={difference.label}>
                <th scope="row">{difference.label}</th>
                <td className="conflict__mine">{difference.mine || '—'}</td>
                <td className="conflict__theirs">{difference.theirs || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>You changed other fields than the saved version did: saving keeps both.</p>
      )}
      <div className="conflict__actions">
        <button type="button" className="button button--primary" onClick={onOverwrite} disabled={busy}>
          Save mine over theirs
        </button>
        <button type="button" className="button" onClick={onTakeTheirs} disabled={busy}>
          Discard mine, edit theirs
        </button>
      </div>
    </section>
  );
}
