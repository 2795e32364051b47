import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { TEAM_BOUND_ROLES, type Permission } from '@civic/contracts';
import { authApi } from '../../api/auth';
import { ApiError, setCsrfToken } from '../../api/http';
import type { Me, SessionResponse } from '../../api/auth';

/** The signed-in staff member and the CSRF token of their session. */
export const useSessionStore = defineStore('session', () => {
  const me = ref<Me | null>(null);
  const csrfToken = ref<string | null>(null);
  const loaded = ref(false);
  /** Set when /api/auth/me failed for a reason other than "not signed in" (network, server down). */
  const loadError = ref<string | null>(null);

  const isAuthenticated = computed(() => me.value !== null);
  const needsPasswordChange = computed(
    () => !!me.value && (me.value.mustChangePassword || me.value.passwordExpired),
  );
  const needsTotpSetup = computed(() => !!me.value && me.value.totpRequired && !me.value.totpEnabled);
  /**
   * A team leader works for the team their account leads (and its sub-teams), not their whole org:
   * pages hide the org-wide filters and actions. `teamLess`: a leader bound to no team sees nothing.
   */
  const teamBound = computed(() => !!me.value && TEAM_BOUND_ROLES.includes(me.value.role));
  const teamLess = computed(() => teamBound.value && me.value?.teamId == null);

  function apply(session: SessionResponse): void {
    me.value = session.user;
    csrfToken.value = session.csrfToken;
    setCsrfToken(session.csrfToken);
  }

  function clear(): void {
    me.value = null;
    csrfToken.value = null;
    setCsrfToken(null);
  }

  function can(permission: Permission): boolean {
    return !!me.value && me.value.permissions.includes(permission);
  }

  /** Loads the current session; resolves with null when nobody is signed in. */
  async function load(): Promise<Me | null> {
    try {
      apply(await authApi.me());
      loadError.value = null;
    } catch (error) {
      clear();
      loadError.value = error instanceof ApiError && error.status !== 401 ? error.message : null;
    } finally {
      loaded.value = true;
    }
    return me.value;
  }

  async function login(username: string, password: string, totp?: string): Promise<Me> {
    const session = await authApi.login({ username, password, ...(totp ? { totp } : {}) });
    apply(session);
    loaded.value = true;
    loadError.value = null;
    return session.user;
  }

  async function logout(): Promise<void> {
    try {
      await authApi.logout();
    } finally {
      clear();
    }
  }

  /** Marks the session as needing a password change after the server said so. */
  function requirePasswordChange(): void {
    if (me.value) me.value = { ...me.value, mustChangePassword: true };
  }

  return {
    me,
    csrfToken,
    loaded,
    loadError,
    isAuthenticated,
    needsPasswordChange,
    needsTotpSetup,
    teamBound,
    teamLess,
    can,
    load,
    login,
    logout,
    clear,
    requirePasswordChange,
  };
});
