import { ref, shallowRef } from 'vue';
import { notifyError } from './feedback';

/**
 * The search behind a select box that looks options up as you type: the keyword is trimmed, and when
 * searches overlap only the newest one's answer, error and spinner count.
 */
export function useRemoteSearch<T>(fetch: (keyword: string) => Promise<T[]>, failure: string) {
  const found = shallowRef<T[]>([]);
  const loading = ref(false);
  let ticket = 0;

  async function search(keyword: string): Promise<void> {
    const current = ++ticket;
    loading.value = true;
    try {
      const items = await fetch(keyword.trim());
      if (current === ticket) found.value = items;
    } catch (error) {
      if (current === ticket) notifyError(error, failure);
    } finally {
      if (current === ticket) loading.value = false;
    }
  }

  return { found, loading, search };
}
