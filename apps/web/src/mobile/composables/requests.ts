// How the mobile pages talk about a request: the server's own message when it sent one (it is
// written for residents), a page-specific fallback when the network or something unexpected failed.
import { ref } from 'vue';
import { showFailToast } from 'vant';
import { ApiError } from '../../api/http';

/** The message to show for a failed request. */
export function apiMessage(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.message : fallback;
}

/**
 * Shows why an action failed in a toast. Returns false, showing nothing, when the session handler
 * has already taken over (e.g. is sending the user to the login page).
 */
export function showFailure(error: unknown, fallback: string): boolean {
  if (error instanceof ApiError && error.handled) return false;
  showFailToast(apiMessage(error, fallback));
  return true;
}

/**
 * A form's submit: one at a time (`submitting` drives the button's spinner), and on failure the
 * message in `errorMessage` for the page's error box — with `toast`, in a toast as well.
 */
export function useSubmit(fallback: string, options: { toast?: boolean } = {}) {
  const submitting = ref(false);
  const errorMessage = ref<string | null>(null);

  /** Runs `action`; on failure sets the message, then calls `onError` (which may replace it). */
  async function submit(
    action: () => Promise<unknown>,
    onError?: (error: unknown) => unknown,
  ): Promise<void> {
    if (submitting.value) return;
    submitting.value = true;
    errorMessage.value = null;
    try {
      await action();
    } catch (error) {
      errorMessage.value = apiMessage(error, fallback);
      if (options.toast) showFailToast({ message: errorMessage.value, duration: 3000 });
      await onError?.(error);
    } finally {
      submitting.value = false;
    }
  }

  return { submitting, errorMessage, submit };
}

/**
 * A page's initial load: `loading` until `fetch` settles, then `loadError` if it failed (not when the
 * session handler took over — the page is leaving). `load` again to retry, or when what the page
 * shows changed (another village): `fetch` gets `current()`, false once a newer load has started, and
 * stores its answer only while it holds — a slow answer for the village picked before never replaces
 * the one picked after; only the newest load's error and spinner count.
 */
export function useLoad(
  fetch: (current: () => boolean) => Promise<unknown>,
  fallback = '加载失败，请稍后重试',
) {
  const loading = ref(true);
  const loadError = ref<ApiError | null>(null);
  let ticket = 0;

  async function load(): Promise<void> {
    const mine = ++ticket;
    const current = () => mine === ticket;
    loading.value = true;
    loadError.value = null;
    try {
      await fetch(current);
    } catch (error) {
      if (!current() || (error instanceof ApiError && error.handled)) return;
      loadError.value = error instanceof ApiError ? error : new ApiError(0, 'UNKNOWN', fallback);
    } finally {
      if (current()) loading.value = false;
    }
  }

  return { loading, loadError, load };
}
