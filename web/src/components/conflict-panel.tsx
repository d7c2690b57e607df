export interface FieldDifference {
  label: string;
  mine: string;
  theirs: string;
}

export interface ConflictPanelProps {
  currentVersion: number;
  differences: FieldDifference[];
  busy: boolean;
  onOverwrite(): void;
  onTakeTheirs(): void;
}

/** Someone saved first: show what they saved next to the viewer's edit and let the viewer choose. */
export function ConflictPanel({ currentVersion, differences, busy, onOverwrite, onTakeTheirs }: ConflictPanelProps) {
  return (
    <section className="conflict" role="alert" data-testid="conflict">
      <h2 className="conflict__title">Someone else saved a newer version (version {currentVersion})</h2>
      {differences.length > 0 ? (
        <table className="conflict__table">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Your edit</th>
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
        <p>Their version matches your edit.</p>
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
