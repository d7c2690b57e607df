import { type FormEvent, useState } from 'react';
import { conflictVersion, type FieldErrors, type OperationErrorLike } from './graphql-errors';
import { useFormErrors } from './use-form-errors';

/** What a save mutation gives back, whichever client ran it. */
export interface SaveResult<Saved> {
  /** The saved item, or null/undefined when the server refused. */
  saved: Saved | null | undefined;
  error?: OperationErrorLike | undefined;
}

/** Where a versioned form's save stands, for the notices above the form. */
export interface SaveStatus {
  busy: boolean;
  /** The item was saved elsewhere while the viewer edits. */
  movedOn: boolean;
  /** The newer version the server holds, after a save was refused with CONFLICT. */
  conflictVersion: number | null;
  summary: string | null;
  overwrite(): void;
  takeTheirs(): void;
}

export interface VersionedFormOptions<Values, Item extends { version: number }, Input, Saved> {
  /** The item being edited as the cache holds it now (live events keep it current); null when creating. */
  item: Item | null;
  empty: Values;
  valuesOf(item: Item): Values;
  /** The mutation input, or the fields that cannot even be sent. */
  inputOf(values: Values): { input: Input } | { errors: FieldErrors };
  /** Runs the create (expectedVersion null) or update mutation. */
  save(input: Input, expectedVersion: number | null): Promise<SaveResult<Saved>>;
  onSaved(saved: Saved): void;
  /** The server holds a newer version: fetch it, so the conflict view compares against it. */
  onConflict?(): void;
}

export interface VersionedForm<Values> extends SaveStatus {
  values: Values;
  /** A setter for one field, for an input's onChange. */
  set<Field extends keyof Values>(field: Field): (value: Values[Field]) => void;
  fieldErrors: FieldErrors;
  onSubmit(event: FormEvent): void;
  /** Back to the empty form (after adding, for the next one). */
  reset(): void;
}

/**
 * One submit flow for every form that edits a versioned item (recipes, blogs, comments): the edit
 * remembers the version it started from and sends it as `expectedVersion`; a CONFLICT opens the
 * comparison with the saved version, from which the viewer saves over it or takes it; any other
 * refusal puts each message beside its field.
 */
export function useVersionedForm<Values, Item extends { version: number }, Input, Saved>(
  options: VersionedFormOptions<Values, Item, Input, Saved>,
): VersionedForm<Values> {
  const { item, empty, valuesOf } = options;
  const [values, setValues] = useState<Values>(() => (item ? valuesOf(item) : empty));
  // The version this edit started from: the server refuses the save if the item moved on since.
  const [baseVersion, setBaseVersion] = useState(item?.version ?? 0);
  const [conflict, setConflict] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();

  const submit = async (expectedVersion: number) => {
    const prepared = options.inputOf(values);
    if ('errors' in prepared) {
      errors.showFields(prepared.errors);
      return;
    }
    errors.clear();
    setBusy(true);
    const result = await options.save(prepared.input, item ? expectedVersion : null).finally(() => setBusy(false));
    if (result.saved) {
      options.onSaved(result.saved);
      return;
    }
    const current = conflictVersion(result.error);
    if (current !== null) {
      setConflict(current);
      options.onConflict?.();
      return;
    }
    errors.show(result.error);
  };

  return {
    values,
    set: (field) => (value) => setValues((current) => ({ ...current, [field]: value })),
    fieldErrors: errors.fieldErrors,
    summary: errors.summary,
    busy,
    movedOn: item !== null && item.version !== baseVersion && conflict === null,
    conflictVersion: conflict,
    onSubmit: (event) => {
      event.preventDefault();
      void submit(baseVersion);
    },
    overwrite: () => {
      if (conflict === null) return;
      setBaseVersion(conflict);
      setConflict(null);
      void submit(conflict);
    },
    takeTheirs: () => {
      if (!item) return;
      setValues(valuesOf(item));
      setBaseVersion(item.version);
      setConflict(null);
    },
    reset: () => {
      setValues(empty);
      setBaseVersion(0);
      setConflict(null);
      errors.clear();
    },
  };
}
