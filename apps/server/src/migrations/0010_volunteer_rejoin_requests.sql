-- Coming back after withdrawing consent needs proof of being that person. Registering again with
-- the phone on record is proof enough; otherwise (another phone, or the phone was erased) the H5
-- registration is refused like any duplicate and files a rejoin request here, which the admins
-- of the volunteer's residence confirm in the console after seeing the person, or reject.
CREATE TABLE volunteer_rejoin_requests (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  volunteer_id bigint NOT NULL REFERENCES volunteers(id),
  -- the volunteer's residence when asked: its subtree's admins decide
  org_id bigint NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  -- what the registration gave, sealed as on volunteers; applied only on confirmation
  phone_enc text NOT NULL,
  phone_index text NOT NULL,
  phone_tail text NOT NULL CHECK (phone_tail ~ '^\d{4}$'),
  guardian_name text,
  guardian_phone_enc text,
  political_status text NOT NULL CHECK (political_status IN
    ('party_member', 'probationary_member', 'league_member', 'democratic_party', 'masses')),
  categories text[] NOT NULL DEFAULT '{}',
  skills text[] NOT NULL DEFAULT '{}',
  skills_note text,
  service_categories text[] NOT NULL DEFAULT '{}',
  availability text[] NOT NULL DEFAULT '{}',
  consent_version text NOT NULL,
  -- argon2id of the password chosen when registering; cleared once the request is decided
  password_hash text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'rejected')),
  requested_at timestamptz NOT NULL,
  decided_by bigint,
  decided_at timestamptz,
  CHECK ((status = 'pending') = (password_hash IS NOT NULL))
);
-- registering again from the same phone replaces that phone's pending request
CREATE UNIQUE INDEX volunteer_rejoin_requests_pending_key ON volunteer_rejoin_requests (volunteer_id, phone_index)
  WHERE status = 'pending';
CREATE INDEX volunteer_rejoin_requests_org_path_gist ON volunteer_rejoin_requests USING gist (org_path);

-- filed by the registration (system connection); read and decided within the admin's subtree
GRANT SELECT, UPDATE ON volunteer_rejoin_requests TO civic_app;
ALTER TABLE volunteer_rejoin_requests ENABLE ROW LEVEL SECURITY;
ALTER TABLE volunteer_rejoin_requests FORCE ROW LEVEL SECURITY;
CREATE POLICY volunteer_rejoin_requests_scope ON volunteer_rejoin_requests TO civic_app
  USING (org_path <@ app_scope()) WITH CHECK (org_path <@ app_scope());
