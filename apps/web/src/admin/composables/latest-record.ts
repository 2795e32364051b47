import { ref, shallowRef } from 'vue';
import { notifyError } from './feedback';

/**
 * One record shown at a time (a detail page or drawer): when requests overlap, only the newest
 * one's answer, error and spinner count, so a slow earlier answer never replaces a newer one.
 */
export function useLatestRecord<T>(failure: string, options: { clearOnError?: boolean } = {}) {
  const data = shallowRef<T | null>(null);
  const loading = ref(false);
  let ticket = 0;

  /** `fetch` null shows nothing; `quiet` refreshes without the spinner (the record stays shown). */
  async function load(fetch: (() => Promise<T>) | null, { quiet = false } = {}): Promise<void> {
    const current = ++ticket;
    if (!fetch) {
      data.value = null;
      loading.value = false;
      return;
    }
    if (!quiet) loading.value = true;
    try {
      const result = await fetch();
      if (current === ticket) data.value = result;
    } catch (error) {
      if (current === ticket) {
        if (options.clearOnError) data.value = null;
        notifyError(error, failure);
      }
    } finally {
      if (current === ticket) loading.value = false;
    }
  }

  return { data, loading, load };
}
