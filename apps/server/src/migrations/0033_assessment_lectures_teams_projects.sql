-- Assessment (考核, issue 15), part 4: three indicators of the seeds the preset still lacked —
--   micro_lecture_stations        茶乡微讲堂 villages per town (≥ 30%, seed 004 §6), for institutes;
--   professional_teams_on_target  the professional teams' yearly service targets (seed 003 附件), for the centre;
--   projects_done                 projects done against the year's target (文明实践365: 12 projects, seed 004 §7), for the centre.
-- What each counts is code (modules/assessment/indicators.ts, unit-facts.ts); this migration adds
-- what they read and their settings.
--
-- team_month_facts.orders_closed: orders dispatched to the team (orders.dispatched_team_id) and
-- closed, in the month they closed (China dates); a reopening takes the order back from that month.
-- A team's services are its activities_held plus its orders_closed. Kept by the same domain events as
-- the other counters (rankings.facts.ts); backfilled here from the orders, as the rebuild would.
ALTER TABLE team_month_facts ADD COLUMN orders_closed integer NOT NULL DEFAULT 0;

CREATE OR REPLACE FUNCTION add_team_month_facts(p_team bigint, p_month date, p_delta jsonb)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_path ltree;
BEGIN
  SELECT org_path INTO v_path FROM teams WHERE id = p_team;
  IF v_path IS NULL THEN
    RAISE EXCEPTION 'no team %', p_team USING ERRCODE = 'PT404';
  END IF;
  INSERT INTO team_month_facts AS f (team_id, org_path, month, activities_held, service_records,
      service_hours, orders_closed)
    VALUES (p_team, v_path, date_trunc('month', p_month)::date,
      coalesce((p_delta ->> 'activities_held')::integer, 0),
      coalesce((p_delta ->> 'service_records')::integer, 0),
      coalesce((p_delta ->> 'service_hours')::numeric, 0),
      coalesce((p_delta ->> 'orders_closed')::integer, 0))
    ON CONFLICT (team_id, month) DO UPDATE SET
      activities_held = f.activities_held + EXCLUDED.activities_held,
      service_records = f.service_records + EXCLUDED.service_records,
      service_hours = f.service_hours + EXCLUDED.service_hours,
      orders_closed = f.orders_closed + EXCLUDED.orders_closed;
END $$;

INSERT INTO team_month_facts AS f (team_id, org_path, month, orders_closed)
  SELECT o.dispatched_team_id, t.org_path,
         date_trunc('month', (o.closed_at AT TIME ZONE 'Asia/Shanghai'))::date, count(*)
    FROM orders o JOIN teams t ON t.id = o.dispatched_team_id
   WHERE o.status = 'closed' AND o.closed_at IS NOT NULL
   GROUP BY 1, 2, 3
  ON CONFLICT (team_id, month) DO UPDATE SET orders_closed = EXCLUDED.orders_closed;

-- (a 茶乡微讲堂 is a 讲 activity marked activities.micro_lecture: migration 0034)

-- The settings. A kind whose settings are still exactly the preset shipped by 0027 gets the new
-- indicators assessed, with the weights rebalanced so they still sum to 100:
--   institute: activities 20 → 15, service_hours 10 → 5, micro_lecture_stations 10 (target 30%);
--   centre: posts, teams, volunteers 20 → 15 each, activities 15 → 10,
--           professional_teams_on_target 10 (target 100%), projects_done 10 (target 12 a year).
-- A kind the centre has already changed keeps its own settings: the new indicators are added
-- offered but not assessed (weight 0, off), for the centre to turn on in the console.
DO $$
DECLARE
  institute_as_shipped boolean;
  center_as_shipped boolean;
