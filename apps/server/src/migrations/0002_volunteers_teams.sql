-- Volunteers and teams: real-name volunteers with encrypted personal data, the team tree with
-- memberships and applications, bulk-import jobs, and units' unified social credit codes.
--
-- Scope: volunteers belong to their residence org (org_path); teams to the org that runs them.
-- A volunteer acting for themself on H5 runs in their residence org's scope with app.volunteer
-- set to their id, which lets them see their own memberships in teams higher up the tree.

ALTER TABLE orgs ADD COLUMN credit_code text;
-- early pilot codes fail the GB 32100 checksum; saving one anyway is an audited override
ALTER TABLE orgs ADD COLUMN credit_code_override boolean NOT NULL DEFAULT false;

CREATE FUNCTION app_volunteer() RETURNS bigint
  LANGUAGE sql STABLE
  AS $$ SELECT NULLIF(current_setting('app.volunteer', true), '')::bigint $$;

-- ---------------------------------------------------------------- volunteers
CREATE SEQUENCE volunteer_no_seq;

CREATE TABLE volunteers (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- 志愿者编号: shown publicly and printed on certificates instead of the ID number
  volunteer_no text NOT NULL DEFAULT ('ZY' || lpad(nextval('volunteer_no_seq')::text, 10, '0')),
  user_id bigint REFERENCES users(id),
  org_id bigint NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  name text NOT NULL,
  gender text NOT NULL CHECK (gender IN ('male', 'female')),
  birth_date date NOT NULL,
  -- SM4 ciphertext (encrypt-then-MAC) and keyed SM3 blind index; the index finds duplicates
  id_number_enc text NOT NULL,
  id_number_index text NOT NULL,
  phone_enc text,
  phone_index text,
  -- the last four digits, already public in every masked display, for "phone tail" search
  phone_tail text CHECK (phone_tail ~ '^\d{4}$'),
  political_status text NOT NULL CHECK (political_status IN
    ('party_member', 'probationary_member', 'league_member', 'democratic_party', 'masses')),
  categories text[] NOT NULL DEFAULT '{}',
  skills text[] NOT NULL DEFAULT '{}',
  skills_note text,
  service_categories text[] NOT NULL DEFAULT '{}',
  availability text[] NOT NULL DEFAULT '{}',
  is_minor boolean NOT NULL DEFAULT false,
  guardian_name text,
  guardian_phone_enc text,
  guardian_consent_at timestamptz,
  consent_version text NOT NULL,
  consent_at timestamptz NOT NULL,
  -- online: ticked on H5; offline: a signed paper form, recorded by the admin who imported it
  consent_channel text NOT NULL CHECK (consent_channel IN ('online', 'offline')),
  consent_withdrawn_at timestamptz,
  erasure_requested_at timestamptz,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'withdrawn')),
  status_reason text,
  source text NOT NULL CHECK (source IN ('self', 'import', 'admin')),
  lifetime_hours numeric(10, 1) NOT NULL DEFAULT 0 CHECK (lifetime_hours >= 0),
  created_by bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX volunteers_no_key ON volunteers (volunteer_no);
CREATE UNIQUE INDEX volunteers_id_number_key ON volunteers (id_number_index);
CREATE UNIQUE INDEX volunteers_user_key ON volunteers (user_id);
CREATE INDEX volunteers_org_path_gist ON volunteers USING gist (org_path);
CREATE INDEX volunteers_org_idx ON volunteers (org_id);
CREATE INDEX volunteers_phone_index_idx ON volunteers (phone_index);
CREATE INDEX volunteers_phone_tail_idx ON volunteers (phone_tail);
CREATE INDEX volunteers_name_trgm ON volunteers USING gin (name gin_trgm_ops);
CREATE INDEX volunteers_categories_gin ON volunteers USING gin (categories);
CREATE INDEX volunteers_skills_gin ON volunteers USING gin (skills);

