-- Team leaders' scope (issue 12): a team leader acts for the team they lead, not for their org.
--
-- A team leader's account is bound to its team (users.team_id) and sits at that team's org — a
-- county professional team's leader at the centre, a village 中队's leader at its station. Requests
-- of a team leader run with app.team set to that team (see inScope); these RESTRICTIVE policies then
-- narrow every table a leader's permissions reach to the team and its sub-teams: their activities
-- with the sign-ups, check-ins and photos, the credit records of those activities, the team's
-- members and the volunteers taking part in its activities, and the teams themselves. A leader
-- bound to no team (an account from before this migration) runs with app.team = '0' and sees none.
-- app.team unset or empty means no team restriction: every other role is unaffected.

-- ---------------------------------------------------------------- the account's team
ALTER TABLE users ADD COLUMN team_id bigint REFERENCES teams(id);
ALTER TABLE users ADD CONSTRAINT users_team_only_leaders CHECK (team_id IS NULL OR role = 'team_leader');
CREATE INDEX users_team_idx ON users (team_id) WHERE team_id IS NOT NULL;

-- where the role may sit: at its team's own org (teams never change org)
CREATE FUNCTION users_team_org_check() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $$
BEGIN
  IF NEW.team_id IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM teams WHERE id = NEW.team_id AND org_id = NEW.org_id) THEN
    RAISE EXCEPTION 'a team leader account sits at its team''s org (user %, team %)', NEW.id, NEW.team_id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION users_team_org_check() FROM PUBLIC;
CREATE TRIGGER users_team_org_check
  BEFORE INSERT OR UPDATE OF team_id, org_id ON users
  FOR EACH ROW EXECUTE FUNCTION users_team_org_check();

-- ---------------------------------------------------------------- the request's team and account
CREATE FUNCTION app_team() RETURNS bigint
  LANGUAGE sql STABLE
  AS $$ SELECT NULLIF(current_setting('app.team', true), '')::bigint $$;

CREATE FUNCTION app_user() RETURNS bigint
  LANGUAGE sql STABLE
  AS $$ SELECT NULLIF(current_setting('app.user', true), '')::bigint $$;

-- The team of app.team and every team below it; NULL when there is no team restriction. Policies
-- compare with `ANY ((SELECT app_team_ids())::bigint[])`: the sub-select runs once per query, not
-- once per row.
CREATE FUNCTION app_team_ids() RETURNS bigint[]
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    WITH RECURSIVE down AS (
      SELECT id FROM teams WHERE id = app_team()
      UNION SELECT t.id FROM teams t JOIN down d ON t.parent_id = d.id)
    SELECT CASE WHEN app_team() IS NULL THEN NULL ELSE coalesce((SELECT array_agg(id) FROM down), '{}') END $$;
REVOKE ALL ON FUNCTION app_team_ids() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_team(), app_user(), app_team_ids() TO civic_app;

-- ---------------------------------------------------------------- the team's activities
CREATE POLICY activities_team_leader ON activities AS RESTRICTIVE TO civic_app
  USING (app_team() IS NULL OR team_id = ANY ((SELECT app_team_ids())::bigint[]))
  WITH CHECK (app_team() IS NULL OR team_id = ANY ((SELECT app_team_ids())::bigint[]));

CREATE POLICY activity_signups_team_leader ON activity_signups AS RESTRICTIVE TO civic_app
  USING (app_team() IS NULL
         OR activity_id IN (SELECT a.id FROM activities a WHERE a.team_id = ANY ((SELECT app_team_ids())::bigint[])))
  WITH CHECK (app_team() IS NULL
         OR activity_id IN (SELECT a.id FROM activities a WHERE a.team_id = ANY ((SELECT app_team_ids())::bigint[])));

CREATE POLICY activity_checkins_team_leader ON activity_checkins AS RESTRICTIVE TO civic_app
  USING (app_team() IS NULL
         OR activity_id IN (SELECT a.id FROM activities a WHERE a.team_id = ANY ((SELECT app_team_ids())::bigint[])))
  WITH CHECK (app_team() IS NULL
         OR activity_id IN (SELECT a.id FROM activities a WHERE a.team_id = ANY ((SELECT app_team_ids())::bigint[])));

CREATE POLICY activity_photos_team_leader ON activity_photos AS RESTRICTIVE TO civic_app
  USING (app_team() IS NULL
         OR activity_id IN (SELECT a.id FROM activities a WHERE a.team_id = ANY ((SELECT app_team_ids())::bigint[])))
  WITH CHECK (app_team() IS NULL
         OR activity_id IN (SELECT a.id FROM activities a WHERE a.team_id = ANY ((SELECT app_team_ids())::bigint[])));

-- a series holds no one's data; a leader sees the ones they started
CREATE POLICY activity_series_team_leader ON activity_series AS RESTRICTIVE TO civic_app
  USING (app_team() IS NULL OR created_by = app_user())
  WITH CHECK (app_team() IS NULL OR created_by = app_user());

