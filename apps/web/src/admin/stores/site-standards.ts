import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { siteStandardsApi } from '../../api/sites';
import type { SiteStandard } from '../../api/sites';

/** Site-standard templates, shared by the template, inspection and coverage pages. */
export const useSiteStandardsStore = defineStore('siteStandards', () => {
  const standards = shallowRef<SiteStandard[]>([]);
  const loading = ref(false);
  let pending: Promise<SiteStandard[]> | null = null;
  let fetched = false;

  const byId = computed(() => new Map(standards.value.map((standard) => [standard.id, standard])));

  async function load(force = false): Promise<SiteStandard[]> {
    if (pending) return pending;
    if (fetched && !force) return standards.value;
    loading.value = true;
    pending = siteStandardsApi
      .list()
      .then((list) => {
        standards.value = list;
        fetched = true;
        return list;
      })
      .finally(() => {
        loading.value = false;
        pending = null;
      });
    return pending;
  }

  function reset(): void {
    standards.value = [];
    fetched = false;
  }

  return { standards, loading, byId, load, reset };
});