-- volunteers log in with their phone number, so it identifies one volunteer account
CREATE UNIQUE INDEX users_volunteer_phone_key ON users (phone_index) WHERE role = 'volunteer';

-- ---------------------------------------------------------------- teams
CREATE TABLE teams (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id bigint NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  parent_id bigint REFERENCES teams(id),
  name text NOT NULL,
  tier text NOT NULL CHECK (tier IN ('corps', 'brigade', 'squadron', 'squad', 'detachment')),
  kind text NOT NULL CHECK (kind IN ('regular', 'professional', 'feature')),
  platform text CHECK (platform IN ('theory', 'education_sports', 'culture_arts', 'science', 'health')),
  responsible_unit text,
  yearly_service_target integer CHECK (yearly_service_target BETWEEN 0 AND 100000),
  service_categories text[] NOT NULL DEFAULT '{}',
  description text,
  founded_on date,
  accepting_applications boolean NOT NULL DEFAULT true,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'dissolved')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE UNIQUE INDEX teams_org_name_key ON teams (org_id, name);
CREATE INDEX teams_org_path_gist ON teams USING gist (org_path);
CREATE INDEX teams_parent_idx ON teams (parent_id);

CREATE TABLE team_members (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  team_id bigint NOT NULL REFERENCES teams(id),
  volunteer_id bigint NOT NULL REFERENCES volunteers(id),
  -- the team's org path: a membership belongs to the team's scope
  org_path ltree NOT NULL,
  role text NOT NULL DEFAULT 'member' CHECK (role IN ('leader', 'deputy', 'member')),
  status text NOT NULL CHECK (status IN ('pending', 'active', 'rejected', 'left')),
  source text NOT NULL CHECK (source IN ('admin', 'application')),
  application_note text,
  decision_note text,
  decided_by bigint,
  applied_at timestamptz NOT NULL DEFAULT now(),
  decided_at timestamptz,
  joined_at timestamptz,
  left_at timestamptz
);
CREATE UNIQUE INDEX team_members_current_key ON team_members (team_id, volunteer_id)
  WHERE status IN ('pending', 'active');
-- one leader per team
CREATE UNIQUE INDEX team_members_leader_key ON team_members (team_id) WHERE role = 'leader' AND status = 'active';
CREATE INDEX team_members_volunteer_idx ON team_members (volunteer_id) WHERE status IN ('pending', 'active');
CREATE INDEX team_members_org_path_gist ON team_members USING gist (org_path);

