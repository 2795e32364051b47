import { reactive, ref, shallowRef, type UnwrapRef } from 'vue';
import { notifyError } from './feedback';

/**
 * The search form + table + pagination pattern shared by list pages: filters, current page,
 * loading flag, and a guard so a slow earlier response never overwrites a newer one.
 */
export function usePagedList<T, F extends object>(
  fetchPage: (query: F & { page: number; pageSize: number }) => Promise<{ items: T[]; total: number }>,
  initialFilters: () => F,
  options: { pageSize?: number } = {},
) {
  const filters = reactive(initialFilters()) as UnwrapRef<F>;
  const items = shallowRef<T[]>([]);
  const total = ref(0);
  const page = ref(1);
  const pageSize = ref(options.pageSize ?? 20);
  const loading = ref(false);
  let latest = 0;

  /** Snapshot of the filters as last searched (used by export so it matches the table). */
  const applied = shallowRef<F>({ ...initialFilters() });

  async function load(): Promise<void> {
    const ticket = ++latest;
    loading.value = true;
    try {
      const result = await fetchPage({ ...applied.value, page: page.value, pageSize: pageSize.value });
      if (ticket !== latest) return;
      items.value = result.items;
      total.value = result.total;
    } catch (error) {
      if (ticket === latest) notifyError(error, '数据加载失败');
    } finally {
      if (ticket === latest) loading.value = false;
    }
  }

  function search(): Promise<void> {
    applied.value = { ...(filters as F) };
    page.value = 1;
    return load();
  }

  function reset(): Promise<void> {
    Object.assign(filters as object, initialFilters());
    return search();
  }

  return { filters, applied, items, total, page, pageSize, loading, load, search, reset };
}
