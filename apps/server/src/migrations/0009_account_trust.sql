-- Trust in accounts (issue 12).
--
-- 三权分立 per person: a privileged account (centre or institute admin, security admin, audit admin)
-- that the security admin creates, resets or promotes stays 'pending' until a second role (an audit
-- admin or a centre admin) activates it, so the security admin alone can never sign in as one.
-- `activation_requested_by` remembers who asked (that person may not activate it), and survives a
-- disable/enable round trip, so enabling a pending account brings it back to 'pending', not 'active'.
ALTER TABLE users DROP CONSTRAINT users_status_check;
ALTER TABLE users ADD CONSTRAINT users_status_check CHECK (status IN ('active', 'disabled', 'pending'));
ALTER TABLE users
  ADD COLUMN activation_requested_by bigint REFERENCES users(id),
  ADD COLUMN activation_requested_at timestamptz,
  ADD COLUMN activation_reason text CHECK (activation_reason IN ('create', 'reset_password', 'role_change')),
  -- TOTP replay: the time step of the last code accepted; a code of that step or an earlier one is refused
  ADD COLUMN totp_last_step bigint;
ALTER TABLE users ADD CONSTRAINT users_activation_complete CHECK (
  (activation_requested_by IS NULL) = (activation_requested_at IS NULL)
  AND (activation_requested_by IS NULL) = (activation_reason IS NULL)
);

-- In-app alerts addressed to one staff member (each audit admin is told of every privileged
-- account action), beside those addressed to an org's staff and those to a volunteer.
ALTER TABLE notifications ADD COLUMN user_id bigint REFERENCES users(id);
CREATE INDEX notifications_user_idx ON notifications (user_id, id DESC) WHERE user_id IS NOT NULL;

-- Lockout keyed on the account: failures are now counted under the account they resolve to (or a
-- keyed hash of an unknown name), no longer under the typed name, which was kept verbatim. The rows
-- only matter for 45 minutes; the old ones go rather than being carried over.
DELETE FROM login_failures;

-- Friction instead of blanket per-IP locks: after many failures from one address, a login there
-- needs a solved proof-of-work challenge. A challenge is good for one attempt; this remembers the
-- used ones until they expire. Handled only by the system connection, like login_failures.
CREATE TABLE login_challenges_used (
  id text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);
CREATE INDEX login_challenges_used_expiry_idx ON login_challenges_used (expires_at);
