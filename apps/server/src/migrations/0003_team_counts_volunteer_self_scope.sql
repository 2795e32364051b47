-- A team's size and leader are public team information: a volunteer browsing the teams of the
-- orgs above them sees them, though the membership rows themselves stay in the team's scope.
CREATE FUNCTION team_member_count(team bigint) RETURNS integer
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT count(*)::int FROM team_members WHERE team_id = team AND status = 'active' $$;

CREATE FUNCTION team_leader_name(team bigint) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT v.name FROM team_members m JOIN volunteers v ON v.id = m.volunteer_id
        WHERE m.team_id = team AND m.role = 'leader' AND m.status = 'active' LIMIT 1 $$;

REVOKE ALL ON FUNCTION team_member_count(bigint), team_leader_name(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION team_member_count(bigint), team_leader_name(bigint) TO civic_app;

-- A volunteer acting for themself runs in a scope of their own: the label "self" below their
-- org's path, which no org has. Nothing of their org's subtree (other volunteers, its teams'
-- memberships) is visible to them, while the teams of their org and the orgs above are
-- (teams_read: app_scope() <@ org_path). Their own rows are reached through app.volunteer.
DROP POLICY volunteers_update ON volunteers;
CREATE POLICY volunteers_update ON volunteers FOR UPDATE TO civic_app
  USING (org_path <@ app_scope() OR id = app_volunteer())
  -- a volunteer edits their profile but cannot move themself to another org
  WITH CHECK (org_path <@ app_scope() OR (id = app_volunteer() AND app_scope() <@ org_path));

CREATE POLICY users_self ON users TO civic_app
  USING (id = (SELECT v.user_id FROM volunteers v WHERE v.id = app_volunteer()))
  WITH CHECK (id = (SELECT v.user_id FROM volunteers v WHERE v.id = app_volunteer()) AND app_scope() <@ org_path);
