-- The volunteer card's photo and privileges (issue 14, 志愿者电子证).
--
-- ---------------------------------------------------------------- the photo
-- A volunteer's photo is an upload kept under the volunteer's org (their station), set by the
-- volunteer on H5 or by an admin of that org or above in the console. It is personal data, not
-- public: the volunteer themself and the admins whose scope holds the volunteer's org read it —
-- not a team leader (uploads_team_leader, 0015), not another volunteer, not the orgs of the teams
-- the volunteer is in.
ALTER TABLE volunteers ADD COLUMN photo_id uuid REFERENCES uploads(id);
CREATE INDEX volunteers_photo_idx ON volunteers (photo_id) WHERE photo_id IS NOT NULL;

-- The volunteer (in their own scope, see 0003: app_scope() is their org's path plus a label no org
-- has) stores their photo under their own org's path, outside that scope, as their self-logged
-- service's photo (0019). The id is made by the caller (no RETURNING needs a read).
CREATE POLICY uploads_volunteer_photo_insert ON uploads FOR INSERT TO civic_app
  WITH CHECK ((SELECT app_volunteer()) IS NOT NULL
              AND org_path = (SELECT subpath(app_scope(), 0, nlevel(app_scope()) - 1))
              AND uploaded_by = (SELECT v.user_id FROM volunteers v WHERE v.id = (SELECT app_volunteer())));
-- … and reads back the photo their record names now (an admin reads it through uploads_scope)
CREATE POLICY uploads_volunteer_photo_read ON uploads FOR SELECT TO civic_app
  USING ((SELECT app_volunteer()) IS NOT NULL
         AND id = (SELECT v.photo_id FROM volunteers v WHERE v.id = (SELECT app_volunteer())));

-- A record may only name a photo of its own org, and a volunteer may only name a photo they sent
-- themself: otherwise pointing photo_id at someone else's upload would open it to them.
CREATE FUNCTION volunteers_photo_check() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
  AS $$
BEGIN
  IF NEW.photo_id IS NOT NULL AND NEW.photo_id IS DISTINCT FROM OLD.photo_id THEN
    IF NOT EXISTS (SELECT 1 FROM uploads u
                   WHERE u.id = NEW.photo_id AND u.org_path = NEW.org_path
                     AND (app_volunteer() IS NULL OR u.uploaded_by = NEW.user_id)) THEN
      RAISE EXCEPTION 'volunteer photo % is not an upload of the volunteer''s org', NEW.photo_id
        USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER volunteers_photo_check BEFORE UPDATE OF photo_id ON volunteers
  FOR EACH ROW EXECUTE FUNCTION volunteers_photo_check();

-- ---------------------------------------------------------------- privileges on the card
-- The active privileges (honour_privileges, 0022) of the volunteer's org and the orgs above it, for
-- the card of a volunteer the caller may see: the volunteer themself, or an admin whose scope holds
-- the volunteer's org. A station admin printing a card sees the centre's privileges too, which
-- their own scope (honour_privileges_scope) would hide. Owned and called by modules/honours.
CREATE FUNCTION volunteer_card_privileges(volunteer bigint)
  RETURNS TABLE (id bigint, org_id bigint, name text, description text, min_star integer)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT p.id, p.org_id, p.name, p.description, p.min_star
        FROM volunteers v JOIN honour_privileges p ON v.org_path <@ p.org_path
        WHERE v.id = volunteer AND p.active
          AND (v.org_path <@ app_scope() OR v.id = app_volunteer())
        ORDER BY p.min_star, nlevel(p.org_path) DESC, p.id $$;
REVOKE ALL ON FUNCTION volunteer_card_privileges(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION volunteer_card_privileges(bigint) TO civic_app;
