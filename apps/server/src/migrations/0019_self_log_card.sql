-- Volunteers' own service log (随时记) and the volunteer card (志愿者电子证), issue 14.
--
-- 随时记: a volunteer records a small service done on their own on H5. It is a service record of
-- its own source and kind, 'self', pending at the volunteer's org (their station), which confirms
-- or rejects it like any other; the volunteer may withdraw it while it is pending ('withdrawn').
-- The lifetime-hours trigger (0008) counts it once confirmed, like every record.
ALTER TABLE service_records DROP CONSTRAINT service_records_source_check;
ALTER TABLE service_records DROP CONSTRAINT service_records_kind_check;
ALTER TABLE service_records DROP CONSTRAINT service_records_status_check;
ALTER TABLE service_records
  ADD CONSTRAINT service_records_source_check CHECK (source IN ('order', 'activity', 'manual', 'opening', 'self')),
  ADD CONSTRAINT service_records_kind_check CHECK (kind IN ('credit', 'backfill', 'manual', 'opening', 'self')),
  ADD CONSTRAINT service_records_status_check CHECK (status IN ('pending', 'confirmed', 'rejected', 'withdrawn')),
  -- where a self-logged service was done (a self-logged record always says where)
  ADD COLUMN place text CHECK (char_length(place) BETWEEN 1 AND 100),
  ADD CONSTRAINT service_records_self_kind CHECK ((kind = 'self') = (source = 'self')),
  ADD CONSTRAINT service_records_self_place CHECK (source <> 'self' OR place IS NOT NULL),
  -- only the volunteer's own log can be withdrawn (by them, while pending)
  ADD CONSTRAINT service_records_withdrawn_self CHECK (status <> 'withdrawn' OR source = 'self');
-- the limits per day and week and the overlap check read a volunteer's records by time
CREATE INDEX service_records_volunteer_time_idx ON service_records (volunteer_id, started_at)
  WHERE status IN ('pending', 'confirmed');

ALTER TABLE service_record_events DROP CONSTRAINT service_record_events_action_check;
ALTER TABLE service_record_events
  ADD CONSTRAINT service_record_events_action_check
    CHECK (action IN ('create', 'confirm', 'correct', 'reject', 'withdraw'));

-- The volunteer (in their own scope, see 0003: app_scope() is their org's path plus a label no org
-- has) writes their own pending self-logged record under their org's path, …
CREATE POLICY service_records_self_log ON service_records FOR INSERT TO civic_app
  WITH CHECK (source = 'self' AND kind = 'self' AND status = 'pending' AND volunteer_id = app_volunteer()
              AND org_path = subpath(app_scope(), 0, nlevel(app_scope()) - 1));
-- … attaches its photo and withdraws it while it is pending (never confirms it) …
CREATE POLICY service_records_self_withdraw ON service_records FOR UPDATE TO civic_app
  USING (source = 'self' AND status = 'pending' AND volunteer_id = app_volunteer())
  WITH CHECK (source = 'self' AND status IN ('pending', 'withdrawn') AND volunteer_id = app_volunteer());
-- … writes the record's 'create' and 'withdraw' events …
CREATE POLICY service_record_events_self_log ON service_record_events FOR INSERT TO civic_app
  WITH CHECK (action IN ('create', 'withdraw') AND app_volunteer() IS NOT NULL
              AND EXISTS (SELECT 1 FROM service_records r
                          WHERE r.id = record_id AND r.volunteer_id = app_volunteer() AND r.source = 'self'
                            AND r.org_path = service_record_events.org_path));
-- … and stores its photo under the record's org (outside their own scope, like an order's evidence, 0012)
CREATE POLICY uploads_self_log_evidence ON uploads FOR INSERT TO civic_app
  WITH CHECK (app_volunteer() IS NOT NULL
              AND EXISTS (SELECT 1 FROM service_records r
                          WHERE r.volunteer_id = app_volunteer() AND r.source = 'self' AND r.status = 'pending'
                            AND r.org_path = uploads.org_path));

-- ---------------------------------------------------------------- the volunteer card
-- The card's QR code carries an HMAC of the volunteer's id and this version under a server key:
-- re-issuing a card (lost, or a photo of it passed around) raises the version, and every older
-- card stops working.
ALTER TABLE volunteers ADD COLUMN card_version integer NOT NULL DEFAULT 1
  CHECK (card_version BETWEEN 1 AND 1000000);

-- An organiser checks a volunteer in or out by scanning their card (or typing the volunteer number):
-- the method 'card', and who did it in recorded_by (check-in) and out_recorded_by (check-out).
ALTER TABLE activity_checkins DROP CONSTRAINT activity_checkins_in_method_check;
ALTER TABLE activity_checkins DROP CONSTRAINT activity_checkins_out_method_check;
ALTER TABLE activity_checkins
  ADD CONSTRAINT activity_checkins_in_method_check CHECK (in_method IN ('qr', 'manual', 'override', 'card')),
  ADD CONSTRAINT activity_checkins_out_method_check
    CHECK (out_method IN ('qr', 'manual', 'override', 'close', 'card')),
  ADD COLUMN out_recorded_by bigint REFERENCES users(id);
