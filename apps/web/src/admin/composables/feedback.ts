import { ElMessage, ElMessageBox } from 'element-plus';
import { ApiError } from '../../api/http';

/** Shows the server's Chinese message; errors already handled by a redirect stay quiet. */
export function notifyError(error: unknown, fallback = '操作失败，请稍后重试'): void {
  if (error instanceof ApiError) {
    if (error.handled) return;
    ElMessage.error(error.message || fallback);
    return;
  }
  if (error instanceof DOMException && error.name === 'AbortError') return;
  ElMessage.error(fallback);
}

export function notifySuccess(message: string): void {
  ElMessage.success(message);
}

/** Asks before a destructive or important action; resolves false when the user cancels. */
export async function confirmAction(
  message: string,
  options: { title?: string; confirmText?: string; danger?: boolean } = {},
): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, options.title ?? '请确认', {
      confirmButtonText: options.confirmText ?? '确定',
      cancelButtonText: '取消',
      type: options.danger ? 'error' : 'warning',
      confirmButtonClass: options.danger ? 'el-button--danger' : undefined,
    });
    return true;
  } catch {
    return false;
  }
}

/** Copies text, falling back to a hidden textarea when the Clipboard API is unavailable (plain http). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall back below
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  let ok: boolean;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}
