import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { orgsApi } from '../../api/orgs';
import type { OrgTreeNode } from '../../api/orgs';
import { indexById } from '../../utils/org-tree';

/** The caller's visible org subtree, fetched once and shared by the tree page and every org picker. */
export const useOrgTreeStore = defineStore('orgTree', () => {
  const tree = shallowRef<OrgTreeNode[]>([]);
  const loading = ref(false);
  const error = ref<string | null>(null);
  let pending: Promise<OrgTreeNode[]> | null = null;
  let fetched = false;

  const byId = computed(() => indexById(tree.value));

  async function load(force = false): Promise<OrgTreeNode[]> {
    if (pending) return pending;
    if (fetched && !force) return tree.value;
    loading.value = true;
    pending = orgsApi
      .tree()
      .then((nodes) => {
        tree.value = nodes;
        fetched = true;
        error.value = null;
        return nodes;
      })
      .catch((cause: unknown) => {
        error.value = cause instanceof Error ? cause.message : '组织架构加载失败';
        throw cause;
      })
      .finally(() => {
        loading.value = false;
        pending = null;
      });
    return pending;
  }

  /** Call after any org write so the next reader refetches. */
  function invalidate(): void {
    fetched = false;
  }

  function reset(): void {
    tree.value = [];
    fetched = false;
  }

  return { tree, loading, error, byId, load, invalidate, reset };
});