BEGIN
  SELECT NOT EXISTS (
    (SELECT code, target, weight, enabled FROM assessment_indicators WHERE org_kind = 'institute'
     EXCEPT
     SELECT * FROM (VALUES
       ('activities', 15::numeric, 20, true), ('festival_activities', 5, 15, true),
       ('service_hours', 3000, 10, true), ('volunteer_share', 13, 10, true),
       ('active_volunteers', 200, 5, true), ('on_time_rate', 90, 10, true),
       ('average_rating', 4.5, 5, true), ('stations_on_target', 100, 10, true),
       ('trainings', 2, 5, true), ('publicity', 6, 5, true), ('site_standard', 100, 0, false),
       ('task_completion', 100, 5, true)) p(code, target, weight, enabled))
    UNION ALL
    (SELECT * FROM (VALUES
       ('activities', 15::numeric, 20, true), ('festival_activities', 5, 15, true),
       ('service_hours', 3000, 10, true), ('volunteer_share', 13, 10, true),
       ('active_volunteers', 200, 5, true), ('on_time_rate', 90, 10, true),
       ('average_rating', 4.5, 5, true), ('stations_on_target', 100, 10, true),
       ('trainings', 2, 5, true), ('publicity', 6, 5, true), ('site_standard', 100, 0, false),
       ('task_completion', 100, 5, true)) p(code, target, weight, enabled)
     EXCEPT
     SELECT code, target, weight, enabled FROM assessment_indicators WHERE org_kind = 'institute'))
  INTO institute_as_shipped;

  SELECT NOT EXISTS (
    (SELECT code, target, weight, enabled FROM assessment_indicators WHERE org_kind = 'center'
     EXCEPT
     SELECT * FROM (VALUES
       ('posts', 100::numeric, 20, true), ('teams', 1000, 20, true), ('volunteers', 10000, 20, true),
       ('activities', 365, 15, true), ('volunteer_share', 13, 10, true), ('on_time_rate', 90, 10, true),
       ('average_rating', 4.5, 5, true), ('festival_activities', 120, 0, false),
       ('service_hours', 100000, 0, false), ('active_volunteers', 5000, 0, false),
       ('site_standard', 100, 0, false), ('trainings', 2, 0, false),
       ('publicity', 6, 0, false)) p(code, target, weight, enabled))
    UNION ALL
    (SELECT * FROM (VALUES
       ('posts', 100::numeric, 20, true), ('teams', 1000, 20, true), ('volunteers', 10000, 20, true),
       ('activities', 365, 15, true), ('volunteer_share', 13, 10, true), ('on_time_rate', 90, 10, true),
       ('average_rating', 4.5, 5, true), ('festival_activities', 120, 0, false),
       ('service_hours', 100000, 0, false), ('active_volunteers', 5000, 0, false),
       ('site_standard', 100, 0, false), ('trainings', 2, 0, false),
       ('publicity', 6, 0, false)) p(code, target, weight, enabled)
     EXCEPT
     SELECT code, target, weight, enabled FROM assessment_indicators WHERE org_kind = 'center'))
  INTO center_as_shipped;

  IF institute_as_shipped THEN
    UPDATE assessment_indicators SET weight = 15 WHERE org_kind = 'institute' AND code = 'activities';
    UPDATE assessment_indicators SET weight = 5 WHERE org_kind = 'institute' AND code = 'service_hours';
  END IF;
  INSERT INTO assessment_indicators (org_kind, code, seq, target, weight, enabled) VALUES
    ('institute', 'micro_lecture_stations', 13, 30,
     CASE WHEN institute_as_shipped THEN 10 ELSE 0 END, institute_as_shipped);

  IF center_as_shipped THEN
    UPDATE assessment_indicators SET weight = 15
     WHERE org_kind = 'center' AND code IN ('posts', 'teams', 'volunteers');
    UPDATE assessment_indicators SET weight = 10 WHERE org_kind = 'center' AND code = 'activities';
  END IF;
  INSERT INTO assessment_indicators (org_kind, code, seq, target, weight, enabled) VALUES
    ('center', 'professional_teams_on_target', 14, 100,
     CASE WHEN center_as_shipped THEN 10 ELSE 0 END, center_as_shipped),
    ('center', 'projects_done', 15, 12, CASE WHEN center_as_shipped THEN 10 ELSE 0 END, center_as_shipped);
END $$;
