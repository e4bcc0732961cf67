import { createChildCursor } from "./child-cursor";
import { DerError } from "./der-error";
import { readSingleTlv, type Tlv } from "./read-tlv";

export interface DerNode {
  tlv: Tlv;
  /** Children of a constructed element; empty for a primitive one. */
  children: DerNode[];
}

export interface TreeLimits {
  maxDepth: number;
  maxNodes: number;
}

const DEFAULT_LIMITS: TreeLimits = { maxDepth: 32, maxNodes: 10_000 };

/**
 * Reads a whole DER element into a tree, for inspection and tests. Depth and node count are capped so
 * hostile input cannot exhaust the stack or the CPU; X.509 nests about ten levels deep.
 */
export function readDerTree(bytes: Uint8Array, limits: Partial<TreeLimits> = {}): DerNode {
  const { maxDepth, maxNodes } = { ...DEFAULT_LIMITS, ...limits };
  let nodes = 0;

  function visit(tlv: Tlv, depth: number): DerNode {
    nodes += 1;
    if (nodes > maxNodes) throw new DerError("too_much_work", `more than ${maxNodes} elements`);
    if (depth > maxDepth) throw new DerError("too_deep", `nesting deeper than ${maxDepth} levels`);
    if (!tlv.constructed) return { tlv, children: [] };
    const cursor = createChildCursor(tlv.value);
    const children: DerNode[] = [];
    while (cursor.hasMore()) children.push(visit(cursor.next("child"), depth + 1));
    return { tlv, children };
  }

  return visit(readSingleTlv(bytes), 0);
}
