import type { OrgKind } from '@civic/contracts';
import type { Id, OrgTreeNode } from '../api/types';

export function sameId(a: Id | null | undefined, b: Id | null | undefined): boolean {
  return a !== null && a !== undefined && b !== null && b !== undefined && String(a) === String(b);
}

/** Depth-first walk over a forest. */
export function walkTree(nodes: readonly OrgTreeNode[], visit: (node: OrgTreeNode) => void): void {
  for (const node of nodes) {
    visit(node);
    walkTree(node.children ?? [], visit);
  }
}

export function findNode(nodes: readonly OrgTreeNode[], id: Id | null | undefined): OrgTreeNode | null {
  let found: OrgTreeNode | null = null;
  walkTree(nodes, (node) => {
    if (!found && sameId(node.id, id)) found = node;
  });
  return found;
}

/** Ids of a node and everything below it. */
export function subtreeIds(node: OrgTreeNode): Set<string> {
  const ids = new Set<string>();
  walkTree([node], (n) => ids.add(String(n.id)));
  return ids;
}

export function indexById(nodes: readonly OrgTreeNode[]): Map<string, OrgTreeNode> {
  const map = new Map<string, OrgTreeNode>();
  walkTree(nodes, (node) => map.set(String(node.id), node));
  return map;
}

export type KindFilter = (kind: OrgKind) => boolean;
