-- Activities (issue 6): yearly plans (年有计划、季有主题、月有重点、周有安排), activities and recurring
-- series, sign-up with capacity and a waitlist, QR + geofence check-in/out, and service hours
-- confirmed by a leader or admin. Every table is org-scoped by the activity's (or plan's) org.

-- ---------------------------------------------------------------- yearly plans
CREATE TABLE activity_plans (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id bigint NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  title text NOT NULL,
  summary text,
  -- 季有主题: the four quarters' themes, in order
  quarter_themes text[] NOT NULL DEFAULT ARRAY['', '', '', '']::text[] CHECK (cardinality(quarter_themes) = 4),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  published_at timestamptz,
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, year)
);
CREATE INDEX activity_plans_org_path_gist ON activity_plans USING gist (org_path);

-- 月有重点 (week IS NULL: the month's focus) and 周有安排 (week 1–5 of the month)
CREATE TABLE plan_items (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id bigint NOT NULL REFERENCES activity_plans(id) ON DELETE CASCADE,
  org_path ltree NOT NULL,
  month integer NOT NULL CHECK (month BETWEEN 1 AND 12),
  week integer CHECK (week BETWEEN 1 AND 5),
  title text NOT NULL,
  description text,
  form text,
  festival text,
  planned_on date,
  -- the activity this item was turned into (one click)
  activity_id bigint,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plan_items_plan_idx ON plan_items (plan_id, month, week);
CREATE UNIQUE INDEX plan_items_month_focus_uniq ON plan_items (plan_id, month) WHERE week IS NULL;
CREATE INDEX plan_items_org_path_gist ON plan_items USING gist (org_path);

-- ---------------------------------------------------------------- recurring series
CREATE TABLE activity_series (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id bigint NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  title text NOT NULL,
  frequency text NOT NULL CHECK (frequency IN ('weekly', 'monthly')),
  occurrences integer NOT NULL CHECK (occurrences BETWEEN 1 AND 60),
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX activity_series_org_path_gist ON activity_series USING gist (org_path);

-- ---------------------------------------------------------------- activities
CREATE SEQUENCE activity_no_seq;

CREATE TABLE activities (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  activity_no text NOT NULL UNIQUE,
  org_id bigint NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  series_id bigint REFERENCES activity_series(id),
  plan_item_id bigint REFERENCES plan_items(id),
  title text NOT NULL,
  -- one of the five service platforms (PLATFORMS in contracts), as projects carry it
  platform text,
  project_id bigint REFERENCES projects(id),
  team_id bigint REFERENCES teams(id),
  -- 讲/评/帮/乐/庆/树/行
  form text NOT NULL,
  festival text,
  description text,
  place text NOT NULL,
  latitude double precision CHECK (latitude BETWEEN -90 AND 90),
  longitude double precision CHECK (longitude BETWEEN -180 AND 180),
  geofence_m integer NOT NULL DEFAULT 300 CHECK (geofence_m BETWEEN 20 AND 5000),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
  signup_opens_at timestamptz,
  signup_closes_at timestamptz,
  audience text NOT NULL DEFAULT 'volunteers' CHECK (audience IN ('volunteers', 'public')),
  status text NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'published', 'in_progress', 'finished', 'archived', 'cancelled')),
  cancel_reason text,
  -- counters kept under the activity's row lock, so capacity holds under concurrent sign-ups
  -- (check-ins are not counted here: they must not queue on one row)
  confirmed_count integer NOT NULL DEFAULT 0 CHECK (confirmed_count >= 0),
  waitlist_count integer NOT NULL DEFAULT 0 CHECK (waitlist_count >= 0),
  -- the archive (活动档案)
  summary text,
  video_links text[] NOT NULL DEFAULT '{}',
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  finished_at timestamptz,
  archived_at timestamptz,
  CHECK (ends_at > starts_at),
  CHECK (signup_closes_at IS NULL OR signup_opens_at IS NULL OR signup_closes_at > signup_opens_at)
);
CREATE INDEX activities_org_path_gist ON activities USING gist (org_path);
CREATE INDEX activities_starts_idx ON activities (starts_at);
CREATE INDEX activities_status_idx ON activities (status, ends_at);
CREATE INDEX activities_series_idx ON activities (series_id) WHERE series_id IS NOT NULL;
ALTER TABLE plan_items ADD CONSTRAINT plan_items_activity_fk FOREIGN KEY (activity_id) REFERENCES activities(id);

-- photos of the activity (uploads are stored in PostgreSQL, see 0001)
CREATE TABLE activity_photos (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  activity_id bigint NOT NULL REFERENCES activities(id),
  upload_id uuid NOT NULL REFERENCES uploads(id),
  org_path ltree NOT NULL,
  caption text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (activity_id, upload_id)
);
CREATE INDEX activity_photos_org_path_gist ON activity_photos USING gist (org_path);

-- ---------------------------------------------------------------- sign-ups
CREATE TABLE activity_signups (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  activity_id bigint NOT NULL REFERENCES activities(id),
  volunteer_id bigint NOT NULL REFERENCES volunteers(id),
  org_path ltree NOT NULL,
  -- waitlisted sign-ups are promoted in id order when a place frees up
  status text NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled', 'no_show')),
  source text NOT NULL DEFAULT 'self' CHECK (source IN ('self', 'leader', 'admin')),
  -- the reminder the day before, and the volunteer's answer to it
  reminded_at timestamptz,
  attendance_confirmed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  cancelled_at timestamptz,
  UNIQUE (activity_id, volunteer_id)
);
CREATE INDEX activity_signups_waitlist_idx ON activity_signups (activity_id, id) WHERE status = 'waitlisted';
CREATE INDEX activity_signups_volunteer_idx ON activity_signups (volunteer_id, status);
CREATE INDEX activity_signups_org_path_gist ON activity_signups USING gist (org_path);

-- ---------------------------------------------------------------- check-in / check-out
-- one row per volunteer per activity: the unique key makes a retried check-in harmless
CREATE TABLE activity_checkins (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  activity_id bigint NOT NULL REFERENCES activities(id),
  volunteer_id bigint NOT NULL REFERENCES volunteers(id),
  org_path ltree NOT NULL,
  checked_in_at timestamptz NOT NULL,
  in_method text NOT NULL CHECK (in_method IN ('qr', 'manual', 'override')),
  in_latitude double precision,
  in_longitude double precision,
  in_distance_m integer,
  checked_out_at timestamptz,
  out_method text CHECK (out_method IN ('qr', 'manual', 'override', 'close')),
  out_latitude double precision,
  out_longitude double precision,
  recorded_by bigint REFERENCES users(id),
  note text,
  UNIQUE (activity_id, volunteer_id),
  CHECK (checked_out_at IS NULL OR checked_out_at >= checked_in_at)
);
CREATE INDEX activity_checkins_volunteer_idx ON activity_checkins (volunteer_id);
CREATE INDEX activity_checkins_org_path_gist ON activity_checkins USING gist (org_path);

-- ---------------------------------------------------------------- hours rule per org
-- the nearest setting above an activity's org applies; none: round down to 0.5 h
CREATE TABLE hour_rules (
  org_id bigint PRIMARY KEY REFERENCES orgs(id),
  org_path ltree NOT NULL,
  step_minutes integer NOT NULL DEFAULT 30 CHECK (step_minutes IN (1, 6, 15, 30, 60)),
  rounding text NOT NULL DEFAULT 'down' CHECK (rounding IN ('down', 'nearest', 'up')),
  updated_by bigint REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX hour_rules_org_path_gist ON hour_rules USING gist (org_path);

-- ---------------------------------------------------------------- service records, in full
-- credit: from check-in/out (or the order loop); backfill (补录): for an activity without a
-- check-in, capped at its length, with evidence; manual: other service, with evidence. Backfill
-- and manual records need a second person to confirm them.
ALTER TABLE service_records
  ADD COLUMN kind text NOT NULL DEFAULT 'credit' CHECK (kind IN ('credit', 'backfill', 'manual')),
  ADD COLUMN hours numeric(6, 1) NOT NULL DEFAULT 0 CHECK (hours >= 0 AND hours <= 24),
  ADD COLUMN note text,
  ADD COLUMN evidence_upload_ids uuid[] NOT NULL DEFAULT '{}',
  ADD COLUMN created_by bigint REFERENCES users(id),
  ADD COLUMN reviewed_by bigint REFERENCES users(id),
  ADD COLUMN reviewed_at timestamptz,
  ADD COLUMN reject_reason text,
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
-- the order loop's records (0004) count minutes; their hours are the minutes rounded down to 0.5 h
UPDATE service_records SET hours = LEAST(24, floor(minutes / 30.0) * 0.5);
CREATE INDEX service_records_review_idx ON service_records (status, created_at) WHERE status = 'pending';
CREATE INDEX service_records_ended_idx ON service_records (volunteer_id, ended_at) WHERE status = 'confirmed';
-- (source, source_id, volunteer_id) stays unique (0004): one record per volunteer per activity or
-- order, whether credit or backfill; a rejected one is corrected and sent again, not duplicated

-- what happened to a record: created, confirmed, corrected (with the reason and both values), rejected
CREATE TABLE service_record_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  record_id bigint NOT NULL REFERENCES service_records(id),
  org_path ltree NOT NULL,
  action text NOT NULL CHECK (action IN ('create', 'confirm', 'correct', 'reject')),
  from_hours numeric(6, 1),
  to_hours numeric(6, 1),
  reason text,
  actor_user_id bigint REFERENCES users(id),
  actor_name text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX service_record_events_record_idx ON service_record_events (record_id, id);
CREATE INDEX service_record_events_org_path_gist ON service_record_events USING gist (org_path);

-- A volunteer's lifetime hours follow their confirmed records, whoever confirms them and in
-- whichever org (a county team's activity confirms hours of volunteers who live in a village).
-- The trigger owns the sum, so no code path can forget it.
CREATE FUNCTION service_records_lifetime_hours() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $$
DECLARE
  before_hours numeric := 0;
  after_hours numeric := 0;
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.status = 'confirmed' THEN before_hours := OLD.hours; END IF;
  IF NEW.status = 'confirmed' THEN after_hours := NEW.hours; END IF;
  IF TG_OP = 'UPDATE' AND OLD.volunteer_id <> NEW.volunteer_id THEN
    RAISE EXCEPTION 'service record volunteer cannot change';
  END IF;
  IF after_hours <> before_hours THEN
    UPDATE volunteers SET lifetime_hours = GREATEST(0, lifetime_hours + after_hours - before_hours)
      WHERE id = NEW.volunteer_id;
  END IF;
  RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION service_records_lifetime_hours() FROM PUBLIC;
CREATE TRIGGER service_records_lifetime_hours
  AFTER INSERT OR UPDATE OF status, hours ON service_records
  FOR EACH ROW EXECUTE FUNCTION service_records_lifetime_hours();

-- A volunteer's confirmed hours per calendar year in China time ({"2026": 12.5, …}), whichever
-- org's records they are, like lifetime_hours. Callers pass a volunteer they can already see.
CREATE FUNCTION volunteer_hours_by_year(volunteer bigint) RETURNS jsonb
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT coalesce(jsonb_object_agg(y, h), '{}'::jsonb)
        FROM (SELECT extract(year FROM ended_at AT TIME ZONE 'Asia/Shanghai')::int AS y, sum(hours) AS h
              FROM service_records WHERE volunteer_id = volunteer AND status = 'confirmed' GROUP BY 1) s $$;
REVOKE ALL ON FUNCTION volunteer_hours_by_year(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION volunteer_hours_by_year(bigint) TO civic_app;

-- Activity facts a volunteer may read beyond their own scope: published activities of their org
-- and the orgs above (the ones they can sign up for), and the public list for residents.
CREATE FUNCTION volunteer_can_see_activity(activity_org_path ltree, activity_status text) RETURNS boolean
  LANGUAGE sql STABLE
  AS $$ SELECT app_volunteer() IS NOT NULL
           AND activity_status IN ('published', 'in_progress', 'finished', 'archived')
           AND subpath(app_scope(), 0, nlevel(app_scope()) - 1) <@ activity_org_path $$;
GRANT EXECUTE ON FUNCTION volunteer_can_see_activity(ltree, text) TO civic_app;

-- ---------------------------------------------------------------- privileges and row-level security
GRANT SELECT, INSERT, UPDATE ON activity_plans, plan_items, activity_series, activities, activity_photos,
  activity_signups, activity_checkins, hour_rules, service_record_events TO civic_app;
GRANT DELETE ON plan_items, activity_photos, hour_rules TO civic_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO civic_app;

ALTER TABLE activity_plans ENABLE ROW LEVEL SECURITY;
ALTER TABLE activity_plans FORCE ROW LEVEL SECURITY;
-- the plans of the orgs above are visible from below (a station sees its institute's themes)
CREATE POLICY activity_plans_read ON activity_plans FOR SELECT TO civic_app
  USING (org_path <@ app_scope() OR app_scope() <@ org_path);
CREATE POLICY activity_plans_write ON activity_plans FOR INSERT TO civic_app WITH CHECK (org_path <@ app_scope());
CREATE POLICY activity_plans_update ON activity_plans FOR UPDATE TO civic_app
  USING (org_path <@ app_scope()) WITH CHECK (org_path <@ app_scope());

ALTER TABLE plan_items ENABLE ROW LEVEL SECURITY;
ALTER TABLE plan_items FORCE ROW LEVEL SECURITY;
CREATE POLICY plan_items_read ON plan_items FOR SELECT TO civic_app
  USING (org_path <@ app_scope() OR app_scope() <@ org_path);
CREATE POLICY plan_items_insert ON plan_items FOR INSERT TO civic_app WITH CHECK (org_path <@ app_scope());
CREATE POLICY plan_items_update ON plan_items FOR UPDATE TO civic_app
  USING (org_path <@ app_scope()) WITH CHECK (org_path <@ app_scope());
CREATE POLICY plan_items_delete ON plan_items FOR DELETE TO civic_app USING (org_path <@ app_scope());

ALTER TABLE activity_series ENABLE ROW LEVEL SECURITY;
ALTER TABLE activity_series FORCE ROW LEVEL SECURITY;
CREATE POLICY activity_series_scope ON activity_series TO civic_app
  USING (org_path <@ app_scope()) WITH CHECK (org_path <@ app_scope());

ALTER TABLE activities ENABLE ROW LEVEL SECURITY;
ALTER TABLE activities FORCE ROW LEVEL SECURITY;
CREATE POLICY activities_scope ON activities TO civic_app
  USING (org_path <@ app_scope()) WITH CHECK (org_path <@ app_scope());
CREATE POLICY activities_volunteer_read ON activities FOR SELECT TO civic_app
  USING (volunteer_can_see_activity(org_path, status));
-- signing up and checking in move the activity's counters, under its row lock
CREATE POLICY activities_volunteer_update ON activities FOR UPDATE TO civic_app
  USING (volunteer_can_see_activity(org_path, status)) WITH CHECK (volunteer_can_see_activity(org_path, status));

ALTER TABLE activity_photos ENABLE ROW LEVEL SECURITY;
ALTER TABLE activity_photos FORCE ROW LEVEL SECURITY;
CREATE POLICY activity_photos_scope ON activity_photos TO civic_app
  USING (org_path <@ app_scope()) WITH CHECK (org_path <@ app_scope());

ALTER TABLE activity_signups ENABLE ROW LEVEL SECURITY;
ALTER TABLE activity_signups FORCE ROW LEVEL SECURITY;
CREATE POLICY activity_signups_scope ON activity_signups TO civic_app
  USING (org_path <@ app_scope()) WITH CHECK (org_path <@ app_scope());
-- a volunteer reads and writes their own sign-ups (promoting the next one on the waitlist when they
-- cancel goes through promote_from_waitlist below, so no volunteer touches another's row)
CREATE POLICY activity_signups_own ON activity_signups TO civic_app
  USING (volunteer_id = app_volunteer()) WITH CHECK (volunteer_id = app_volunteer());

-- Fills a free place of an activity from its waitlist (the longest-waiting first) and returns who
-- was promoted. Called under the activity's row lock after a cancellation, by staff or by the
-- volunteer who cancelled; it only ever moves the waitlist into free capacity, which is what
-- anyone with the activity's lock would do, so it is safe to expose.
CREATE FUNCTION promote_from_waitlist(p_activity bigint) RETURNS bigint
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $$
DECLARE
  a record;
  nxt record;
BEGIN
  SELECT id, capacity, confirmed_count INTO a FROM activities WHERE id = p_activity FOR UPDATE;
  IF NOT FOUND OR a.confirmed_count >= a.capacity THEN RETURN NULL; END IF;
  SELECT id, volunteer_id INTO nxt FROM activity_signups
    WHERE activity_id = p_activity AND status = 'waitlisted' ORDER BY id LIMIT 1 FOR UPDATE;
  IF NOT FOUND THEN RETURN NULL; END IF;
  UPDATE activity_signups SET status = 'confirmed', updated_at = now() WHERE id = nxt.id;
  UPDATE activities SET confirmed_count = confirmed_count + 1, waitlist_count = waitlist_count - 1
    WHERE id = p_activity;
  RETURN nxt.volunteer_id;
END $$;
REVOKE ALL ON FUNCTION promote_from_waitlist(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION promote_from_waitlist(bigint) TO civic_app;

ALTER TABLE activity_checkins ENABLE ROW LEVEL SECURITY;
ALTER TABLE activity_checkins FORCE ROW LEVEL SECURITY;
CREATE POLICY activity_checkins_scope ON activity_checkins TO civic_app
  USING (org_path <@ app_scope()) WITH CHECK (org_path <@ app_scope());
CREATE POLICY activity_checkins_own ON activity_checkins TO civic_app
  USING (volunteer_id = app_volunteer()) WITH CHECK (volunteer_id = app_volunteer());

ALTER TABLE hour_rules ENABLE ROW LEVEL SECURITY;
ALTER TABLE hour_rules FORCE ROW LEVEL SECURITY;
-- a volunteer finishing an order of another village (dispatched from the institute) rounds by
-- that village's rule, so volunteers read every rule (a rounding step is no one's secret)
CREATE POLICY hour_rules_read ON hour_rules FOR SELECT TO civic_app
  USING (org_path <@ app_scope() OR app_scope() <@ org_path OR app_volunteer() IS NOT NULL);
CREATE POLICY hour_rules_write ON hour_rules FOR INSERT TO civic_app WITH CHECK (org_path <@ app_scope());
CREATE POLICY hour_rules_update ON hour_rules FOR UPDATE TO civic_app
  USING (org_path <@ app_scope()) WITH CHECK (org_path <@ app_scope());
-- removing an org's own rule falls back to the rule above it
CREATE POLICY hour_rules_delete ON hour_rules FOR DELETE TO civic_app USING (org_path <@ app_scope());

ALTER TABLE service_record_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE service_record_events FORCE ROW LEVEL SECURITY;
CREATE POLICY service_record_events_scope ON service_record_events TO civic_app
  USING (org_path <@ app_scope()) WITH CHECK (org_path <@ app_scope());
CREATE POLICY service_record_events_own ON service_record_events FOR SELECT TO civic_app
  USING (EXISTS (SELECT 1 FROM service_records r WHERE r.id = record_id AND r.volunteer_id = app_volunteer()));

-- a volunteer's check-out writes their own pending credit record
CREATE POLICY service_records_from_activity ON service_records FOR INSERT TO civic_app
  WITH CHECK (source = 'activity' AND kind = 'credit' AND status = 'pending' AND volunteer_id = app_volunteer());
-- ... and the 'create' event of that record (the record's history starts with the volunteer's check-out)
CREATE POLICY service_record_events_own_create ON service_record_events FOR INSERT TO civic_app
  WITH CHECK (action = 'create' AND app_volunteer() IS NOT NULL
              AND EXISTS (SELECT 1 FROM service_records r
                          WHERE r.id = record_id AND r.volunteer_id = app_volunteer()
                            AND r.source = 'activity' AND r.status = 'pending'
                            AND r.org_path = service_record_events.org_path));
-- finishing an order records the time of everyone who served on it (0004): the finishing volunteer
-- reads those records back and writes each one's 'create' event
CREATE POLICY service_records_order_read ON service_records FOR SELECT TO civic_app
  USING (source = 'order' AND app_volunteer() IS NOT NULL AND offered_to_me(source_id));
CREATE POLICY service_record_events_order_create ON service_record_events FOR INSERT TO civic_app
  WITH CHECK (action = 'create' AND app_volunteer() IS NOT NULL
              AND EXISTS (SELECT 1 FROM service_records r
                          WHERE r.id = record_id AND r.source = 'order' AND r.status = 'pending'
                            AND offered_to_me(r.source_id)
                            AND r.org_path = service_record_events.org_path));

-- a volunteer's own action may tell another volunteer (cancelling promotes the next on the
-- waitlist): only about something of their org or the orgs above, which they can see
CREATE POLICY notifications_from_volunteer ON notifications FOR INSERT TO civic_app
  WITH CHECK (app_volunteer() IS NOT NULL AND volunteer_id IS NOT NULL
              AND subpath(app_scope(), 0, nlevel(app_scope()) - 1) <@ org_path);
