import { readFile } from 'node:fs/promises';

/**
 * A V8 heap snapshot as a graph: the dominator tree (Cooper, Harvey and Kennedy's iterative
 * algorithm over strong edges) gives every object's retained size, the bytes that would go with it.
 */
export interface HeapGraph {
  count: number;
  ids: Uint32Array;
  selfSize: Float64Array;
  retained: Float64Array;
  /** Immediate dominator per node; the root (0) dominates itself, unreachable nodes hold -1. */
  idom: Int32Array;
  /** Nodes in dominator-tree order: every node after its immediate dominator. */
  topDown: Int32Array;
  label(node: number): string;
}

interface SnapshotFile {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

/** Names that are object contents rather than kinds (strings, numbers, code) are grouped by type alone. */
const NAMED_TYPES = new Set(['object', 'closure', 'native', 'hidden', 'array']);

export async function readHeapGraph(file: string): Promise<HeapGraph> {
  const heap = JSON.parse(await readFile(file, 'utf8')) as SnapshotFile;
  const { node_fields, node_types, edge_fields, edge_types } = heap.snapshot.meta;
  const width = node_fields.length;
  const edgeWidth = edge_fields.length;
  const count = heap.nodes.length / width;
  const at = (field: string) => node_fields.indexOf(field);
  const [typeAt, nameAt, idAt, sizeAt, edgeCountAt] = [at('type'), at('name'), at('id'), at('self_size'), at('edge_count')];
  const edgeTypeAt = edge_fields.indexOf('type');
  const edgeToAt = edge_fields.indexOf('to_node');
  const weak = edge_types[0].indexOf('weak');

  const ids = new Uint32Array(count);
  const selfSize = new Float64Array(count);
  const firstEdge = new Uint32Array(count + 1);
  for (let n = 0, e = 0; n < count; n++) {
    ids[n] = heap.nodes[n * width + idAt] as number;
    selfSize[n] = heap.nodes[n * width + sizeAt] as number;
    firstEdge[n] = e;
    e += heap.nodes[n * width + edgeCountAt] as number;
    firstEdge[n + 1] = e;
  }
  const edgeCount = heap.edges.length / edgeWidth;
  const target = new Int32Array(edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    const strong = heap.edges[e * edgeWidth + edgeTypeAt] !== weak;
    target[e] = strong ? (heap.edges[e * edgeWidth + edgeToAt] as number) / width : -1;
  }

  // Depth-first postorder from the root over strong edges.
  const order = new Int32Array(count).fill(-1);
  const postorder = new Int32Array(count);
  let visited = 0;
  const stack = new Int32Array(count);
  const cursor = new Uint32Array(count);
  const seen = new Uint8Array(count);
  let depth = 0;
  stack[0] = 0;
  seen[0] = 1;
  cursor[0] = firstEdge[0] as number;
  while (depth >= 0) {
    const node = stack[depth] as number;
    const edge = cursor[node] as number;
    if (edge < (firstEdge[node + 1] as number)) {
      cursor[node] = edge + 1;
      const next = target[edge] as number;
      if (next >= 0 && !seen[next]) {
        seen[next] = 1;
        cursor[next] = firstEdge[next] as number;
        stack[++depth] = next;
      }
      continue;
    }
    order[node] = visited;
    postorder[visited++] = node;
    depth--;
  }

  // Predecessors of reachable nodes, in compressed rows.
  const predStart = new Uint32Array(count + 1);
  for (let n = 0; n < count; n++) {
    if ((order[n] as number) < 0) continue;
    for (let e = firstEdge[n] as number; e < (firstEdge[n + 1] as number); e++) {
      const to = target[e] as number;
      if (to >= 0) predStart[to + 1] = (predStart[to + 1] as number) + 1;
    }
  }
  for (let n = 0; n < count; n++) predStart[n + 1] = (predStart[n + 1] as number) + (predStart[n] as number);
  const preds = new Int32Array(predStart[count] as number);
  const fill = predStart.slice(0, count);
  for (let n = 0; n < count; n++) {
    if ((order[n] as number) < 0) continue;
    for (let e = firstEdge[n] as number; e < (firstEdge[n + 1] as number); e++) {
      const to = target[e] as number;
      if (to < 0) continue;
      const slot = fill[to] as number;
      preds[slot] = n;
      fill[to] = slot + 1;
    }
  }

  const idom = new Int32Array(count).fill(-1);
  idom[0] = 0;
  const intersect = (a: number, b: number) => {
    while (a !== b) {
      while ((order[a] as number) < (order[b] as number)) a = idom[a] as number;
      while ((order[b] as number) < (order[a] as number)) b = idom[b] as number;
    }
    return a;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = visited - 2; i >= 0; i--) {
      const node = postorder[i] as number;
      let next = -1;
      for (let p = predStart[node] as number; p < (predStart[node + 1] as number); p++) {
        const pred = preds[p] as number;
        if (idom[pred] === -1) continue;
        next = next === -1 ? pred : intersect(pred, next);
      }
      if (next !== -1 && idom[node] !== next) {
        idom[node] = next;
        changed = true;
      }
    }
  }

