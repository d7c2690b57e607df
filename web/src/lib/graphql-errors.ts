/**
 * Reads the server's error extensions (see the public contract) out of a failed operation,
 * without tying callers to urql's error class.
 */
export interface GraphqlErrorLike {
  message: string;
  extensions?: Readonly<Record<string, unknown>> | undefined;
}

export interface OperationErrorLike {
  graphQLErrors: readonly GraphqlErrorLike[];
  networkError?: Error | undefined;
  message: string;
}

export type FieldErrors = Record<string, string>;

export interface ReadableError {
  /** Messages by form field name (`title`, `ingredients`, …), from BAD_USER_INPUT's `fields`. */
  fields: FieldErrors;
  /** What to show above the form: the error's message, or null when every message sits by a field. */
  summary: string | null;
  code: string | null;
}

/** `input.ingredients.2` → `ingredients`: a list item's error is shown by the whole list. */
function formField(path: string): string {
  const parts = path.split('.');
  return (parts[0] === 'input' ? parts[1] : parts[0]) ?? path;
}

function isFieldList(value: unknown): value is { field: string; message: string }[] {
  return (
    Array.isArray(value) &&
    value.every((item) => typeof item === 'object' && item !== null && typeof item.field === 'string' && typeof item.message === 'string')
  );
}

export function errorCode(error: OperationErrorLike | undefined | null): string | null {
  const code = error?.graphQLErrors[0]?.extensions?.code;
  return typeof code === 'string' ? code : null;
}

export function readError(error: OperationErrorLike | undefined | null): ReadableError | null {
  if (!error) return null;
  if (error.networkError) {
    return { fields: {}, summary: 'The server could not be reached. Check your connection and try again.', code: null };
  }
  const fields: FieldErrors = {};
  const loose: string[] = [];
  for (const graphqlError of error.graphQLErrors) {
    const extensions = graphqlError.extensions ?? {};
    if (isFieldList(extensions.fields)) {
      for (const { field, message } of extensions.fields) {
        const name = formField(field);
        // The first rule a field breaks is the one to fix first.
        fields[name] ??= message;
      }
    } else if (typeof extensions.field === 'string') {
      fields[formField(extensions.field)] = graphqlError.message;
    } else {
      loose.push(graphqlError.message);
    }
  }
  const summary = loose.length > 0 ? loose.join(' ') : Object.keys(fields).length > 0 ? null : error.message;
  return { fields, summary, code: errorCode(error) };
}

/** The version the server holds now, when an update failed with CONFLICT. */
export function conflictVersion(error: OperationErrorLike | undefined | null): number | null {
  const found = error?.graphQLErrors.find((e) => e.extensions?.code === 'CONFLICT');
  const version = found?.extensions?.currentVersion;
  return typeof version === 'number' ? version : null;
}
