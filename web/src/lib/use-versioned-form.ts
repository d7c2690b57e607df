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
  /** The item's values when this edit started (or last took the saved version): what the viewer has not touched equals them. */
  base: Values;
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
  const [base, setBase] = useState<Values>(() => (item ? valuesOf(item) : empty));
  // The version this edit started from: the server refuses the save if the item moved on since.
  const [baseVersion, setBaseVersion] = useState(item?.version ?? 0);
  const [conflict, setConflict] = useState<number | null>(null);
  // During a conflict: the saved version whose values the untouched fields show.
  const [shown, setShown] = useState<{ version: number; values: Values } | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors();

  // A conflict shows the saved version at once in every field the viewer left alone (and again
  // as later saves arrive), keeping the viewer's own edits; the base stays the version the edit
  // started from, so the fields in conflict are still those both sides changed.
  const latest = item !== null && conflict !== null && item.version >= conflict ? item : null;
  if (latest && latest.version !== shown?.version) {
    const theirs = valuesOf(latest);
    const previous = shown?.values ?? base;
    setValues((current) => showSavedWhereUntouched(current, base, previous, theirs));
    setShown({ version: latest.version, values: theirs });
  }

  const submit = async (expectedVersion: number, current: Values = values, from: Values = base) => {
    const prepared = options.inputOf(current);
    if ('errors' in prepared) {
      errors.showFields(prepared.errors);
      return;
    }
    errors.clear();
    setBusy(true);
    // An update sends only what the viewer changed, so a save never puts back a field that was
    // changed elsewhere and left alone here.
    const input = item ? onlyChanged(prepared.input, current, from) : prepared.input;
    const result = await options.save(input, item ? expectedVersion : null).finally(() => setBusy(false));
    if (result.saved) {
      options.onSaved(result.saved);
      return;
    }
    const newer = conflictVersion(result.error);
    if (newer !== null) {
      setConflict(newer);
      options.onConflict?.();
      return;
    }
    errors.show(result.error);
  };

  return {
    values,
    base,
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
      // Fields the viewer left alone take the saved version; only the viewer's own changes are sent.
      const theirs = item ? valuesOf(item) : base;
      const version = Math.max(conflict, item?.version ?? 0);
      const merged = mergeUntouched(values, base, theirs);
      setValues(merged);
      setBase(theirs);
      setBaseVersion(version);
      setConflict(null);
      setShown(null);
      void submit(version, merged, base);
    },
    takeTheirs: () => {
      if (!item) return;
      setValues(valuesOf(item));
      setBase(valuesOf(item));
      setBaseVersion(item.version);
      setConflict(null);
      setShown(null);
    },
    reset: () => {
      setValues(empty);
      setBase(empty);
      setBaseVersion(0);
      setConflict(null);
      setShown(null);
      errors.clear();
    },
  };
}

/** Form values compare as the viewer sees them: surrounding whitespace is no change. */
export function sameValue(a: unknown, b: unknown): boolean {
  return typeof a === 'string' && typeof b === 'string' ? a.trim() === b.trim() : a === b;
}

/** The fields of `values` the viewer changed since `base`. */
export function touchedFields<Values>(values: Values, base: Values): (keyof Values)[] {
  return (Object.keys(values as object) as (keyof Values)[]).filter((field) => !sameValue(values[field], base[field]));
}

/**
 * What the form shows once a newer version `theirs` is known: a field the viewer left alone (it
 * still equals `base`, or the saved version shown before, `previous`) takes `theirs`; the viewer's
 * own edits stay.
 */
export function showSavedWhereUntouched<Values>(values: Values, base: Values, previous: Values, theirs: Values): Values {
  const shown = { ...values };
  for (const field of Object.keys(values as object) as (keyof Values)[]) {
    if (sameValue(values[field], base[field]) || sameValue(values[field], previous[field])) shown[field] = theirs[field];
  }
  return shown;
}

/** The viewer's changes on top of the saved version: every untouched field takes `theirs`. */
export function mergeUntouched<Values>(values: Values, base: Values, theirs: Values): Values {
  const merged = { ...theirs };
  for (const field of touchedFields(values, base)) merged[field] = values[field];
  return merged;
}

/** The input's fields whose form field changed since `base` (input fields are named as the form's). */
function onlyChanged<Input, Values>(input: Input, values: Values, base: Values): Input {
  const touched = new Set<PropertyKey>(touchedFields(values, base));
  return Object.fromEntries(Object.entries(input as object).filter(([key]) => !(key in (base as object)) || touched.has(key))) as Input;
}

/** Fields changed both here (since `base`) and in the saved version, to different values. */
export function conflictingFields<Values>(mine: Values, base: Values, theirs: Values): (keyof Values)[] {
  return touchedFields(mine, base).filter((field) => !sameValue(theirs[field], base[field]) && !sameValue(mine[field], theirs[field]));
}
