-- Milestone awards (时长里程碑, issue 16: "milestone awards (e.g. 100 / 500 / 1,000 hours) granted
-- automatically from hours"): the first time a volunteer's confirmed lifetime hours reach one of the
-- star levels' hours (星级志愿者: 100, 300, 600, 1,000 and 1,500 hours — STAR_THRESHOLDS in
-- packages/contracts, passed in by the caller so the thresholds live in one place), the honours
-- module records the milestone in the transaction that confirmed the hours and tells the volunteer.
--
-- A milestone once reached stays: a later correction or void does not take back an award the
-- volunteer was already told about (the star level itself always follows the current total).
-- org_path is the volunteer's org when it was reached (an org's move rebases it, as every org_path).

CREATE TABLE hour_milestones (
  volunteer_id bigint NOT NULL REFERENCES volunteers(id),
  hours integer NOT NULL CHECK (hours > 0),
  org_path ltree NOT NULL,
  reached_at timestamptz NOT NULL,
  PRIMARY KEY (volunteer_id, hours)
);
CREATE INDEX hour_milestones_org_path_gist ON hour_milestones USING gist (org_path);
CREATE INDEX hour_milestones_reached_idx ON hour_milestones (reached_at DESC, volunteer_id);

GRANT SELECT ON hour_milestones TO civic_app;
-- an org's move rebases the paths of its subtree (modules/orgs)
GRANT UPDATE (org_path) ON hour_milestones TO civic_app;

ALTER TABLE hour_milestones ENABLE ROW LEVEL SECURITY;
ALTER TABLE hour_milestones FORCE ROW LEVEL SECURITY;
CREATE POLICY hour_milestones_scope ON hour_milestones TO civic_app
  USING (org_path <@ (SELECT app_scope())) WITH CHECK (org_path <@ (SELECT app_scope()));
CREATE POLICY hour_milestones_own_read ON hour_milestones FOR SELECT TO civic_app
  USING (volunteer_id = (SELECT app_volunteer()));

-- Grants the milestones the volunteers' lifetime hours have reached and they do not hold yet, at
-- p_at, and returns them. SECURITY DEFINER: hours confirmed by one unit may belong to a volunteer of
-- another (a county activity's record of a village's volunteer), whose org the confirming admin's
-- scope does not hold; the function writes nothing else. Owned and called by modules/honours.
CREATE FUNCTION grant_hour_milestones(p_volunteers bigint[], p_thresholds integer[], p_at timestamptz)
RETURNS TABLE (volunteer_id bigint, hours integer)
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  INSERT INTO hour_milestones AS m (volunteer_id, hours, org_path, reached_at)
  SELECT v.id, t.hours, v.org_path, p_at
    FROM volunteers v CROSS JOIN unnest(p_thresholds) AS t(hours)
   WHERE v.id = ANY (p_volunteers) AND v.lifetime_hours >= t.hours
   ORDER BY v.id, t.hours
  ON CONFLICT DO NOTHING
  RETURNING m.volunteer_id, m.hours
$$;
REVOKE ALL ON FUNCTION grant_hour_milestones(bigint[], integer[], timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION grant_hour_milestones(bigint[], integer[], timestamptz) TO civic_app;

-- The milestones already reached before this migration, each dated when the confirmation that
-- crossed it was made (confirmed records in the order they were confirmed; 'opening' totals count
-- as the pre-platform hours they are). The same query backfills the demo seed (modules/honours).
INSERT INTO hour_milestones (volunteer_id, hours, org_path, reached_at)
SELECT DISTINCT ON (c.volunteer_id, t.hours) c.volunteer_id, t.hours, v.org_path, c.at
  FROM (SELECT r.volunteer_id, coalesce(r.reviewed_at, r.created_at) AS at,
               sum(r.hours) OVER (PARTITION BY r.volunteer_id
                                  ORDER BY coalesce(r.reviewed_at, r.created_at), r.id) AS total
          FROM service_records r
         WHERE r.status = 'confirmed') c
  JOIN volunteers v ON v.id = c.volunteer_id
  CROSS JOIN unnest(ARRAY[100, 300, 600, 1000, 1500]) AS t(hours)
 WHERE c.total >= t.hours AND v.lifetime_hours >= t.hours
 ORDER BY c.volunteer_id, t.hours, c.at
ON CONFLICT DO NOTHING;
