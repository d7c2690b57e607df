/** Execution groups: which subscribers' documents and variables make the same execution. */

import { type ASTNode, type DocumentNode, Kind, type OperationDefinitionNode, visit } from 'graphql';

interface DocumentFacts {
  id: number;
  /** Variables the operation declares that change what it receives; see {@link groupOf}. */
  variables: readonly string[];
}

// Keyed by the document object: live documents are interned per text (budget.ts), so one
// text is one object for as long as anyone subscribes with it.
const facts = new WeakMap<DocumentNode, Map<string, DocumentFacts>>();
let nextDocumentId = 0;

/**
 * The execution group of a subscriber: its document, operation and the variables that operation
 * declares, apart from a root `after` (which only moves where a stream starts). Subscribers of
 * one group cannot see an event differently except by viewer, so they share its execution.
 * Variables the operation does not declare never reach execution, so they split nothing.
 */
export function groupOf(document: DocumentNode, operationName: string | null | undefined, variableValues: unknown): string {
  let byOperation = facts.get(document);
  if (!byOperation) {
    byOperation = new Map();
    facts.set(document, byOperation);
  }
  const name = operationName ?? '';
  let known = byOperation.get(name);
  if (!known) {
    known = { id: nextDocumentId++, variables: groupingVariables(document, operationOf(document, operationName)) };
    byOperation.set(name, known);
  }
  const values = (variableValues ?? {}) as Record<string, unknown>;
  const variables = known.variables.filter((variable) => values[variable] !== undefined).map((variable) => [variable, values[variable]]);
  return `${known.id}|${name}|${JSON.stringify(variables)}`;
}

function operationOf(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  return operationName ? operations.find((operation) => operation.name?.value === operationName) : operations[0];
}

/** Declared variables, except one used only as the root field's `after`. */
function groupingVariables(document: DocumentNode, operation: OperationDefinitionNode | undefined): string[] {
  if (!operation) return [];
  const declared = (operation.variableDefinitions ?? []).map((definition) => definition.variable.name.value);
  const startOnly = new Set<string>();
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    for (const argument of selection.arguments ?? []) {
      if (argument.name.value === 'after' && argument.value.kind === Kind.VARIABLE) startOnly.add(argument.value.name.value);
    }
  }
  if (startOnly.size === 0) return declared;
  // A start variable also used elsewhere does change the result.
  const uses = new Map<string, number>();
  const fragments = document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
  countVariableUses([operation.selectionSet, ...(operation.directives ?? []), ...fragments], uses);
  return declared.filter((name) => !startOnly.has(name) || (uses.get(name) ?? 0) > 1);
}

function countVariableUses(nodes: readonly ASTNode[], uses: Map<string, number>): void {
  for (const node of nodes) {
    visit(node, {
      Variable(variable) {
        uses.set(variable.name.value, (uses.get(variable.name.value) ?? 0) + 1);
      },
    });
  }
}
