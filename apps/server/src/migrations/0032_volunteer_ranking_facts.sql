-- The volunteer board of 实践排行 (issue 15) at county scale: per unit, volunteer and calendar
-- month, quarter and year, so a board over one of those periods reads its first page off an index
-- in order instead of summing a subtree's volunteer_month_facts (1.66 M rows for 2 M records: a
-- county's year summed ~1.5 M rows per request, p95 2.8 s).
--
-- volunteer_ranking_facts: one row per org (the unit whose subtree the row sums: the fact's org and
-- every org above it, found as the labels of the fact's org_path, which are org ids), volunteer and
-- bucket — `months` 1, 3 or 12 from `starts` (a calendar month, quarter or year, China dates) — with
-- volunteer_month_facts' counters summed over that subtree and bucket. org_path is the unit's path:
-- row-level security and org moves treat it as every other org_path.
--
-- volunteer_ranking_sizes: per org and bucket, how many volunteers have a non-zero figure of each
-- ranked counter (service_hours, orders_served, points): a board's size without counting 140,000
-- index entries; and of service_records: the unit's active volunteers (活跃志愿者) in the bucket,
-- each counted once however many of the unit's orgs they served, which the assessment reads. (Ratings are ranked with a configurable minimum sample; their boards sum the few
-- rated volunteers' rows instead.)
--
-- Both are derived from volunteer_month_facts by a trigger on it, in the same statement, so every
-- writer of volunteer_month_facts (the rankings' event handlers through add_volunteer_month_facts,
-- the points ledger's trigger) keeps them in the emitter's transaction; an org's move, which rebases
-- volunteer_month_facts.org_path, takes the moved rows' figures from the units it left and adds them
-- to the units it joined (the units in and below the moved org keep theirs and are rebased by the
-- move like any org_path). `npm run assessment:rebuild` recomputes both from the facts and lists
-- every difference (rankings.recompute.ts).

CREATE TABLE volunteer_ranking_facts (
  org_id bigint NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  volunteer_id bigint NOT NULL REFERENCES volunteers(id),
  months smallint NOT NULL CHECK (months IN (1, 3, 12)),
  starts date NOT NULL CHECK (extract(day FROM starts) = 1 AND (extract(month FROM starts)::int - 1) % months = 0),
  service_records integer NOT NULL DEFAULT 0,
  service_hours numeric(12, 1) NOT NULL DEFAULT 0,
  orders_served integer NOT NULL DEFAULT 0,
  rating_sum integer NOT NULL DEFAULT 0,
  rating_count integer NOT NULL DEFAULT 0,
  points integer NOT NULL DEFAULT 0,
  PRIMARY KEY (org_id, months, starts, volunteer_id)
);
-- a board's page in rank order (value DESC, volunteer_id: the board's tie-break), listed entries only
CREATE INDEX volunteer_ranking_facts_hours ON volunteer_ranking_facts
  (org_id, months, starts, service_hours DESC, volunteer_id) WHERE service_hours <> 0;
CREATE INDEX volunteer_ranking_facts_orders ON volunteer_ranking_facts
  (org_id, months, starts, orders_served DESC, volunteer_id) WHERE orders_served <> 0;
CREATE INDEX volunteer_ranking_facts_points ON volunteer_ranking_facts
  (org_id, months, starts, points DESC, volunteer_id) WHERE points <> 0;
CREATE INDEX volunteer_ranking_facts_rated ON volunteer_ranking_facts
  (org_id, months, starts, volunteer_id) WHERE rating_count <> 0;
-- No GiST index on org_path (unlike volunteer_month_facts): with one, the planner ANDed the
-- row-level-security condition's bitmap (the whole county for the centre's staff: 9 M entries at 2 M
-- records, 1.2 s) into an institute's board instead of reading the ordered index. An org's move
-- rebases the paths by a scan of the table instead (0.7 s at 2 M records).

CREATE TABLE volunteer_ranking_sizes (
  org_id bigint NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  months smallint NOT NULL CHECK (months IN (1, 3, 12)),
  starts date NOT NULL,
  service_records integer NOT NULL DEFAULT 0,
  service_hours integer NOT NULL DEFAULT 0,
  orders_served integer NOT NULL DEFAULT 0,
  points integer NOT NULL DEFAULT 0,
  PRIMARY KEY (org_id, months, starts)
);

