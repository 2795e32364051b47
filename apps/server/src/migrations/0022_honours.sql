-- Honours (礼遇褒奖, issue 14): the privileges a station (or any org) grants to star volunteers
-- (星级志愿者礼遇, e.g. 优先服务, 免费体检), each with the least star level that earns it. The yearly
-- rankings themselves are computed from service records and the points ledger and stored nowhere.

CREATE TABLE honour_privileges (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id bigint NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 300),
  -- 1–5: the volunteer's star level (lifetime hours 100/300/600/1000/1500) must reach it
  min_star integer NOT NULL CHECK (min_star BETWEEN 1 AND 5),
  active boolean NOT NULL DEFAULT true,
  created_by bigint NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX honour_privileges_org_path_gist ON honour_privileges USING gist (org_path);
CREATE INDEX honour_privileges_org_idx ON honour_privileges (org_id, min_star);

GRANT SELECT, INSERT, UPDATE ON honour_privileges TO civic_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO civic_app;

ALTER TABLE honour_privileges ENABLE ROW LEVEL SECURITY;
ALTER TABLE honour_privileges FORCE ROW LEVEL SECURITY;
CREATE POLICY honour_privileges_scope ON honour_privileges TO civic_app
  USING (org_path <@ (SELECT app_scope())) WITH CHECK (org_path <@ (SELECT app_scope()));
-- a volunteer sees the active privileges of their own org and the orgs above it
CREATE POLICY honour_privileges_volunteer_read ON honour_privileges FOR SELECT TO civic_app
  USING (active AND (SELECT app_volunteer()) IS NOT NULL AND (SELECT app_scope()) <@ org_path);

-- A volunteer's year in service for the lists, owned and called by modules/hours
-- (volunteerYearHours): like volunteer_hours_by_year (0006, 0008) it counts every record of the
-- volunteer, whichever org organised the service (a county activity counts for a village's
-- volunteer), but only for volunteers the caller's scope holds. Confirmed hours and records of the
-- calendar year in China time ('opening' totals belong to no year), and the year's records still
-- pending or rejected (a claim in dispute).
CREATE FUNCTION volunteer_year_service(volunteers bigint[], yr integer)
  RETURNS TABLE (volunteer_id bigint, hours numeric, records integer, pending integer, rejected integer)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT r.volunteer_id,
               coalesce(sum(r.hours) FILTER (WHERE r.status = 'confirmed'), 0),
               (count(*) FILTER (WHERE r.status = 'confirmed'))::int,
               (count(*) FILTER (WHERE r.status = 'pending'))::int,
               (count(*) FILTER (WHERE r.status = 'rejected'))::int
        FROM service_records r JOIN volunteers v ON v.id = r.volunteer_id
        WHERE r.volunteer_id = ANY (volunteers) AND r.kind <> 'opening'
          AND v.org_path <@ app_scope()
          AND r.ended_at >= make_timestamptz(yr, 1, 1, 0, 0, 0, 'Asia/Shanghai')
          AND r.ended_at < make_timestamptz(yr + 1, 1, 1, 0, 0, 0, 'Asia/Shanghai')
        GROUP BY r.volunteer_id $$;
REVOKE ALL ON FUNCTION volunteer_year_service(bigint[], integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION volunteer_year_service(bigint[], integer) TO civic_app;
