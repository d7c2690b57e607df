import { useCallback, useState } from 'react';
import { type FieldErrors, type OperationErrorLike, readError } from './graphql-errors';

export interface FormErrors {
  /** The server's messages by field name, shown beside each field. */
  fieldErrors: FieldErrors;
  /** What to show above the form, when a message belongs to no field. */
  summary: string | null;
  /** Shows a refused submit: each message by its field, the rest above the form. */
  show(error: OperationErrorLike | undefined | null): void;
  /** Field errors found before sending (a number that is not one). */
  showFields(fields: FieldErrors): void;
  clear(): void;
}

/** The error half of every form in the app: what the server refused, and where to say so. */
export function useFormErrors(): FormErrors {
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<string | null>(null);
  const show = useCallback((error: OperationErrorLike | undefined | null) => {
    const readable = readError(error);
    setFieldErrors(readable?.fields ?? {});
    setSummary(readable?.summary ?? null);
  }, []);
  const showFields = useCallback((fields: FieldErrors) => {
    setFieldErrors(fields);
    setSummary(null);
  }, []);
  const clear = useCallback(() => {
    setFieldErrors({});
    setSummary(null);
  }, []);
  return { fieldErrors, summary, show, showFields, clear };
}
