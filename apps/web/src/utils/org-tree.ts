import type { OrgKind } from '@civic/contracts';
import type { OrgTreeNode } from '../api/orgs';

/** Depth-first walk over a forest. */
export function walkTree(nodes: readonly OrgTreeNode[], visit: (node: OrgTreeNode) => void): void {
  for (const node of nodes) {
    visit(node);
    walkTree(node.children ?? [], visit);
  }
}

export function findNode(nodes: readonly OrgTreeNode[], id: number | null | undefined): OrgTreeNode | null {
  let found: OrgTreeNode | null = null;
  walkTree(nodes, (node) => {
    if (!found && node.id === id) found = node;
  });
  return found;
}

/** Ids of a node and everything below it. */
export function subtreeIds(node: OrgTreeNode): Set<number> {
  const ids = new Set<number>();
  walkTree([node], (n) => ids.add(n.id));
  return ids;
}

export function indexById(nodes: readonly OrgTreeNode[]): Map<number, OrgTreeNode> {
  const map = new Map<number, OrgTreeNode>();
  walkTree(nodes, (node) => map.set(node.id, node));
  return map;
}

export type KindFilter = (kind: OrgKind) => boolean;