-- ---------------------------------------------------------------- bulk import jobs
CREATE TABLE volunteer_imports (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id bigint NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  created_by bigint NOT NULL,
  file_name text NOT NULL,
  -- the uploaded workbook, SM4-encrypted (it holds ID numbers); cleared once the job is over
  file_enc bytea,
  status text NOT NULL CHECK (status IN ('validating', 'validated', 'importing', 'done', 'failed')),
  mode text CHECK (mode IN ('all', 'valid_only')),
  total_rows integer NOT NULL DEFAULT 0,
  processed_rows integer NOT NULL DEFAULT 0,
  valid_rows integer NOT NULL DEFAULT 0,
  error_rows integer NOT NULL DEFAULT 0,
  imported_rows integer NOT NULL DEFAULT 0,
  -- [{ row, column, message }] with no personal data
  errors jsonb NOT NULL DEFAULT '[]',
  failure text,
  created_at timestamptz NOT NULL DEFAULT now(),
  heartbeat_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX volunteer_imports_org_path_gist ON volunteer_imports USING gist (org_path);

-- Deduplication must see the whole tenant, beyond the caller's scope, yet reveal nothing but
-- "already registered": these definer functions answer exactly that.
CREATE FUNCTION volunteer_id_numbers_taken(indexes text[]) RETURNS SETOF text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT id_number_index FROM volunteers WHERE id_number_index = ANY (indexes) $$;
REVOKE ALL ON FUNCTION volunteer_id_numbers_taken(text[]) FROM PUBLIC;

-- Org names are public (the registration page lists every village), but the org rows above a
-- caller's scope are not: a station shows its institute's 大队 and the town of a village by name.
CREATE FUNCTION org_name(org_id bigint) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT name FROM orgs WHERE id = org_id $$;
CREATE FUNCTION org_short_name(org_id bigint) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT short_name FROM orgs WHERE id = org_id $$;
REVOKE ALL ON FUNCTION org_name(bigint), org_short_name(bigint) FROM PUBLIC;

-- ---------------------------------------------------------------- privileges and row-level security
GRANT SELECT, INSERT, UPDATE ON volunteers, teams, team_members, volunteer_imports TO civic_app;
GRANT DELETE ON teams TO civic_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO civic_app;
GRANT EXECUTE ON FUNCTION app_volunteer() TO civic_app;
GRANT EXECUTE ON FUNCTION volunteer_id_numbers_taken(text[]), org_name(bigint), org_short_name(bigint) TO civic_app;

ALTER TABLE team_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE team_members FORCE ROW LEVEL SECURITY;
-- a volunteer sees and manages their own memberships, even in teams above their own org
CREATE POLICY team_members_read ON team_members FOR SELECT TO civic_app
  USING (org_path <@ app_scope() OR volunteer_id = app_volunteer());
CREATE POLICY team_members_insert ON team_members FOR INSERT TO civic_app
  WITH CHECK (org_path <@ app_scope()
    OR (volunteer_id = app_volunteer() AND status = 'pending' AND source = 'application' AND role = 'member'
        AND app_scope() <@ org_path));
CREATE POLICY team_members_update ON team_members FOR UPDATE TO civic_app
  USING (org_path <@ app_scope() OR volunteer_id = app_volunteer())
  WITH CHECK (org_path <@ app_scope() OR (volunteer_id = app_volunteer() AND status = 'left'));

ALTER TABLE volunteers ENABLE ROW LEVEL SECURITY;
ALTER TABLE volunteers FORCE ROW LEVEL SECURITY;
-- readable in the residence org's subtree, and by the orgs whose teams the volunteer is in
CREATE POLICY volunteers_read ON volunteers FOR SELECT TO civic_app
  USING (org_path <@ app_scope() OR id = app_volunteer()
    OR EXISTS (SELECT 1 FROM team_members m
               WHERE m.volunteer_id = volunteers.id AND m.status IN ('pending', 'active')
                 AND m.org_path <@ app_scope()));
CREATE POLICY volunteers_insert ON volunteers FOR INSERT TO civic_app WITH CHECK (org_path <@ app_scope());
CREATE POLICY volunteers_update ON volunteers FOR UPDATE TO civic_app
  USING (org_path <@ app_scope()) WITH CHECK (org_path <@ app_scope());

-- teams higher up the tree are visible from below (a volunteer applies to their institute's team)
ALTER TABLE teams ENABLE ROW LEVEL SECURITY;
ALTER TABLE teams FORCE ROW LEVEL SECURITY;
CREATE POLICY teams_read ON teams FOR SELECT TO civic_app
  USING (org_path <@ app_scope() OR app_scope() <@ org_path);
CREATE POLICY teams_insert ON teams FOR INSERT TO civic_app WITH CHECK (org_path <@ app_scope());
CREATE POLICY teams_update ON teams FOR UPDATE TO civic_app
  USING (org_path <@ app_scope()) WITH CHECK (org_path <@ app_scope());
CREATE POLICY teams_delete ON teams FOR DELETE TO civic_app USING (org_path <@ app_scope());

ALTER TABLE volunteer_imports ENABLE ROW LEVEL SECURITY;
ALTER TABLE volunteer_imports FORCE ROW LEVEL SECURITY;
CREATE POLICY volunteer_imports_scope ON volunteer_imports TO civic_app
  USING (org_path <@ app_scope()) WITH CHECK (org_path <@ app_scope());
