-- Honours (礼遇褒奖, issue 14): the privileges a station (or any org) grants to star volunteers
-- (星级志愿者礼遇, e.g. 优先服务, 免费体检), each with the least star level that earns it. The yearly
-- rankings themselves are computed from service records and the points ledger and stored nowhere.

CREATE TABLE honour_privileges (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id bigint NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 300),
  -- 1–5: the volunteer's star level (lifetime hours 100/300/600/1000/1500) must reach it
  min_star integer NOT NULL CHECK (min_star BETWEEN 1 AND 5),
  active boolean NOT NULL DEFAULT true,
  created_by bigint NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX honour_privileges_org_path_gist ON honour_privileges USING gist (org_path);
CREATE INDEX honour_privileges_org_idx ON honour_privileges (org_id, min_star);

GRANT SELECT, INSERT, UPDATE ON honour_privileges TO civic_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO civic_app;

ALTER TABLE honour_privileges ENABLE ROW LEVEL SECURITY;
ALTER TABLE honour_privileges FORCE ROW LEVEL SECURITY;
CREATE POLICY honour_privileges_scope ON honour_privileges TO civic_app
  USING (org_path <@ (SELECT app_scope())) WITH CHECK (org_path <@ (SELECT app_scope()));
-- a volunteer sees the active privileges of their own org and the orgs above it
CREATE POLICY honour_privileges_volunteer_read ON honour_privileges FOR SELECT TO civic_app
  USING (active AND (SELECT app_volunteer()) IS NOT NULL AND (SELECT app_scope()) <@ org_path);
