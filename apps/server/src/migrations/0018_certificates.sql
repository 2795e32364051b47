-- 志愿服务记录证明 (issue 14): each certificate the platform issues, as the national rules
-- (民政部《志愿服务记录与证明出具办法》) describe it — for one volunteer and one period, issued by one
-- org over the service records of its subtree (only the org that organised a service, or one
-- above it, may certify it). What was certified is kept as it was issued: the canonical JSON
-- (RFC 8785) of the certificate's facts and the platform's SM2 signature over it, so the public
-- verification page can tell an altered or forged certificate. A certificate is never edited or
-- deleted; an issuer may revoke it with a reason.
CREATE TABLE certificates (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- printed on the certificate and in its QR code; random, so certificates cannot be enumerated
  serial text NOT NULL UNIQUE,
  volunteer_id bigint NOT NULL REFERENCES volunteers(id),
  -- the issuing org (出具单位)
  org_id bigint NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  period_from date NOT NULL,
  period_to date NOT NULL,
  total_hours numeric(10, 1) NOT NULL CHECK (total_hours > 0),
  record_count integer NOT NULL CHECK (record_count > 0),
  -- the certified facts, canonical JSON; the signature covers exactly these bytes (UTF-8)
  content text NOT NULL,
  -- SM2 (GB/T 32918, SM3 digest with the default user id) signature, r‖s in hex
  signature text NOT NULL,
  -- the volunteer asked for it on H5 (经办人 = 平台自助出具) rather than an admin
  self_service boolean NOT NULL,
  issued_by bigint NOT NULL REFERENCES users(id),
  issued_at timestamptz NOT NULL,
  revoked_at timestamptz,
  revoke_reason text,
  revoked_by bigint REFERENCES users(id),
  CHECK (period_to >= period_from),
  CHECK ((revoked_at IS NULL) = (revoke_reason IS NULL) AND (revoked_at IS NULL) = (revoked_by IS NULL))
);
CREATE INDEX certificates_volunteer_idx ON certificates (volunteer_id, issued_at DESC);
CREATE INDEX certificates_issued_idx ON certificates (issued_at DESC, id DESC);
CREATE INDEX certificates_org_path_gist ON certificates USING gist (org_path);

-- The application issues and revokes; it can never change what was certified: only the
-- revocation columns are updatable, and nothing is deletable.
GRANT SELECT, INSERT ON certificates TO civic_app;
GRANT UPDATE (revoked_at, revoke_reason, revoked_by) ON certificates TO civic_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO civic_app;

ALTER TABLE certificates ENABLE ROW LEVEL SECURITY;
ALTER TABLE certificates FORCE ROW LEVEL SECURITY;
-- the issuing org's subtree: its admins and those above it
CREATE POLICY certificates_scope ON certificates TO civic_app
  USING (org_path <@ (SELECT app_scope())) WITH CHECK (org_path <@ (SELECT app_scope()));
-- the volunteer reads their own certificates on H5
CREATE POLICY certificates_own_read ON certificates FOR SELECT TO civic_app
  USING (volunteer_id = (SELECT app_volunteer()));
-- a team leader's scope is their team, and certificates are the org's: none of them
CREATE POLICY certificates_team_leader ON certificates AS RESTRICTIVE TO civic_app
  USING ((SELECT app_team()) IS NULL) WITH CHECK ((SELECT app_team()) IS NULL);
