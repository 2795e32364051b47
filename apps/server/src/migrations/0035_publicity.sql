-- Publicity pieces (宣传稿件, issue 16; seed 004 §13): each unit records the pieces media published
-- on its new-era civilisation practice — the outlet's level (中央级 / 省级 / 市级 / 县级), the outlet,
-- the title, a link, the publication date and a screenshot. The assessment counts them per unit and
-- year against the seed's quota (province ≥ 1 — 中央级 included —, city ≥ 2, county ≥ 3).
--
-- Scope: a piece is its unit's (org_path); the unit and every org above it see and change it. An org
-- move rebases org_path with every other ltree column (orgs.service move), so pieces follow their unit.

CREATE TABLE publicity_pieces (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- the unit the piece is recorded for
  org_id bigint NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  level text NOT NULL CHECK (level IN ('national', 'province', 'city', 'county')),
  -- 媒体名称
  outlet text NOT NULL CHECK (length(outlet) BETWEEN 1 AND 40),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
  url text CHECK (url ~* '^https?://[^\s]+$' AND length(url) <= 500),
  -- a China calendar date, never after the day it was recorded (checked by the service)
  published_on date NOT NULL,
  -- the screenshot, an upload stored under the piece's org path (uploads' storeRecordImage)
  screenshot_id uuid REFERENCES uploads(id),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  created_by bigint NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX publicity_pieces_org_path_gist ON publicity_pieces USING gist (org_path);
-- the list, newest published first
CREATE INDEX publicity_pieces_published_idx ON publicity_pieces (published_on DESC, id DESC);
-- the yearly counts of one unit (and the org's subtree through the GiST index)
CREATE INDEX publicity_pieces_org_idx ON publicity_pieces (org_id, published_on);

GRANT SELECT, INSERT, UPDATE, DELETE ON publicity_pieces TO civic_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO civic_app;

ALTER TABLE publicity_pieces ENABLE ROW LEVEL SECURITY;
ALTER TABLE publicity_pieces FORCE ROW LEVEL SECURITY;
CREATE POLICY publicity_pieces_scope ON publicity_pieces TO civic_app
  USING (org_path <@ (SELECT app_scope())) WITH CHECK (org_path <@ (SELECT app_scope()));
