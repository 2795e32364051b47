-- A QR check-in in one round trip (DESIGN §4, issue 13): the volunteer's own scope, the activity and
-- sign-up lookup, the time window, the sign-up rule, the geofence and the insert that a retry cannot
-- duplicate, in one statement called outside any explicit transaction (so one statement is also
-- one transaction: BEGIN, the scope, the read, the insert and COMMIT used to be five round trips).
--
-- It runs as the caller (civic_app, under row-level security): it sets the same scope as
-- inVolunteerScope for its own transaction, so an activity the volunteer may not take part in is
-- not found. It writes only what the rules allow; it returns the facts it decided on, so the
-- service explains a refusal with the same rules in TypeScript (attendance.ts), which stay the
-- reference: the geofence is kept here with a margin (p_fence_margin_m), and a position the rules
-- allow but this statement did not write (at the fence's very edge) takes the transactional path.
-- The distance is the haversine of contracts' distanceKm, rounded to whole metres like Math.round.
CREATE FUNCTION activity_checkin_qr(
  p_scope text,
  p_volunteer bigint,
  p_activity bigint,
  p_at timestamptz,
  p_latitude double precision,
  p_longitude double precision,
  p_opens_before_min integer,
  p_fence_margin_m integer
) RETURNS TABLE (
  id bigint,
  org_id bigint,
  org_path text,
  title text,
  status text,
  starts_at timestamptz,
  ends_at timestamptz,
  latitude double precision,
  longitude double precision,
  geofence_m integer,
  audience text,
  signup_status text,
  checked_in_at timestamptz,
  in_distance_m integer,
  inserted boolean
)
  LANGUAGE plpgsql VOLATILE SECURITY INVOKER
  AS $$
#variable_conflict use_column
BEGIN
  PERFORM set_config('app.scope', p_scope, true), set_config('app.volunteer', p_volunteer::text, true);
  RETURN QUERY
    WITH a AS (
      SELECT act.id, act.org_id, act.org_path, act.title, act.status, act.starts_at, act.ends_at, act.latitude,
        act.longitude, act.geofence_m, act.audience, s.status AS signup_status,
        CASE WHEN act.latitude IS NOT NULL AND act.longitude IS NOT NULL
                  AND p_latitude IS NOT NULL AND p_longitude IS NOT NULL
             THEN floor(6371.0088 * 2 * asin(least(1, sqrt(
                    sin((p_latitude - act.latitude) * pi() / 180 / 2) ^ 2
                    + cos(act.latitude * pi() / 180) * cos(p_latitude * pi() / 180)
                      * sin((p_longitude - act.longitude) * pi() / 180 / 2) ^ 2))) * 1000 + 0.5)::integer
        END AS distance_m
      FROM activities act
        LEFT JOIN activity_signups s ON s.activity_id = act.id AND s.volunteer_id = p_volunteer
      WHERE act.id = p_activity),
    ins AS (
      INSERT INTO activity_checkins AS c (activity_id, volunteer_id, org_path, checked_in_at, in_method,
        in_latitude, in_longitude, in_distance_m)
      SELECT a.id, p_volunteer, a.org_path, p_at, 'qr', p_latitude, p_longitude, a.distance_m
      FROM a
      WHERE a.status IN ('published', 'in_progress')
        AND p_at < a.ends_at
        AND p_at >= a.starts_at - make_interval(mins => p_opens_before_min)
        AND (a.signup_status = 'confirmed' OR a.audience = 'public')
        AND (a.latitude IS NULL OR a.longitude IS NULL OR a.distance_m <= a.geofence_m - p_fence_margin_m)
      ON CONFLICT (activity_id, volunteer_id) DO NOTHING
      RETURNING c.checked_in_at, c.in_distance_m)
    SELECT a.id, a.org_id, a.org_path::text, a.title, a.status, a.starts_at, a.ends_at, a.latitude, a.longitude,
      a.geofence_m, a.audience, a.signup_status,
      coalesce(i.checked_in_at, e.checked_in_at),
      CASE WHEN i.checked_in_at IS NOT NULL THEN i.in_distance_m ELSE e.in_distance_m END,
      i.checked_in_at IS NOT NULL
    FROM a
      LEFT JOIN ins i ON true
      -- a check-in made before: a retry answers with it (this statement's snapshot does not see its own insert)
      LEFT JOIN activity_checkins e ON e.activity_id = a.id AND e.volunteer_id = p_volunteer;
END $$;
REVOKE ALL ON FUNCTION activity_checkin_qr(text, bigint, bigint, timestamptz, double precision,
  double precision, integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION activity_checkin_qr(text, bigint, bigint, timestamptz, double precision,
  double precision, integer, integer) TO civic_app;
