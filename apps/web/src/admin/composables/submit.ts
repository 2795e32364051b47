import { ref } from 'vue';
import { notifyError, notifySuccess } from './feedback';

/**
 * A button's server call: `pending` while it runs (bind it to :loading), the success message when
 * the action resolves with one, the server's Chinese message (or `failure`) when it throws.
 */
export function useSubmit(failure?: string) {
  const pending = ref(false);

  /** Resolves true when the action went through, false when it failed (already reported). */
  async function run(
    action: () => Promise<string | null | void>,
    failureMessage: string | undefined = failure,
  ): Promise<boolean> {
    pending.value = true;
    try {
      const message = await action();
      if (message) notifySuccess(message);
      return true;
    } catch (error) {
      notifyError(error, failureMessage);
      return false;
    } finally {
      pending.value = false;
    }
  }

  return { pending, run };
}