  // A dominator is a depth-first ancestor, so postorder visits it after everything it dominates.
  const retained = Float64Array.from(selfSize);
  for (let i = 0; i < visited - 1; i++) {
    const node = postorder[i] as number;
    const dominator = idom[node] as number;
    retained[dominator] = (retained[dominator] as number) + (retained[node] as number);
  }
  const topDown = postorder.slice(0, visited).reverse();

  const types = node_types[0];
  const edgeNameAt = edge_fields.indexOf('name_or_index');
  const [contextEdge, propertyEdge] = [edge_types[0].indexOf('context'), edge_types[0].indexOf('property')];
  // Plain objects and closure scopes say little by their constructor: name them by their first keys.
  const keysOf = (node: number, kind: number) => {
    const keys: string[] = [];
    for (let e = firstEdge[node] as number; e < (firstEdge[node + 1] as number) && keys.length < 6; e++) {
      if (heap.edges[e * edgeWidth + edgeTypeAt] !== kind) continue;
      const key = heap.strings[heap.edges[e * edgeWidth + edgeNameAt] as number] ?? '?';
      if (key !== '__proto__') keys.push(key);
    }
    return `{${keys.join(',')}}`;
  };
  const label = (node: number): string => {
    const type = types[heap.nodes[node * width + typeAt] as number] ?? '?';
    if (!NAMED_TYPES.has(type)) return type;
    const name = heap.strings[heap.nodes[node * width + nameAt] as number] ?? '?';
    if (name === 'system / Context') return `context${keysOf(node, contextEdge)}`;
    // A property store in dictionary mode is worth naming by its owner.
    if (name === '(object properties)' && (predStart[node + 1] as number) > (predStart[node] as number)) {
      return `properties of ${label(preds[predStart[node] as number] as number)}`;
    }
    if (type === 'object' && name === 'Object') return `object${keysOf(node, propertyEdge)}`;
    return `${type}:${name.slice(0, 60)}`;
  };
  return { count, ids, selfSize, retained, idom, topDown, label };
}

export interface Holder {
  /** The object that holds the bytes and what dominates it: "object:WebSocket ← object:Set". */
  key: string;
  bytes: number;
  count: number;
  /** The holder's retained bytes by the kind of object that makes them up, largest first. */
  parts: Array<{ key: string; bytes: number; count: number }>;
}

/**
 * What the objects new in `after` (absent from `before`, by snapshot id) amount to, by the outermost
 * new objects that retain them: a new object whose immediate dominator already existed holds
 * everything it dominates, so the holders' retained sizes add up to the new heap without overlap.
 */
export function newHolders(before: HeapGraph, after: HeapGraph): Holder[] {
  const old = new Set(before.ids);
  const top = new Int32Array(after.count).fill(-1);
  const holders = new Map<string, { bytes: number; count: number; parts: Map<string, { bytes: number; count: number }> }>();
  for (const node of after.topDown) {
    if (old.has(after.ids[node] as number)) continue;
    const dominator = after.idom[node] as number;
    const isTop = dominator === node || old.has(after.ids[dominator] as number);
    top[node] = isTop ? node : (top[dominator] as number);
    const holder = top[node] as number;
    const key = `${after.label(holder)} ← ${after.label(after.idom[holder] as number)}`;
    let entry = holders.get(key);
    if (!entry) {
      entry = { bytes: 0, count: 0, parts: new Map() };
      holders.set(key, entry);
    }
    if (isTop) {
      entry.bytes += after.retained[node] as number;
      entry.count += 1;
    }
    const partKey = after.label(node);
    const part = entry.parts.get(partKey) ?? { bytes: 0, count: 0 };
    part.bytes += after.selfSize[node] as number;
    part.count += 1;
    entry.parts.set(partKey, part);
  }
  return [...holders]
    .map(([key, { bytes, count, parts }]) => ({
      key,
      bytes,
      count,
      parts: [...parts].map(([k, p]) => ({ key: k, ...p })).sort((x, y) => y.bytes - x.bytes),
    }))
    .sort((x, y) => y.bytes - x.bytes);
}
