-- Assessment (考核, issue 15), part 2: the indicators units are assessed on, with yearly targets and
-- weights per org kind; the bulletins (月通报 / 季调度 / 年总结) kept as immutable snapshots; and the
-- reward funds (奖补资金) allocated from a bulletin's scores.
--
-- assessment_indicators: one row per (org kind, indicator). What an indicator counts is code
-- (modules/assessment/indicators.ts — every figure computed from recorded facts, never typed in);
-- the centre sets each one's target, weight and whether it is assessed. The weights of a kind's
-- assessed indicators sum to 100 (checked by the service when the centre saves a kind's set).
--
-- assessment_bulletins: what a bulletin said when it was published — the indicators with their
-- targets and weights at that time, one row per unit with every figure, completion, rank and flag —
-- as one jsonb document. It never changes: a record corrected later shows in the next bulletin. The
-- trigger refuses every UPDATE except the rebase of org_path when an org moves, and every DELETE.
--
-- assessment_fund_allocations: a pool split among the units of one bulletin by its scores, to the
-- fen, kept with the bulletin it came from; immutable in the same way.

CREATE TABLE assessment_indicators (
  org_kind text NOT NULL CHECK (org_kind IN ('center', 'institute', 'station')),
  code text NOT NULL,
  seq integer NOT NULL,
  -- per year for counted indicators (prorated by the months of a period), as is for rates and levels
  target numeric(12, 2) NOT NULL CHECK (target >= 0),
  weight integer NOT NULL CHECK (weight BETWEEN 0 AND 100),
  enabled boolean NOT NULL DEFAULT true,
  updated_by bigint,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_kind, code)
);

-- every indicator a kind may be assessed on has a row (the ones not in the preset: weight 0, off);
-- the preset of the seeds (000, 003, 004) and DESIGN §3 item 10; the centre changes it in the console
INSERT INTO assessment_indicators (org_kind, code, seq, target, weight, enabled) VALUES
  -- 实践站: ≥ 2 activities a month (004), volunteers ≥ 13% of residents (004 §9)
  ('station', 'activities', 1, 24, 30, true),
  ('station', 'service_hours', 2, 300, 15, true),
  ('station', 'volunteer_share', 3, 13, 10, true),
  ('station', 'active_volunteers', 4, 20, 10, true),
  ('station', 'on_time_rate', 5, 90, 10, true),
  ('station', 'average_rating', 6, 4.5, 10, true),
  ('station', 'site_standard', 7, 100, 5, true),
  -- the work tasks (调度) the centre and the institutes issue
  ('station', 'task_completion', 8, 100, 10, true),
  ('station', 'festival_activities', 9, 4, 0, false),
  -- 实践所: ≥ 15 activities a year, ≥ 5 of them 我们的节日 (003), trainings ≥ 2 a year (004 §11),
  -- publicity pieces province ≥ 1 / city ≥ 2 / county ≥ 3 (004 §13)
  ('institute', 'activities', 1, 15, 20, true),
  ('institute', 'festival_activities', 2, 5, 15, true),
  ('institute', 'service_hours', 3, 3000, 10, true),
  ('institute', 'volunteer_share', 4, 13, 10, true),
  ('institute', 'active_volunteers', 5, 200, 5, true),
  ('institute', 'on_time_rate', 6, 90, 10, true),
  ('institute', 'average_rating', 7, 4.5, 5, true),
  ('institute', 'stations_on_target', 8, 100, 10, true),
  ('institute', 'trainings', 9, 2, 5, true),
  ('institute', 'publicity', 10, 6, 5, true),
  ('institute', 'site_standard', 11, 100, 0, false),
  ('institute', 'task_completion', 12, 100, 5, true),
  -- 中心: the 百千万 goals (000): 100 posts, 1,000 teams, 10,000 volunteers
  ('center', 'posts', 1, 100, 20, true),
  ('center', 'teams', 2, 1000, 20, true),
  ('center', 'volunteers', 3, 10000, 20, true),
  ('center', 'activities', 4, 365, 15, true),
  ('center', 'volunteer_share', 5, 13, 10, true),
  ('center', 'on_time_rate', 6, 90, 10, true),
  ('center', 'average_rating', 7, 4.5, 5, true),
  -- offered, not assessed until the centre turns them on
  ('center', 'festival_activities', 8, 120, 0, false),
  ('center', 'service_hours', 9, 100000, 0, false),
  ('center', 'active_volunteers', 10, 5000, 0, false),
  ('center', 'site_standard', 11, 100, 0, false),
  ('center', 'trainings', 12, 2, 0, false),
  ('center', 'publicity', 13, 6, 0, false);

