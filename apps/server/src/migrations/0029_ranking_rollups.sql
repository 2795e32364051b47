-- Rankings (实践排行, issue 15): per-volunteer and per-team monthly rollups, so a ranking of 140,000
-- volunteers over a month, a quarter or a year sums a few rows per volunteer instead of scanning
-- millions of service records, ratings and ledger entries per request.
--
-- volunteer_month_facts: one row per volunteer, org and calendar month (month = its first day, China
-- dates). The org is the org of the fact (the record's, the order's, the ledger entry's source), so a
-- subtree's ranking counts what the volunteer did for units of that subtree, and row-level security
-- keys on the same path as org_day_facts.
--   service_records / service_hours: confirmed service records (not the pre-platform 'opening'
--     totals), in the month the service began; a correction changes that month's figure;
--   orders_served: of those, the records of orders (one per order and volunteer);
--   rating_sum / rating_count: a resident's rating of an order, credited to every volunteer who served
--     it (order_assignees.status = 'served'), in the month it was rated; a reopening takes it back;
--   points: the lifetime points the ledger added (point_entries.lifetime_delta: awards, positive
--     adjustments, minus reversals; spending never), in the month the entry occurred.
--
-- team_month_facts: one row per team and month, in the team's org:
--   activities_held: finished (or archived afterwards) activities the team organised
--     (activities.team_id), in the month they began;
--   service_records / service_hours: confirmed records of the team's activities and of orders
--     dispatched to the team (orders.dispatched_team_id), in the month the service began.
--
-- The assessment module keeps both in the emitter's transaction from the domain events of hours,
-- activities and orders (rankings.facts.ts) through the two functions below; points post no events, so
-- the ledger's own insert (post_points(), its only writer) adds to the volunteer's row by a trigger in
-- the same transaction. `npm run assessment:rebuild` recomputes both tables from the facts and lists
-- every difference (rankings.recompute.ts).

-- a board reads one subtree over a range of months: one GiST index over both (btree_gist, a
-- contrib extension shipped with PostgreSQL like ltree) answers both conditions at once
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE volunteer_month_facts (
  volunteer_id bigint NOT NULL REFERENCES volunteers(id),
  org_id bigint NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  service_records integer NOT NULL DEFAULT 0,
  service_hours numeric(12, 1) NOT NULL DEFAULT 0,
  orders_served integer NOT NULL DEFAULT 0,
  rating_sum integer NOT NULL DEFAULT 0,
  rating_count integer NOT NULL DEFAULT 0,
  points integer NOT NULL DEFAULT 0,
  PRIMARY KEY (volunteer_id, org_id, month)
);
CREATE INDEX volunteer_month_facts_org_path_month_gist ON volunteer_month_facts USING gist (org_path, month);

CREATE TABLE team_month_facts (
  team_id bigint NOT NULL REFERENCES teams(id),
  org_path ltree NOT NULL,
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  activities_held integer NOT NULL DEFAULT 0,
  service_records integer NOT NULL DEFAULT 0,
  service_hours numeric(12, 1) NOT NULL DEFAULT 0,
  PRIMARY KEY (team_id, month)
);
CREATE INDEX team_month_facts_org_path_month_gist ON team_month_facts USING gist (org_path, month);

-- adds the deltas (jsonb counter → number) to the volunteer's row of the org (found by its path) and month
CREATE FUNCTION add_volunteer_month_facts(p_volunteer bigint, p_org_path ltree, p_month date, p_delta jsonb)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_org bigint;
BEGIN
  SELECT id INTO v_org FROM orgs WHERE path = p_org_path;
  IF v_org IS NULL THEN
    RAISE EXCEPTION 'no org at %', p_org_path USING ERRCODE = 'PT404';
  END IF;
  INSERT INTO volunteer_month_facts AS f (volunteer_id, org_id, org_path, month, service_records,
      service_hours, orders_served, rating_sum, rating_count, points)
    VALUES (p_volunteer, v_org, p_org_path, date_trunc('month', p_month)::date,
      coalesce((p_delta ->> 'service_records')::integer, 0),
      coalesce((p_delta ->> 'service_hours')::numeric, 0),
      coalesce((p_delta ->> 'orders_served')::integer, 0),
      coalesce((p_delta ->> 'rating_sum')::integer, 0),
      coalesce((p_delta ->> 'rating_count')::integer, 0),
      coalesce((p_delta ->> 'points')::integer, 0))
    ON CONFLICT (volunteer_id, org_id, month) DO UPDATE SET
      service_records = f.service_records + EXCLUDED.service_records,
      service_hours = f.service_hours + EXCLUDED.service_hours,
      orders_served = f.orders_served + EXCLUDED.orders_served,
      rating_sum = f.rating_sum + EXCLUDED.rating_sum,
      rating_count = f.rating_count + EXCLUDED.rating_count,
      points = f.points + EXCLUDED.points;
END $$;
REVOKE ALL ON FUNCTION add_volunteer_month_facts(bigint, ltree, date, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION add_volunteer_month_facts(bigint, ltree, date, jsonb) TO civic_app;

-- adds the deltas to the team's row of the month (in the team's org)
CREATE FUNCTION add_team_month_facts(p_team bigint, p_month date, p_delta jsonb)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_path ltree;
BEGIN
  SELECT org_path INTO v_path FROM teams WHERE id = p_team;
  IF v_path IS NULL THEN
    RAISE EXCEPTION 'no team %', p_team USING ERRCODE = 'PT404';
  END IF;
  INSERT INTO team_month_facts AS f (team_id, org_path, month, activities_held, service_records, service_hours)
    VALUES (p_team, v_path, date_trunc('month', p_month)::date,
      coalesce((p_delta ->> 'activities_held')::integer, 0),
      coalesce((p_delta ->> 'service_records')::integer, 0),
      coalesce((p_delta ->> 'service_hours')::numeric, 0))
    ON CONFLICT (team_id, month) DO UPDATE SET
      activities_held = f.activities_held + EXCLUDED.activities_held,
      service_records = f.service_records + EXCLUDED.service_records,
      service_hours = f.service_hours + EXCLUDED.service_hours;
END $$;
REVOKE ALL ON FUNCTION add_team_month_facts(bigint, date, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION add_team_month_facts(bigint, date, jsonb) TO civic_app;

-- the ledger's lifetime points, in the month (China date) the entry occurred, by the entry's org
CREATE FUNCTION volunteer_month_points() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  -- (an entry whose org is gone is no org's: the rebuild, joining orgs by path, skips it too, and a
  -- ledger write must never fail for the rollup's sake)
  IF NEW.holder_type = 'volunteer' AND NEW.lifetime_delta <> 0
     AND EXISTS (SELECT 1 FROM orgs WHERE path = NEW.org_path) THEN
    PERFORM add_volunteer_month_facts(NEW.holder_id, NEW.org_path,
      (NEW.occurred_at AT TIME ZONE 'Asia/Shanghai')::date,
      jsonb_build_object('points', NEW.lifetime_delta));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER point_entries_volunteer_month AFTER INSERT ON point_entries
  FOR EACH ROW EXECUTE FUNCTION volunteer_month_points();

GRANT SELECT ON volunteer_month_facts, team_month_facts TO civic_app;
-- an org's move rebases the paths of its subtree (modules/orgs), nothing else
GRANT UPDATE (org_path) ON volunteer_month_facts, team_month_facts TO civic_app;

ALTER TABLE volunteer_month_facts ENABLE ROW LEVEL SECURITY;
ALTER TABLE volunteer_month_facts FORCE ROW LEVEL SECURITY;
CREATE POLICY volunteer_month_facts_read ON volunteer_month_facts FOR SELECT TO civic_app
  USING (org_path <@ (SELECT app_scope()));
CREATE POLICY volunteer_month_facts_move ON volunteer_month_facts FOR UPDATE TO civic_app
  USING (org_path <@ (SELECT app_scope())) WITH CHECK (org_path <@ (SELECT app_scope()));

ALTER TABLE team_month_facts ENABLE ROW LEVEL SECURITY;
ALTER TABLE team_month_facts FORCE ROW LEVEL SECURITY;
CREATE POLICY team_month_facts_read ON team_month_facts FOR SELECT TO civic_app
  USING (org_path <@ (SELECT app_scope()));
CREATE POLICY team_month_facts_move ON team_month_facts FOR UPDATE TO civic_app
  USING (org_path <@ (SELECT app_scope())) WITH CHECK (org_path <@ (SELECT app_scope()));
