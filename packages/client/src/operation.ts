import { type DocumentNode, Kind, type OperationDefinitionNode, parse } from 'graphql';

/**
 * Where a subscription's resume position lives: the response key of its root field (the alias if
 * any), whose `cursor` is read from every event, and the variable its `after:` argument takes.
 */
export interface ResumePoint {
  responseKey: string;
  /** The variable passed as `after: $variable`; null when the operation cannot resume (no `after`, or a literal). */
  variable: string | null;
}

function operationOf(document: DocumentNode, operationName?: string | null): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  return operationName ? operations.find((operation) => operation.name?.value === operationName) : operations[0];
}

/** Reads the resume point of a subscription document; null for a document that does not parse or is no subscription. */
export function resumePointOf(query: string | DocumentNode, operationName?: string | null): ResumePoint | null {
  let document: DocumentNode;
  try {
    document = typeof query === 'string' ? parse(query) : query;
  } catch {
    return null;
  }
  const operation = operationOf(document, operationName);
  if (operation?.operation !== 'subscription') return null;
  const field = operation.selectionSet.selections.find((selection) => selection.kind === Kind.FIELD);
  if (!field || field.kind !== Kind.FIELD) return null;
  const after = field.arguments?.find((argument) => argument.name.value === 'after');
  return {
    responseKey: field.alias?.value ?? field.name.value,
    variable: after?.value.kind === Kind.VARIABLE ? after.value.name.value : null,
  };
}

/** The `cursor` of the event in `data`, if the root field selected it. */
export function cursorIn(data: Record<string, unknown> | null | undefined, point: ResumePoint | null): string | null {
  if (!data) return null;
  const value = point ? data[point.responseKey] : Object.values(data)[0];
  if (typeof value === 'object' && value !== null && 'cursor' in value && typeof value.cursor === 'string') return value.cursor;
  return null;
}
