import { nextTask } from '@w/core/internal';
import { markerOf, type Probe } from './probe';

/** The shortest retainer path to the probe's target, or why there is none. */
export type Retainers = { path: string[] } | { why: string };

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

type NodeBuiltin = (id: string) => any;

/**
 * Takes a heap snapshot (Node only: `node:v8`), finds the probe's target through the marker
 * string on the object that holds its WeakRef, and walks breadth first from the snapshot's
 * root over every strong edge: the first path found is a shortest one.
 */
export async function findRetainers(probe: Probe): Promise<Retainers> {
  const global = globalThis as {
    Bun?: unknown;
    Deno?: unknown;
    process?: { getBuiltinModule?: NodeBuiltin };
  };
  const builtin = global.process?.getBuiltinModule;
  if (typeof builtin !== 'function' || global.Bun !== undefined || global.Deno !== undefined) {
    return { why: 'this runtime cannot take a V8 heap snapshot (Node ≥ 20.16 can)' };
  }
  // The caller's deref kept the target alive to the end of its task: not a retainer to show.
  await new Promise<void>((resolve) => nextTask(resolve));
  const chunks: Uint8Array[] = [];
  for await (const chunk of builtin('node:v8').getHeapSnapshot()) chunks.push(chunk);
  const snapshot = JSON.parse(builtin('node:buffer').Buffer.concat(chunks).toString()) as Snapshot;
  const path = shortestPath(snapshot, markerOf(probe));
  return path === undefined ? { why: 'the heap snapshot no longer held it' } : { path };
}

function shortestPath(snapshot: Snapshot, marker: string): string[] | undefined {
  const { meta } = snapshot.snapshot;
  const { nodes, edges, strings } = snapshot;
  const nodeFields = meta.node_fields.length;
  const nameField = meta.node_fields.indexOf('name');
  const edgeCountField = meta.node_fields.indexOf('edge_count');
  const edgeTypes = meta.edge_types[0];
  const weak = edgeTypes.indexOf('weak');
  const nodeCount = nodes.length / nodeFields;
  // Edges are stored node after node: where each node's edges start, as an index into `edges`.
  const firstEdge = new Uint32Array(nodeCount + 1);
  for (let node = 0; node < nodeCount; node++) {
    firstEdge[node + 1] = firstEdge[node]! + nodes[node * nodeFields + edgeCountField]! * 3;
  }
  const nameOf = (node: number) => strings[nodes[node * nodeFields + nameField]!];
  const edgeNamed = (node: number, name: string) => {
    for (let edge = firstEdge[node]!; edge < firstEdge[node + 1]!; edge += 3) {
      if (edgeName(snapshot, edge) === name) return edges[edge + 2]! / nodeFields;
    }
    return undefined;
  };

  // The holder: the object whose `marker` property is our marker string.
  const markers = new Set<number>();
  for (let node = 0; node < nodeCount; node++) if (nameOf(node) === marker) markers.add(node);
  let found: number | undefined;
  for (let node = 0; node < nodeCount && found === undefined; node++) {
    for (let edge = firstEdge[node]!; edge < firstEdge[node + 1]!; edge += 3) {
      if (!markers.has(edges[edge + 2]! / nodeFields) || edgeName(snapshot, edge) !== 'marker') {
        continue;
      }
      const weakRef = edgeNamed(node, 'ref');
      if (weakRef !== undefined) found = edgeNamed(weakRef, 'target');
      break;
    }
  }
  if (found === undefined) return undefined;
  const target = found;

  const parentEdge = new Int32Array(nodeCount).fill(-1);
  const seen = new Uint8Array(nodeCount);
  seen[0] = 1;
  let queue = [0];
  while (queue.length > 0 && seen[target] === 0) {
    const next: number[] = [];
    for (const node of queue) {
      for (let edge = firstEdge[node]!; edge < firstEdge[node + 1]!; edge += 3) {
        if (edges[edge] === weak) continue;
        const to = edges[edge + 2]! / nodeFields;
        if (seen[to] === 1) continue;
        seen[to] = 1;
        parentEdge[to] = edge;
        next.push(to);
      }
    }
    queue = next;
  }
  if (seen[target] === 0) return undefined;

  // Edge offsets back to the root, then their names forward.
  const steps: number[] = [];
  const fromOf = (edge: number) => {
    let lo = 0;
    let hi = nodeCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (firstEdge[mid]! <= edge) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  for (let node = target; node !== 0; node = fromOf(parentEdge[node]!)) {
    steps.unshift(parentEdge[node]!);
  }
  // The first step leaves the synthetic root: to a realm's global object (a shortcut edge; V8
  // names it `global` or `Object`, whichever realm) or to a group of roots such as `(GC roots)`.
  const [first, ...rest] = steps;
  const start =
    edgeTypes[edges[first!]!] === 'shortcut'
      ? 'globalThis'
      : (nameOf(edges[first! + 2]! / nodeFields) ?? '?');
  const names = rest.map((edge) => edgeName(snapshot, edge));
  if (names.length === 0 || names[0]!.startsWith('[')) return [start, ...names];
  return [`${start}.${names[0]}`, ...names.slice(1)];
}

/** `name` for a property, `[i]` for an element, `(context) name` for a closure variable... */
function edgeName(snapshot: Snapshot, edge: number): string {
  const types = snapshot.snapshot.meta.edge_types[0];
  const type = types[snapshot.edges[edge]!];
  const nameOrIndex = snapshot.edges[edge + 1]!;
  if (type === 'element' || type === 'hidden') return `[${nameOrIndex}]`;
  const name = snapshot.strings[nameOrIndex]!;
  if (type === 'context') return `(closure variable) ${name}`;
  if (type === 'internal') return `(internal) ${name}`;
  return name;
}