-- the month, quarter and year (first days) of a month
CREATE FUNCTION ranking_buckets(p_month date) RETURNS TABLE (months smallint, starts date)
LANGUAGE sql IMMUTABLE AS $$
  VALUES (1::smallint, date_trunc('month', p_month::timestamp)::date),
         (3::smallint, date_trunc('quarter', p_month::timestamp)::date),
         (12::smallint, date_trunc('year', p_month::timestamp)::date)
$$;

-- the change of one volunteer_month_facts row, added to every unit above or at its org (the labels of
-- its path) and to the row's month, quarter and year: NEW's counters added, OLD's taken off, netted per
-- unit (a counter's change nets at the same units; a move nets to nothing at the units the old and the
-- new path share, the moved org and those below it among them); then the volunteers listed per unit
-- and bucket follow the counters that became, or stopped being, non-zero
CREATE FUNCTION volunteer_ranking_facts_follow() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  WITH side AS (
    SELECT 1 AS sign, NEW.volunteer_id AS volunteer_id, NEW.org_path AS path, NEW.month AS month,
           NEW.service_records AS service_records, NEW.service_hours AS service_hours,
           NEW.orders_served AS orders_served, NEW.rating_sum AS rating_sum,
           NEW.rating_count AS rating_count, NEW.points AS points
     WHERE TG_OP IN ('INSERT', 'UPDATE')
    UNION ALL
    SELECT -1, OLD.volunteer_id, OLD.org_path, OLD.month, OLD.service_records, OLD.service_hours,
           OLD.orders_served, OLD.rating_sum, OLD.rating_count, OLD.points
     WHERE TG_OP IN ('UPDATE', 'DELETE')),
  delta AS (
    SELECT ltree2text(subpath(s.path, l.n - 1, 1))::bigint AS unit,
           -- the unit's path: the new side's (a unit that moved is rebased by the move itself)
           (array_agg(subpath(s.path, 0, l.n) ORDER BY s.sign DESC))[1] AS unit_path,
           s.volunteer_id, b.months, b.starts,
           sum(s.sign * s.service_records)::integer AS service_records,
           sum(s.sign * s.service_hours) AS service_hours,
           sum(s.sign * s.orders_served)::integer AS orders_served,
           sum(s.sign * s.rating_sum)::integer AS rating_sum,
           sum(s.sign * s.rating_count)::integer AS rating_count,
           sum(s.sign * s.points)::integer AS points
      FROM side s
      CROSS JOIN LATERAL generate_series(1, nlevel(s.path)) AS l(n)
      CROSS JOIN LATERAL ranking_buckets(s.month) AS b
     GROUP BY 1, s.volunteer_id, b.months, b.starts),
  changed AS (
    SELECT * FROM delta
     WHERE service_records <> 0 OR service_hours <> 0 OR orders_served <> 0 OR rating_sum <> 0
        OR rating_count <> 0 OR points <> 0),
  upserted AS (
    INSERT INTO volunteer_ranking_facts AS f (org_id, org_path, volunteer_id, months, starts, service_records,
        service_hours, orders_served, rating_sum, rating_count, points)
      SELECT unit, unit_path, volunteer_id, months, starts, service_records, service_hours, orders_served,
             rating_sum, rating_count, points
        FROM changed
       ORDER BY unit, months, starts
      ON CONFLICT (org_id, months, starts, volunteer_id) DO UPDATE SET
        service_records = f.service_records + EXCLUDED.service_records,
        service_hours = f.service_hours + EXCLUDED.service_hours,
        orders_served = f.orders_served + EXCLUDED.orders_served,
        rating_sum = f.rating_sum + EXCLUDED.rating_sum,
        rating_count = f.rating_count + EXCLUDED.rating_count,
        points = f.points + EXCLUDED.points
      RETURNING f.org_id, f.org_path, f.volunteer_id, f.months, f.starts, f.service_records, f.service_hours,
                f.orders_served, f.points),
  -- before the change: after it, less the change
  listed AS (
    SELECT u.org_id, u.org_path, u.months, u.starts,
           sum((u.service_records <> 0)::int - (u.service_records - c.service_records <> 0)::int)::integer AS service_records,
           sum((u.service_hours <> 0)::int - (u.service_hours - c.service_hours <> 0)::int)::integer AS service_hours,
           sum((u.orders_served <> 0)::int - (u.orders_served - c.orders_served <> 0)::int)::integer AS orders_served,
           sum((u.points <> 0)::int - (u.points - c.points <> 0)::int)::integer AS points
      FROM upserted u
      JOIN changed c ON c.unit = u.org_id AND c.volunteer_id = u.volunteer_id AND c.months = u.months
                    AND c.starts = u.starts
     GROUP BY u.org_id, u.org_path, u.months, u.starts)
  INSERT INTO volunteer_ranking_sizes AS z (org_id, org_path, months, starts, service_records, service_hours,
      orders_served, points)
    SELECT org_id, org_path, months, starts, service_records, service_hours, orders_served, points
      FROM listed
     WHERE service_records <> 0 OR service_hours <> 0 OR orders_served <> 0 OR points <> 0
     ORDER BY org_id, months, starts
    ON CONFLICT (org_id, months, starts) DO UPDATE SET
      service_records = z.service_records + EXCLUDED.service_records,
      service_hours = z.service_hours + EXCLUDED.service_hours,
      orders_served = z.orders_served + EXCLUDED.orders_served,
      points = z.points + EXCLUDED.points;
  RETURN NULL;
