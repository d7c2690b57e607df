import { useState } from 'react';

/** "Delete", then "Delete for good" / "Keep it": one click never deletes anything. */
export function ConfirmDelete({ busy, onConfirm, label = 'Delete' }: { busy: boolean; onConfirm(): void; label?: string }) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" className="button button--quiet" onClick={() => setConfirming(true)}>
        {label}
      </button>
    );
  }
  return (
    <>
      <button type="button" className="button button--danger" onClick={onConfirm} disabled={busy}>
        Delete for good
      </button>
      <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
        Keep it
      </button>
    </>
  );
}