CREATE TABLE assessment_bulletins (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id bigint NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  period_kind text NOT NULL CHECK (period_kind IN ('month', 'quarter', 'year')),
  -- '2026-11', '2026-Q3', '2026'
  period text NOT NULL,
  period_start date NOT NULL,
  period_end date NOT NULL CHECK (period_end >= period_start),
  title text NOT NULL,
  content jsonb NOT NULL,
  -- null: published by the scheduled job at the period's end
  published_by bigint REFERENCES users(id),
  published_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, period_kind, period)
);
CREATE INDEX assessment_bulletins_org_path_gist ON assessment_bulletins USING gist (org_path);
CREATE INDEX assessment_bulletins_period_idx ON assessment_bulletins (period_start DESC, id DESC);

CREATE TABLE assessment_fund_allocations (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  bulletin_id bigint NOT NULL UNIQUE REFERENCES assessment_bulletins(id),
  org_path ltree NOT NULL,
  pool_fen bigint NOT NULL CHECK (pool_fen > 0),
  unit_kind text NOT NULL CHECK (unit_kind IN ('institute', 'station')),
  min_score numeric(5, 2) NOT NULL CHECK (min_score BETWEEN 0 AND 100),
  note text,
  -- one row per unit: orgId, name, score, amountFen (the amounts sum to pool_fen)
  rows jsonb NOT NULL,
  created_by bigint NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assessment_fund_allocations_org_path_gist ON assessment_fund_allocations USING gist (org_path);

CREATE FUNCTION assessment_snapshot_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - 'org_path') = (to_jsonb(OLD) - 'org_path') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is a published snapshot and cannot change', TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER assessment_bulletins_immutable BEFORE UPDATE OR DELETE ON assessment_bulletins
  FOR EACH ROW EXECUTE FUNCTION assessment_snapshot_immutable();
CREATE TRIGGER assessment_fund_allocations_immutable BEFORE UPDATE OR DELETE ON assessment_fund_allocations
  FOR EACH ROW EXECUTE FUNCTION assessment_snapshot_immutable();

GRANT SELECT, UPDATE ON assessment_indicators TO civic_app;
GRANT SELECT, INSERT ON assessment_bulletins, assessment_fund_allocations TO civic_app;
GRANT UPDATE (org_path) ON assessment_bulletins, assessment_fund_allocations TO civic_app;

-- the indicators are the county's one set: everyone with assessment.read sees them; only the centre
-- (whose scope is the whole tree) may change them
ALTER TABLE assessment_indicators ENABLE ROW LEVEL SECURITY;
ALTER TABLE assessment_indicators FORCE ROW LEVEL SECURITY;
CREATE POLICY assessment_indicators_read ON assessment_indicators FOR SELECT TO civic_app USING (true);
CREATE POLICY assessment_indicators_update ON assessment_indicators FOR UPDATE TO civic_app
  USING ((SELECT nlevel(app_scope())) = 1) WITH CHECK ((SELECT nlevel(app_scope())) = 1);

ALTER TABLE assessment_bulletins ENABLE ROW LEVEL SECURITY;
ALTER TABLE assessment_bulletins FORCE ROW LEVEL SECURITY;
CREATE POLICY assessment_bulletins_read ON assessment_bulletins FOR SELECT TO civic_app
  USING (org_path <@ (SELECT app_scope()));
CREATE POLICY assessment_bulletins_insert ON assessment_bulletins FOR INSERT TO civic_app
  WITH CHECK (org_path <@ (SELECT app_scope()));
CREATE POLICY assessment_bulletins_move ON assessment_bulletins FOR UPDATE TO civic_app
  USING (org_path <@ (SELECT app_scope())) WITH CHECK (org_path <@ (SELECT app_scope()));

ALTER TABLE assessment_fund_allocations ENABLE ROW LEVEL SECURITY;
ALTER TABLE assessment_fund_allocations FORCE ROW LEVEL SECURITY;
CREATE POLICY assessment_fund_allocations_read ON assessment_fund_allocations FOR SELECT TO civic_app
  USING (org_path <@ (SELECT app_scope()));
CREATE POLICY assessment_fund_allocations_insert ON assessment_fund_allocations FOR INSERT TO civic_app
  WITH CHECK (org_path <@ (SELECT app_scope()));
CREATE POLICY assessment_fund_allocations_move ON assessment_fund_allocations FOR UPDATE TO civic_app
  USING (org_path <@ (SELECT app_scope())) WITH CHECK (org_path <@ (SELECT app_scope()));
