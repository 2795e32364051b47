-- Trainings (培训, issue 16; seed 004 §11: 各镇（街道）文明实践所要对所（站）工作人员、文明实践骨干和
-- 新招募的志愿者开展集中培训，每年不少于2次; §3: 专题培训 for the 微讲堂 leads). A session belongs to
-- the org that holds it (org_path); its attendance (registered volunteers, plus a count of staff who
-- are not volunteers) and its materials (images and PDF, stored in uploads under the training's org
-- path) carry the same path, so the org and everyone above it see them. A held session counts for
-- the assessment indicator 集中培训 in the period its start (a China date) falls in.

CREATE TABLE trainings (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id bigint NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 60),
  kind text NOT NULL CHECK (kind IN ('staff', 'backbone', 'new_volunteers', 'lecture_leads')),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  place text NOT NULL DEFAULT '' CHECK (length(place) <= 60),
  trainer text NOT NULL DEFAULT '' CHECK (length(trainer) <= 40),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
  held_at timestamptz,
  held_by bigint REFERENCES users(id),
  cancelled_at timestamptz,
  cancelled_by bigint REFERENCES users(id),
  cancel_reason text CHECK (length(cancel_reason) BETWEEN 1 AND 200),
  -- staff attending who are not registered volunteers (counted, not named)
  other_attendees integer NOT NULL DEFAULT 0 CHECK (other_attendees BETWEEN 0 AND 10000),
  created_by bigint NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (ends_at > starts_at AND ends_at <= starts_at + interval '7 days'),
  CHECK ((status = 'held') = (held_at IS NOT NULL)),
  CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL AND cancel_reason IS NOT NULL))
);
CREATE INDEX trainings_org_path_gist ON trainings USING gist (org_path);
-- the list: newest first within the caller's subtree
CREATE INDEX trainings_starts_idx ON trainings (starts_at DESC, id DESC);
-- the assessment and the yearly summary read the held ones by start
CREATE INDEX trainings_held_idx ON trainings (starts_at) INCLUDE (org_path, kind) WHERE status = 'held';

CREATE TABLE training_attendees (
  training_id bigint NOT NULL REFERENCES trainings(id),
  volunteer_id bigint NOT NULL REFERENCES volunteers(id),
  -- the training's path
  org_path ltree NOT NULL,
  added_by bigint NOT NULL REFERENCES users(id),
  added_at timestamptz NOT NULL,
  PRIMARY KEY (training_id, volunteer_id)
);
CREATE INDEX training_attendees_org_path_gist ON training_attendees USING gist (org_path);
CREATE INDEX training_attendees_volunteer_idx ON training_attendees (volunteer_id);

CREATE TABLE training_materials (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  training_id bigint NOT NULL REFERENCES trainings(id),
  -- the training's path
  org_path ltree NOT NULL,
  upload_id uuid NOT NULL REFERENCES uploads(id),
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  mime_type text NOT NULL CHECK (mime_type IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
  byte_size integer NOT NULL CHECK (byte_size BETWEEN 1 AND 20971520),
  uploaded_by bigint NOT NULL REFERENCES users(id),
  uploaded_at timestamptz NOT NULL,
  UNIQUE (upload_id)
);
CREATE INDEX training_materials_org_path_gist ON training_materials USING gist (org_path);
CREATE INDEX training_materials_training_idx ON training_materials (training_id, id);

-- ---------------------------------------------------------------- privileges and row-level security
-- UPDATE on the attendees and materials: an org's move rebases their org_path (orgs' move)
GRANT SELECT, INSERT, UPDATE ON trainings TO civic_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON training_attendees, training_materials TO civic_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO civic_app;

ALTER TABLE trainings ENABLE ROW LEVEL SECURITY;
ALTER TABLE trainings FORCE ROW LEVEL SECURITY;
CREATE POLICY trainings_scope ON trainings TO civic_app
  USING (org_path <@ (SELECT app_scope())) WITH CHECK (org_path <@ (SELECT app_scope()));

ALTER TABLE training_attendees ENABLE ROW LEVEL SECURITY;
ALTER TABLE training_attendees FORCE ROW LEVEL SECURITY;
CREATE POLICY training_attendees_scope ON training_attendees TO civic_app
  USING (org_path <@ (SELECT app_scope())) WITH CHECK (org_path <@ (SELECT app_scope()));

ALTER TABLE training_materials ENABLE ROW LEVEL SECURITY;
ALTER TABLE training_materials FORCE ROW LEVEL SECURITY;
CREATE POLICY training_materials_scope ON training_materials TO civic_app
  USING (org_path <@ (SELECT app_scope())) WITH CHECK (org_path <@ (SELECT app_scope()));
