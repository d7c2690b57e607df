import type { ReactNode } from 'react';
import type { FieldDifference } from '../../components/conflict-panel';
import { FormField } from '../../components/form-field';
import { SaveStatusNotices } from '../../components/save-status';
import type { VersionedForm } from '../../lib/use-versioned-form';
import type { CommentFormValues } from './comment-form-values';

/** The body field, save notices and submit button shared by adding and editing a comment. */
export function CommentBodyForm({
  form,
  label,
  submitLabel,
  busyLabel,
  testId,
  differences = () => [],
  children,
}: {
  form: VersionedForm<CommentFormValues>;
  /** The field's accessible name, `Add a comment` or `Edit comment`. */
  label: string;
  submitLabel: string;
  /** The submit button's text while the save runs. */
  busyLabel: string;
  testId: string;
  /** What the conflict view compares; a new comment has no saved version to differ from. */
  differences?: () => FieldDifference[];
  /** Further actions beside the submit button. */
  children?: ReactNode;
}) {
  return (
    <form className="form stack comment-form" onSubmit={form.onSubmit} noValidate data-testid={testId}>
      <SaveStatusNotices status={form} noun="comment" differences={differences} />
      <FormField label={label} name="body" value={form.values.body} onChange={form.set('body')} error={form.fieldErrors.body} rows={3} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={form.busy}>
          {form.busy ? busyLabel : submitLabel}
        </button>
        {children}
      </div>
    </form>
  );
}
