import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { authApi } from '../../api/auth';
import { ApiError, getCsrfToken, setCsrfToken } from '../../api/http';
import type { Me, SessionResponse } from '../../api/auth';

/** Who is signed in on the mobile face: a volunteer, a resident with an account, or nobody. */
export const useH5Session = defineStore('h5-session', () => {
  const me = ref<Me | null>(null);
  const loaded = ref(false);
  /** Set when /api/auth/me failed for a reason other than "not signed in". */
  const loadError = ref<string | null>(null);

  const isAuthenticated = computed(() => me.value !== null);
  /** Staff accounts can sign in too, but the volunteer's own pages need this permission. */
  const isVolunteer = computed(() => !!me.value && me.value.permissions.includes('volunteer.self'));
  /** A resident's account: their own orders (我的), none of the volunteer's pages. */
  const isResident = computed(() => !!me.value && me.value.permissions.includes('order.own'));
  /** Staff who may check people in to their activities (活动签到 by the volunteer card). */
  const isOrganiser = computed(() => !!me.value && me.value.permissions.includes('activity.write'));

  function apply(session: SessionResponse): void {
    me.value = session.user;
    setCsrfToken(session.csrfToken);
    loaded.value = true;
    loadError.value = null;
  }

  function clear(): void {
    me.value = null;
    setCsrfToken(null);
  }

  async function load(): Promise<Me | null> {
    // The server sets the script-readable CSRF cookie with the session cookie and clears them
    // together: without it nobody is signed in, and asking would only log a 401 in the console.
    if (!getCsrfToken()) {
      clear();
      loadError.value = null;
      loaded.value = true;
      return null;
    }
    try {
      apply(await authApi.me());
    } catch (error) {
      clear();
      loadError.value = error instanceof ApiError && error.status !== 401 ? error.message : null;
    } finally {
      loaded.value = true;
    }
    return me.value;
  }

  async function login(username: string, password: string): Promise<Me> {
    const session = await authApi.login({ username, password });
    apply(session);
    return session.user;
  }

  async function logout(): Promise<void> {
    try {
      await authApi.logout();
    } catch {
      // The session may already be gone (expired, withdrawn): signing out locally is what matters.
    } finally {
      clear();
    }
  }

  return {
    me,
    loaded,
    loadError,
    isAuthenticated,
    isVolunteer,
    isResident,
    isOrganiser,
    apply,
    clear,
    load,
    login,
    logout,
  };
});