END $$;
CREATE TRIGGER volunteer_month_facts_ranking AFTER INSERT OR UPDATE OR DELETE ON volunteer_month_facts
  FOR EACH ROW EXECUTE FUNCTION volunteer_ranking_facts_follow();

GRANT SELECT ON volunteer_ranking_facts, volunteer_ranking_sizes TO civic_app;
-- an org's move rebases the paths of its subtree (modules/orgs), nothing else
GRANT UPDATE (org_path) ON volunteer_ranking_facts, volunteer_ranking_sizes TO civic_app;

ALTER TABLE volunteer_ranking_facts ENABLE ROW LEVEL SECURITY;
ALTER TABLE volunteer_ranking_facts FORCE ROW LEVEL SECURITY;
CREATE POLICY volunteer_ranking_facts_read ON volunteer_ranking_facts FOR SELECT TO civic_app
  USING (org_path <@ (SELECT app_scope()));
CREATE POLICY volunteer_ranking_facts_move ON volunteer_ranking_facts FOR UPDATE TO civic_app
  USING (org_path <@ (SELECT app_scope())) WITH CHECK (org_path <@ (SELECT app_scope()));

ALTER TABLE volunteer_ranking_sizes ENABLE ROW LEVEL SECURITY;
ALTER TABLE volunteer_ranking_sizes FORCE ROW LEVEL SECURITY;
CREATE POLICY volunteer_ranking_sizes_read ON volunteer_ranking_sizes FOR SELECT TO civic_app
  USING (org_path <@ (SELECT app_scope()));
CREATE POLICY volunteer_ranking_sizes_move ON volunteer_ranking_sizes FOR UPDATE TO civic_app
  USING (org_path <@ (SELECT app_scope())) WITH CHECK (org_path <@ (SELECT app_scope()));

-- the rows already there (the same sums as rankings.recompute.ts derives from the facts)
INSERT INTO volunteer_ranking_facts (org_id, org_path, volunteer_id, months, starts, service_records,
    service_hours, orders_served, rating_sum, rating_count, points)
  SELECT ltree2text(subpath(f.org_path, l.n - 1, 1))::bigint, subpath(f.org_path, 0, l.n), f.volunteer_id,
         b.months, b.starts, sum(f.service_records), sum(f.service_hours), sum(f.orders_served),
         sum(f.rating_sum), sum(f.rating_count), sum(f.points)
    FROM volunteer_month_facts f
    CROSS JOIN LATERAL generate_series(1, nlevel(f.org_path)) AS l(n)
    CROSS JOIN LATERAL ranking_buckets(f.month) AS b
   GROUP BY 1, 2, 3, 4, 5
  HAVING sum(f.service_records) <> 0 OR sum(f.service_hours) <> 0 OR sum(f.orders_served) <> 0
      OR sum(f.rating_sum) <> 0 OR sum(f.rating_count) <> 0 OR sum(f.points) <> 0;
INSERT INTO volunteer_ranking_sizes (org_id, org_path, months, starts, service_records, service_hours,
    orders_served, points)
  SELECT org_id, org_path, months, starts, count(*) FILTER (WHERE service_records <> 0),
         count(*) FILTER (WHERE service_hours <> 0),
         count(*) FILTER (WHERE orders_served <> 0), count(*) FILTER (WHERE points <> 0)
    FROM volunteer_ranking_facts GROUP BY org_id, org_path, months, starts;