-- the org's yearly plan is the org's: a leader reads it, never writes it
CREATE POLICY activity_plans_team_leader_insert ON activity_plans AS RESTRICTIVE FOR INSERT TO civic_app
  WITH CHECK (app_team() IS NULL);
CREATE POLICY activity_plans_team_leader_update ON activity_plans AS RESTRICTIVE FOR UPDATE TO civic_app
  USING (app_team() IS NULL);
CREATE POLICY plan_items_team_leader_insert ON plan_items AS RESTRICTIVE FOR INSERT TO civic_app
  WITH CHECK (app_team() IS NULL);
CREATE POLICY plan_items_team_leader_update ON plan_items AS RESTRICTIVE FOR UPDATE TO civic_app
  USING (app_team() IS NULL);
CREATE POLICY plan_items_team_leader_delete ON plan_items AS RESTRICTIVE FOR DELETE TO civic_app
  USING (app_team() IS NULL);

-- ---------------------------------------------------------------- the hours of those activities
-- only the credit records of the team's activities: never an opening, manual or backfill record
CREATE POLICY service_records_team_leader ON service_records AS RESTRICTIVE TO civic_app
  USING (app_team() IS NULL
         OR (source = 'activity' AND kind = 'credit'
             AND source_id IN (SELECT a.id FROM activities a WHERE a.team_id = ANY ((SELECT app_team_ids())::bigint[]))))
  WITH CHECK (app_team() IS NULL
         OR (source = 'activity' AND kind = 'credit'
             AND source_id IN (SELECT a.id FROM activities a WHERE a.team_id = ANY ((SELECT app_team_ids())::bigint[]))));

CREATE POLICY service_record_events_team_leader ON service_record_events AS RESTRICTIVE TO civic_app
  USING (app_team() IS NULL OR EXISTS (SELECT 1 FROM service_records r WHERE r.id = record_id))
  WITH CHECK (app_team() IS NULL OR EXISTS (SELECT 1 FROM service_records r WHERE r.id = record_id));

-- ---------------------------------------------------------------- the team and its people
CREATE POLICY teams_team_leader ON teams AS RESTRICTIVE TO civic_app
  USING (app_team() IS NULL OR id = ANY ((SELECT app_team_ids())::bigint[]))
  WITH CHECK (app_team() IS NULL OR id = ANY ((SELECT app_team_ids())::bigint[]));

CREATE POLICY team_members_team_leader ON team_members AS RESTRICTIVE TO civic_app
  USING (app_team() IS NULL OR team_id = ANY ((SELECT app_team_ids())::bigint[]))
  WITH CHECK (app_team() IS NULL OR team_id = ANY ((SELECT app_team_ids())::bigint[]));

-- the team's members (and applicants), and the volunteers taking part in its activities: the
-- sign-up list, the sign-in sheet and the records name them
CREATE POLICY volunteers_team_leader ON volunteers AS RESTRICTIVE TO civic_app
  USING (app_team() IS NULL
         OR EXISTS (SELECT 1 FROM team_members m
                    WHERE m.volunteer_id = volunteers.id AND m.status IN ('pending', 'active')
                      AND m.team_id = ANY ((SELECT app_team_ids())::bigint[]))
         OR EXISTS (SELECT 1 FROM activity_signups s WHERE s.volunteer_id = volunteers.id)
         OR EXISTS (SELECT 1 FROM activity_checkins c WHERE c.volunteer_id = volunteers.id))
  WITH CHECK (app_team() IS NULL);

-- ---------------------------------------------------------------- files and accounts
-- their own uploads and the photos of the team's activities
CREATE POLICY uploads_team_leader ON uploads AS RESTRICTIVE TO civic_app
  USING (app_team() IS NULL OR uploaded_by = app_user()
         OR id IN (SELECT p.upload_id FROM activity_photos p))
  WITH CHECK (app_team() IS NULL OR uploaded_by = app_user());

CREATE POLICY users_team_leader ON users AS RESTRICTIVE TO civic_app
  USING (app_team() IS NULL OR id = app_user())
  WITH CHECK (app_team() IS NULL OR id = app_user());

-- ---------------------------------------------------------------- nothing else of the org
-- tables no team leader permission reaches, closed to them in the database as well
CREATE POLICY orders_team_leader ON orders AS RESTRICTIVE TO civic_app USING (app_team() IS NULL);
CREATE POLICY order_events_team_leader ON order_events AS RESTRICTIVE TO civic_app USING (app_team() IS NULL);
CREATE POLICY order_assignees_team_leader ON order_assignees AS RESTRICTIVE TO civic_app
  USING (app_team() IS NULL);
CREATE POLICY volunteer_imports_team_leader ON volunteer_imports AS RESTRICTIVE TO civic_app
  USING (app_team() IS NULL);
CREATE POLICY volunteer_rejoin_requests_team_leader ON volunteer_rejoin_requests AS RESTRICTIVE TO civic_app
  USING (app_team() IS NULL);
