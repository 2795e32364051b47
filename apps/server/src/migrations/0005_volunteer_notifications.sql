-- In-app notifications for volunteers (an order offered to them; later: activity reminders).
-- A volunteer's notification carries the org path of what it is about (the order's unit), so the
-- staff who caused it can write it in their own scope; the volunteer reads it by volunteer_id.
ALTER TABLE notifications ADD COLUMN volunteer_id bigint REFERENCES volunteers(id);
CREATE INDEX notifications_volunteer_idx ON notifications (volunteer_id, id DESC) WHERE volunteer_id IS NOT NULL;

CREATE POLICY notifications_own_read ON notifications FOR SELECT TO civic_app
  USING (volunteer_id = app_volunteer());
CREATE POLICY notifications_own_update ON notifications FOR UPDATE TO civic_app
  USING (volunteer_id = app_volunteer()) WITH CHECK (volunteer_id = app_volunteer());
