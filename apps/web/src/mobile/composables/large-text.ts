import { ref } from 'vue';

const STORAGE_KEY = 'h5-large-text';
const CLASS_NAME = 'h5-large-text';

function readStored(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === '1';
  } catch {
    return false;
  }
}

const enabled = ref(readStored());

function applyClass(): void {
  document.documentElement.classList.toggle(CLASS_NAME, enabled.value);
}

/** Applies the saved preference to <html>; call once before mounting. */
export function initLargeText(): void {
  applyClass();
}

/** 大字模式: a class on <html> that enlarges every text size, remembered on this device. */
export function useLargeText() {
  function toggle(): void {
    enabled.value = !enabled.value;
    try {
      localStorage.setItem(STORAGE_KEY, enabled.value ? '1' : '0');
    } catch {
      // Private browsing may refuse storage; the toggle still works for this visit.
    }
    applyClass();
  }
  return { enabled, toggle };
}
