-- Team leaders' scope (0011), cheaper for everyone else. The policies of 0011 that look at another
-- table did it with sub-selects, which PostgreSQL plans — with the other table's own policies
-- expanded inside them, several levels deep — for every statement on these tables, whoever runs it:
-- a volunteer's sign-up took about twice as long though the team branch never runs for them. Here
-- the team branch is one call of a SECURITY DEFINER function, opaque to the planner and run only
-- when app.team is set (a team leader's request); the functions answer only about the caller's own
-- team (app.team) and reveal nothing but true or false.

-- one of the leader's team's activities (their team or one below it)
CREATE FUNCTION team_leader_activity(activity bigint) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT EXISTS (SELECT 1 FROM activities a WHERE a.id = activity AND a.team_id = ANY (app_team_ids())) $$;

-- a credit record of one of those activities
CREATE FUNCTION team_leader_record(record bigint) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT EXISTS (SELECT 1 FROM service_records r
                       WHERE r.id = record AND r.source = 'activity' AND r.kind = 'credit'
                         AND team_leader_activity(r.source_id)) $$;

-- a member (or applicant) of the team, or a volunteer taking part in one of its activities
CREATE FUNCTION team_leader_volunteer(volunteer bigint) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT EXISTS (SELECT 1 FROM team_members m
                       WHERE m.volunteer_id = volunteer AND m.status IN ('pending', 'active')
                         AND m.team_id = ANY (app_team_ids()))
            OR EXISTS (SELECT 1 FROM activity_signups s
                       WHERE s.volunteer_id = volunteer AND team_leader_activity(s.activity_id))
            OR EXISTS (SELECT 1 FROM activity_checkins c
                       WHERE c.volunteer_id = volunteer AND team_leader_activity(c.activity_id)) $$;

-- a photo of one of those activities
CREATE FUNCTION team_leader_upload(upload uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT EXISTS (SELECT 1 FROM activity_photos p
                       WHERE p.upload_id = upload AND team_leader_activity(p.activity_id)) $$;

REVOKE ALL ON FUNCTION team_leader_activity(bigint), team_leader_record(bigint), team_leader_volunteer(bigint),
  team_leader_upload(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION team_leader_activity(bigint), team_leader_record(bigint), team_leader_volunteer(bigint),
  team_leader_upload(uuid) TO civic_app;

-- ---------------------------------------------------------------- the same limits, as calls
DROP POLICY activity_signups_team_leader ON activity_signups;
CREATE POLICY activity_signups_team_leader ON activity_signups AS RESTRICTIVE TO civic_app
  USING (app_team() IS NULL OR team_leader_activity(activity_id))
  WITH CHECK (app_team() IS NULL OR team_leader_activity(activity_id));

DROP POLICY activity_checkins_team_leader ON activity_checkins;
CREATE POLICY activity_checkins_team_leader ON activity_checkins AS RESTRICTIVE TO civic_app
  USING (app_team() IS NULL OR team_leader_activity(activity_id))
  WITH CHECK (app_team() IS NULL OR team_leader_activity(activity_id));

DROP POLICY activity_photos_team_leader ON activity_photos;
CREATE POLICY activity_photos_team_leader ON activity_photos AS RESTRICTIVE TO civic_app
  USING (app_team() IS NULL OR team_leader_activity(activity_id))
  WITH CHECK (app_team() IS NULL OR team_leader_activity(activity_id));

DROP POLICY service_records_team_leader ON service_records;
CREATE POLICY service_records_team_leader ON service_records AS RESTRICTIVE TO civic_app
  USING (app_team() IS NULL OR (source = 'activity' AND kind = 'credit' AND team_leader_activity(source_id)))
  WITH CHECK (app_team() IS NULL OR (source = 'activity' AND kind = 'credit' AND team_leader_activity(source_id)));

DROP POLICY service_record_events_team_leader ON service_record_events;
CREATE POLICY service_record_events_team_leader ON service_record_events AS RESTRICTIVE TO civic_app
  USING (app_team() IS NULL OR team_leader_record(record_id))
  WITH CHECK (app_team() IS NULL OR team_leader_record(record_id));

DROP POLICY volunteers_team_leader ON volunteers;
CREATE POLICY volunteers_team_leader ON volunteers AS RESTRICTIVE TO civic_app
  USING (app_team() IS NULL OR team_leader_volunteer(id))
  WITH CHECK (app_team() IS NULL);

DROP POLICY uploads_team_leader ON uploads;
CREATE POLICY uploads_team_leader ON uploads AS RESTRICTIVE TO civic_app
  USING (app_team() IS NULL OR uploaded_by = app_user() OR team_leader_upload(id))
  WITH CHECK (app_team() IS NULL OR uploaded_by = app_user());

-- the tables keyed on the team itself compare with the team list directly, also one call per row
DROP POLICY activities_team_leader ON activities;
CREATE POLICY activities_team_leader ON activities AS RESTRICTIVE TO civic_app
  USING (app_team() IS NULL OR team_id = ANY (app_team_ids()))
  WITH CHECK (app_team() IS NULL OR team_id = ANY (app_team_ids()));

DROP POLICY teams_team_leader ON teams;
CREATE POLICY teams_team_leader ON teams AS RESTRICTIVE TO civic_app
  USING (app_team() IS NULL OR id = ANY (app_team_ids()))
  WITH CHECK (app_team() IS NULL OR id = ANY (app_team_ids()));

DROP POLICY team_members_team_leader ON team_members;
CREATE POLICY team_members_team_leader ON team_members AS RESTRICTIVE TO civic_app
  USING (app_team() IS NULL OR team_id = ANY (app_team_ids()))
  WITH CHECK (app_team() IS NULL OR team_id = ANY (app_team_ids()));
