-- Every service hour has a record (issue 18).
--
-- Hours served before the platform (from another system's export or a paper register) become
-- service records of their own kind, 'opening' (历史时长, shown as 平台启用前历史记录), with their
-- origin: where they come from, the period they cover (started_at .. ended_at), who entered them
-- (created_by), evidence, and a second person's confirmation like manual records. A volunteer's
-- lifetime_hours is then exactly the sum of their confirmed records — no bare number and no clamp.

ALTER TABLE service_records DROP CONSTRAINT service_records_source_check;
ALTER TABLE service_records DROP CONSTRAINT service_records_kind_check;
ALTER TABLE service_records DROP CONSTRAINT service_records_hours_check;
ALTER TABLE service_records
  ADD CONSTRAINT service_records_source_check CHECK (source IN ('order', 'activity', 'manual', 'opening')),
  ADD CONSTRAINT service_records_kind_check CHECK (kind IN ('credit', 'backfill', 'manual', 'opening')),
  -- a day's service is at most 24 h; an opening balance sums years of it
  ADD CONSTRAINT service_records_hours_check CHECK (hours >= 0 AND (hours <= 24 OR kind = 'opening')),
  -- system: exported from another platform (e.g. 志愿汇); register: a paper register (登记簿)
  ADD COLUMN origin text CHECK (origin IN ('system', 'register')),
  ADD COLUMN origin_name text CHECK (char_length(origin_name) BETWEEN 1 AND 100),
  ADD CONSTRAINT service_records_opening_origin
    CHECK ((kind = 'opening') = (source = 'opening' AND origin IS NOT NULL AND origin_name IS NOT NULL));
-- hours:verify and the volunteer's own totals read the confirmed records per volunteer
CREATE INDEX service_records_confirmed_idx ON service_records (volunteer_id, kind) INCLUDE (hours)
  WHERE status = 'confirmed';

-- ---------------------------------------------------------------- the bare totals become records
-- Existing databases: whatever lifetime_hours held beyond the sum of confirmed records was hours
-- from before the platform (the seed's and imports' starting figure). It becomes one confirmed
-- opening record per volunteer, dated at the volunteer's registration, with an event that says so.
-- Where clamping at 0 had left lifetime_hours below the records, the records win.
DROP TRIGGER service_records_lifetime_hours ON service_records;

CREATE TEMPORARY TABLE opening_migrated ON COMMIT DROP AS
  WITH sums AS (
    SELECT volunteer_id, sum(hours) AS hours FROM service_records WHERE status = 'confirmed' GROUP BY volunteer_id
  )
  SELECT v.id AS volunteer_id, v.org_path, v.created_at, v.lifetime_hours - coalesce(s.hours, 0) AS hours
    FROM volunteers v LEFT JOIN sums s ON s.volunteer_id = v.id
   WHERE v.lifetime_hours > coalesce(s.hours, 0);

WITH inserted AS (
  INSERT INTO service_records (volunteer_id, org_path, source, source_id, kind, status, started_at, ended_at,
                               minutes, hours, note, origin, origin_name, created_at, reviewed_at, updated_at)
  SELECT volunteer_id, org_path, 'opening', NULL, 'opening', 'confirmed', created_at, created_at,
         round(hours * 60)::int, hours, '升级时由原“累计时长”与服务记录之差生成', 'system', '原累计时长（升级迁移）',
         now(), now(), now()
    FROM opening_migrated
  RETURNING id, org_path, hours
)
INSERT INTO service_record_events (record_id, org_path, action, from_hours, to_hours, reason, actor_name)
SELECT id, org_path, a.action, NULL, hours, '平台启用前历史时长（升级迁移）', '系统升级'
  FROM inserted CROSS JOIN (VALUES ('create'), ('confirm')) a(action);

UPDATE volunteers v SET lifetime_hours = coalesce(s.hours, 0)
  FROM (SELECT v2.id, (SELECT sum(r.hours) FROM service_records r
                        WHERE r.volunteer_id = v2.id AND r.status = 'confirmed') AS hours
          FROM volunteers v2) s
 WHERE s.id = v.id AND v.lifetime_hours IS DISTINCT FROM coalesce(s.hours, 0);

-- ---------------------------------------------------------------- lifetime = sum of records
-- Maintained in the same transaction as the record's change, by the exact difference: no clamp
-- (hours are never negative, so neither is their sum; a clamp could only hide a lost hour).
CREATE OR REPLACE FUNCTION service_records_lifetime_hours() RETURNS trigger
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
    UPDATE volunteers SET lifetime_hours = lifetime_hours + after_hours - before_hours
      WHERE id = NEW.volunteer_id;
  END IF;
  RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION service_records_lifetime_hours() FROM PUBLIC;
CREATE TRIGGER service_records_lifetime_hours
  AFTER INSERT OR UPDATE OF status, hours ON service_records
  FOR EACH ROW EXECUTE FUNCTION service_records_lifetime_hours();

-- Confirmed hours per calendar year in China time, of the service done on the platform: opening
-- records cover years before it as one figure, so they count in the lifetime total only
-- (lifetime = opening + the sum over the years).
CREATE OR REPLACE FUNCTION volunteer_hours_by_year(volunteer bigint) RETURNS jsonb
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT coalesce(jsonb_object_agg(y, h), '{}'::jsonb)
        FROM (SELECT extract(year FROM ended_at AT TIME ZONE 'Asia/Shanghai')::int AS y, sum(hours) AS h
              FROM service_records
             WHERE volunteer_id = volunteer AND status = 'confirmed' AND kind <> 'opening' GROUP BY 1) s $$;

-- Only the trigger above moves lifetime_hours: the application role can never write it directly
-- (the trigger runs as the owner, SECURITY DEFINER), so no code path can set a bare total again.
CREATE FUNCTION volunteers_lifetime_hours_guard() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  changed boolean;
BEGIN
  IF TG_OP = 'INSERT' THEN
    changed := NEW.lifetime_hours <> 0;
  ELSE
    changed := NEW.lifetime_hours IS DISTINCT FROM OLD.lifetime_hours;
  END IF;
  IF changed AND current_user = 'civic_app' THEN
    RAISE EXCEPTION 'lifetime_hours follows the service records and cannot be set directly'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER volunteers_lifetime_hours_guard
  BEFORE INSERT OR UPDATE OF lifetime_hours ON volunteers
  FOR EACH ROW EXECUTE FUNCTION volunteers_lifetime_hours_guard();
