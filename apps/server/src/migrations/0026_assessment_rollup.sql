-- Assessment (考核, issue 15), part 1: the facts every indicator, bulletin, ranking and screen sums,
-- rolled up per org per day (China date) so a figure for any subtree and period is a sum over a few
-- hundred rows instead of a scan of millions of service records and orders.
--
-- A row is the org's own facts of that day (never its subtree's: a subtree sums its rows through the
-- org_path index). The counters follow the facts as recorded:
--   activities_held / festival_activities_held: activities finished (or archived afterwards), on the
--     day they began, in the organising org; festival = one of 我们的节日;
--   service_records / service_hours: confirmed service records (not the pre-platform 'opening'
--     totals), on the day the service began, in the record's org; a correction changes the figure of
--     that original day;
--   orders_received: orders placed, on the day they were placed, in the order's org;
--   orders_closed / orders_closed_on_time: orders closed, on the day they closed; on time = no
--     stage of the order was ever escalated (超时督办); a reopened order leaves its closing day;
--   rating_sum / rating_count: residents' ratings, on the day they rated (cleared by a reopen).
--
-- org_month_facts holds the same counters per org per calendar month (month = its first day), kept
-- by the same writes, so a quarter's or a year's figures sum a dozen rows per org instead of 365: a
-- period is read as its whole months from org_month_facts plus the days at either end from
-- org_day_facts.
--
-- Only the assessment module writes the tables, through add_org_day_facts() (called from its domain
-- event handlers in the emitter's transaction) and, for `npm run assessment:rebuild --fix` and the
-- demo seed, as the owner. The application role reads them by subtree, and may only rebase their paths
-- when an org moves (orgs' move updates every ltree column).

CREATE TABLE org_day_facts (
  org_id bigint NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  day date NOT NULL,
  activities_held integer NOT NULL DEFAULT 0,
  festival_activities_held integer NOT NULL DEFAULT 0,
  service_records integer NOT NULL DEFAULT 0,
  service_hours numeric(12, 1) NOT NULL DEFAULT 0,
  orders_received integer NOT NULL DEFAULT 0,
  orders_closed integer NOT NULL DEFAULT 0,
  orders_closed_on_time integer NOT NULL DEFAULT 0,
  rating_sum integer NOT NULL DEFAULT 0,
  rating_count integer NOT NULL DEFAULT 0,
  PRIMARY KEY (org_id, day)
);
CREATE INDEX org_day_facts_org_path_gist ON org_day_facts USING gist (org_path);
CREATE INDEX org_day_facts_day_idx ON org_day_facts (day);

CREATE TABLE org_month_facts (
  org_id bigint NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  -- the first day of the month
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  activities_held integer NOT NULL DEFAULT 0,
  festival_activities_held integer NOT NULL DEFAULT 0,
  service_records integer NOT NULL DEFAULT 0,
  service_hours numeric(14, 1) NOT NULL DEFAULT 0,
  orders_received integer NOT NULL DEFAULT 0,
  orders_closed integer NOT NULL DEFAULT 0,
  orders_closed_on_time integer NOT NULL DEFAULT 0,
  rating_sum integer NOT NULL DEFAULT 0,
  rating_count integer NOT NULL DEFAULT 0,
  PRIMARY KEY (org_id, month)
);
CREATE INDEX org_month_facts_org_path_gist ON org_month_facts USING gist (org_path);
CREATE INDEX org_month_facts_month_idx ON org_month_facts (month);

-- The one writer for the application: adds the deltas (a jsonb of counter → number) to the org's
-- row of the day, creating it at zero first. The org is found by its path, as the events give it.
CREATE FUNCTION add_org_day_facts(p_org_path ltree, p_day date, p_delta jsonb) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_org bigint;
BEGIN
  SELECT id INTO v_org FROM orgs WHERE path = p_org_path;
  IF v_org IS NULL THEN
    RAISE EXCEPTION 'no org at %', p_org_path USING ERRCODE = 'PT404';
  END IF;
  INSERT INTO org_day_facts AS f (org_id, org_path, day, activities_held, festival_activities_held,
      service_records, service_hours, orders_received, orders_closed, orders_closed_on_time,
      rating_sum, rating_count)
    VALUES (v_org, p_org_path, p_day,
      coalesce((p_delta ->> 'activities_held')::integer, 0),
      coalesce((p_delta ->> 'festival_activities_held')::integer, 0),
      coalesce((p_delta ->> 'service_records')::integer, 0),
      coalesce((p_delta ->> 'service_hours')::numeric, 0),
      coalesce((p_delta ->> 'orders_received')::integer, 0),
      coalesce((p_delta ->> 'orders_closed')::integer, 0),
      coalesce((p_delta ->> 'orders_closed_on_time')::integer, 0),
      coalesce((p_delta ->> 'rating_sum')::integer, 0),
      coalesce((p_delta ->> 'rating_count')::integer, 0))
    ON CONFLICT (org_id, day) DO UPDATE SET
      activities_held = f.activities_held + EXCLUDED.activities_held,
      festival_activities_held = f.festival_activities_held + EXCLUDED.festival_activities_held,
      service_records = f.service_records + EXCLUDED.service_records,
      service_hours = f.service_hours + EXCLUDED.service_hours,
      orders_received = f.orders_received + EXCLUDED.orders_received,
      orders_closed = f.orders_closed + EXCLUDED.orders_closed,
      orders_closed_on_time = f.orders_closed_on_time + EXCLUDED.orders_closed_on_time,
      rating_sum = f.rating_sum + EXCLUDED.rating_sum,
      rating_count = f.rating_count + EXCLUDED.rating_count;
  INSERT INTO org_month_facts AS m (org_id, org_path, month, activities_held, festival_activities_held,
      service_records, service_hours, orders_received, orders_closed, orders_closed_on_time,
      rating_sum, rating_count)
    VALUES (v_org, p_org_path, date_trunc('month', p_day)::date,
      coalesce((p_delta ->> 'activities_held')::integer, 0),
      coalesce((p_delta ->> 'festival_activities_held')::integer, 0),
      coalesce((p_delta ->> 'service_records')::integer, 0),
      coalesce((p_delta ->> 'service_hours')::numeric, 0),
      coalesce((p_delta ->> 'orders_received')::integer, 0),
      coalesce((p_delta ->> 'orders_closed')::integer, 0),
      coalesce((p_delta ->> 'orders_closed_on_time')::integer, 0),
      coalesce((p_delta ->> 'rating_sum')::integer, 0),
      coalesce((p_delta ->> 'rating_count')::integer, 0))
    ON CONFLICT (org_id, month) DO UPDATE SET
      activities_held = m.activities_held + EXCLUDED.activities_held,
      festival_activities_held = m.festival_activities_held + EXCLUDED.festival_activities_held,
      service_records = m.service_records + EXCLUDED.service_records,
      service_hours = m.service_hours + EXCLUDED.service_hours,
      orders_received = m.orders_received + EXCLUDED.orders_received,
      orders_closed = m.orders_closed + EXCLUDED.orders_closed,
      orders_closed_on_time = m.orders_closed_on_time + EXCLUDED.orders_closed_on_time,
      rating_sum = m.rating_sum + EXCLUDED.rating_sum,
      rating_count = m.rating_count + EXCLUDED.rating_count;
END $$;
REVOKE ALL ON FUNCTION add_org_day_facts(ltree, date, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION add_org_day_facts(ltree, date, jsonb) TO civic_app;

GRANT SELECT ON org_day_facts, org_month_facts TO civic_app;
GRANT UPDATE (org_path) ON org_day_facts, org_month_facts TO civic_app;

ALTER TABLE org_day_facts ENABLE ROW LEVEL SECURITY;
ALTER TABLE org_day_facts FORCE ROW LEVEL SECURITY;
CREATE POLICY org_day_facts_read ON org_day_facts FOR SELECT TO civic_app
  USING (org_path <@ (SELECT app_scope()));
-- an org's move rebases the paths of its subtree (modules/orgs), nothing else
CREATE POLICY org_day_facts_move ON org_day_facts FOR UPDATE TO civic_app
  USING (org_path <@ (SELECT app_scope())) WITH CHECK (org_path <@ (SELECT app_scope()));

ALTER TABLE org_month_facts ENABLE ROW LEVEL SECURITY;
ALTER TABLE org_month_facts FORCE ROW LEVEL SECURITY;
CREATE POLICY org_month_facts_read ON org_month_facts FOR SELECT TO civic_app
  USING (org_path <@ (SELECT app_scope()));
CREATE POLICY org_month_facts_move ON org_month_facts FOR UPDATE TO civic_app
  USING (org_path <@ (SELECT app_scope())) WITH CHECK (org_path <@ (SELECT app_scope()));
