-- Residents' civic points (群众文明积分, issue 14; seeds 002 §四(四)2, 003 §五(一)5): a station's
-- household register (户: household number, head of household, members; the phone encrypted, no ID
-- numbers), the village rule list (the centre's county defaults and each station's own), awards to a
-- household from a rule with an evidence photo (above the station's threshold a second person
-- confirms before the points post), and the station's choice of how its public board shows names.
-- Points post through post_points() (0017) with holder_type 'household'; this migration teaches it
-- to find a household's own org, as it already finds a volunteer's, so the store's spend and refund
-- (which do not know the household's org) and the reversal of a voided award work too.

-- ---------------------------------------------------------------- the register
CREATE TABLE households (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- the village's station: its admins keep the register
  org_id bigint NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  -- 户号, unique in the station (e.g. 3-12 for group 3, house 12)
  household_no text NOT NULL CHECK (household_no ~ '^[0-9A-Za-z-]{1,20}$'),
  head_name text NOT NULL CHECK (length(head_name) BETWEEN 1 AND 30),
  -- [{ "name": "…", "relation": "配偶" }, …]: names and relation to the head, nothing more
  members jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(members) = 'array' AND jsonb_array_length(members) <= 20),
  -- SM4-encrypted mobile and its blind index (null: none given)
  phone_enc text,
  phone_index text,
  -- a resident account of this household (optional): it sees the household's points on H5
  resident_user_id bigint UNIQUE REFERENCES users(id),
  active boolean NOT NULL DEFAULT true,
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (org_id, household_no),
  CHECK ((phone_enc IS NULL) = (phone_index IS NULL))
);
CREATE INDEX households_org_path_gist ON households USING gist (org_path);
CREATE INDEX households_org_idx ON households (org_id, household_no);

-- ---------------------------------------------------------------- the village rule list
CREATE TABLE household_rules (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- the centre for the county's defaults; a station (or institute) for its own
  org_id bigint NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 200),
  points integer NOT NULL CHECK (points BETWEEN 1 AND 1000),
  active boolean NOT NULL DEFAULT true,
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX household_rules_org_path_gist ON household_rules USING gist (org_path);

-- ---------------------------------------------------------------- a station's settings
CREATE TABLE household_settings (
  org_id bigint PRIMARY KEY REFERENCES orgs(id),
  org_path ltree NOT NULL,
  -- how the public board names a household: 张三明 / 张*明 / 户号 only
  board_mode text NOT NULL DEFAULT 'masked' CHECK (board_mode IN ('full', 'masked', 'number')),
  board_enabled boolean NOT NULL DEFAULT true,
  -- awards of more points than this wait for a second person
  confirm_threshold integer NOT NULL DEFAULT 20 CHECK (confirm_threshold BETWEEN 0 AND 1000),
  updated_by bigint REFERENCES users(id),
  updated_at timestamptz NOT NULL
);
CREATE INDEX household_settings_org_path_gist ON household_settings USING gist (org_path);

-- ---------------------------------------------------------------- awards
CREATE TABLE household_awards (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  household_id bigint NOT NULL REFERENCES households(id),
  -- the household's station
  org_id bigint NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  rule_id bigint NOT NULL REFERENCES household_rules(id),
  -- the rule as it was when awarded (a later change of the rule rewrites nothing)
  rule_name text NOT NULL,
  points integer NOT NULL CHECK (points BETWEEN 1 AND 1000),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 200),
  photo_id uuid REFERENCES uploads(id),
  -- pending: waits for a second person; posted: in the ledger; rejected: never posted;
  -- voided: posted, then taken back by a reversing entry
  status text NOT NULL CHECK (status IN ('pending', 'posted', 'rejected', 'voided')),
  entry_id bigint REFERENCES point_entries(id),
  reversal_entry_id bigint REFERENCES point_entries(id),
  created_by bigint NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL,
  decided_by bigint REFERENCES users(id),
  decided_at timestamptz,
  reject_reason text,
  voided_by bigint REFERENCES users(id),
  voided_at timestamptz,
  void_reason text,
  CHECK ((status IN ('posted', 'voided')) = (entry_id IS NOT NULL)),
  CHECK ((status = 'voided') = (voided_at IS NOT NULL AND reversal_entry_id IS NOT NULL)),
  CHECK (status <> 'rejected' OR (decided_at IS NOT NULL AND reject_reason IS NOT NULL)),
  -- the second person is another person
  CHECK (decided_by IS NULL OR status = 'rejected' OR decided_by <> created_by)
);
CREATE INDEX household_awards_org_path_gist ON household_awards USING gist (org_path);
CREATE INDEX household_awards_household_idx ON household_awards (household_id, id DESC);
CREATE INDEX household_awards_pending_idx ON household_awards (org_id, created_at) WHERE status = 'pending';

-- ---------------------------------------------------------------- privileges and row-level security
GRANT SELECT, INSERT, UPDATE ON households, household_rules, household_settings, household_awards TO civic_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO civic_app;

ALTER TABLE households ENABLE ROW LEVEL SECURITY;
ALTER TABLE households FORCE ROW LEVEL SECURITY;
CREATE POLICY households_scope ON households TO civic_app
  USING (org_path <@ (SELECT app_scope())) WITH CHECK (org_path <@ (SELECT app_scope()));

ALTER TABLE household_rules ENABLE ROW LEVEL SECURITY;
ALTER TABLE household_rules FORCE ROW LEVEL SECURITY;
CREATE POLICY household_rules_scope ON household_rules TO civic_app
  USING (org_path <@ (SELECT app_scope())) WITH CHECK (org_path <@ (SELECT app_scope()));
-- a station reads the county's defaults and its institute's rules (never changes them)
CREATE POLICY household_rules_read_above ON household_rules FOR SELECT TO civic_app
  USING ((SELECT app_scope()) <@ org_path);

ALTER TABLE household_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE household_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY household_settings_scope ON household_settings TO civic_app
  USING (org_path <@ (SELECT app_scope())) WITH CHECK (org_path <@ (SELECT app_scope()));

ALTER TABLE household_awards ENABLE ROW LEVEL SECURITY;
ALTER TABLE household_awards FORCE ROW LEVEL SECURITY;
CREATE POLICY household_awards_scope ON household_awards TO civic_app
  USING (org_path <@ (SELECT app_scope())) WITH CHECK (org_path <@ (SELECT app_scope()));

-- ---------------------------------------------------------------- the public board
-- A village's board, for anyone: each active household's number, head's name and points, ranked by
-- lifetime points. Only the station's chosen form of the name leaves the database ('masked': the
-- first and last character, 张*明; 'number': none), so the public route cannot leak more.
CREATE FUNCTION household_board(p_org bigint, p_limit integer)
  RETURNS TABLE (household_no text, display_name text, lifetime integer, balance integer)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT h.household_no,
               CASE coalesce(s.board_mode, 'masked')
                 WHEN 'full' THEN h.head_name
                 WHEN 'masked' THEN CASE WHEN length(h.head_name) <= 1 THEN h.head_name
                                         WHEN length(h.head_name) = 2 THEN left(h.head_name, 1) || '*'
                                         ELSE left(h.head_name, 1) || repeat('*', length(h.head_name) - 2)
                                              || right(h.head_name, 1) END
                 ELSE NULL END,
               coalesce(b.lifetime, 0), coalesce(b.balance, 0)
        FROM households h
        LEFT JOIN household_settings s ON s.org_id = h.org_id
        LEFT JOIN point_balances b ON b.holder_type = 'household' AND b.holder_id = h.id
        WHERE h.org_id = p_org AND h.active AND coalesce(s.board_enabled, true)
        ORDER BY coalesce(b.lifetime, 0) DESC, h.household_no
        LIMIT least(greatest(p_limit, 1), 500) $$;
REVOKE ALL ON FUNCTION household_board(bigint, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION household_board(bigint, integer) TO civic_app;

-- ---------------------------------------------------------------- post_points knows households
CREATE OR REPLACE FUNCTION post_points(
  p_holder_type text,
  p_holder_id bigint,
  p_holder_org ltree,
  p_org ltree,
  p_kind text,
  p_rule_kind text,
  p_delta integer,
  p_rule_id bigint,
  p_rule_version integer,
  p_source_type text,
  p_source_id bigint,
  p_reverses bigint,
  p_idem_key text,
  p_reason text,
  p_occurred timestamptz,
  p_actor bigint
) RETURNS point_entries
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  b point_balances;
  e point_entries;
  reversed point_entries;
  v_delta integer := p_delta;
  v_life integer := 0;
  v_holder_org ltree := p_holder_org;
BEGIN
  -- a holder's org is theirs, whoever posts (the reviewer or the store may not see the holder's row)
  IF v_holder_org IS NULL AND p_holder_type = 'volunteer' THEN
    SELECT org_path INTO v_holder_org FROM volunteers WHERE id = p_holder_id;
  ELSIF v_holder_org IS NULL AND p_holder_type = 'household' THEN
    SELECT org_path INTO v_holder_org FROM households WHERE id = p_holder_id;
  END IF;
  IF v_holder_org IS NULL THEN
    RAISE EXCEPTION 'no such holder' USING ERRCODE = 'PT404';
  END IF;
  IF session_user = 'civic_app'
     AND NOT coalesce(p_org <@ app_scope(), false)
     AND NOT (p_kind IN ('spend', 'refund') AND p_holder_type = 'volunteer'
              AND p_holder_id IS NOT DISTINCT FROM app_volunteer()) THEN
    RAISE EXCEPTION 'points outside the request''s scope' USING ERRCODE = 'insufficient_privilege';
  END IF;
  INSERT INTO point_balances (holder_type, holder_id, org_path)
    VALUES (p_holder_type, p_holder_id, v_holder_org)
    ON CONFLICT DO NOTHING;
  SELECT * INTO b FROM point_balances
    WHERE holder_type = p_holder_type AND holder_id = p_holder_id FOR UPDATE;
  -- the same request again: the entry it made, nothing more
  SELECT * INTO e FROM point_entries
    WHERE holder_type = p_holder_type AND holder_id = p_holder_id AND idem_key = p_idem_key;
  IF FOUND THEN
    RETURN e;
  END IF;
  IF p_kind IN ('reversal', 'refund') THEN
    SELECT * INTO reversed FROM point_entries WHERE id = p_reverses;
    IF NOT FOUND OR reversed.holder_type <> p_holder_type OR reversed.holder_id <> p_holder_id
       OR reversed.kind NOT IN ('award', 'penalty', 'adjust', 'spend')
       OR (p_kind = 'refund') <> (reversed.kind = 'spend') THEN
      RAISE EXCEPTION 'nothing of this holder to reverse' USING ERRCODE = 'PT404';
    END IF;
    -- a second reversal of the same entry is the first one
    SELECT * INTO e FROM point_entries WHERE reverses_id = p_reverses;
    IF FOUND THEN
      RETURN e;
    END IF;
    v_delta := -reversed.delta;
    v_life := -reversed.lifetime_delta;
  ELSIF p_kind = 'award' THEN
    IF p_delta < 0 THEN RAISE EXCEPTION 'an award is not negative' USING ERRCODE = 'PT400'; END IF;
    v_life := p_delta;
  ELSIF p_kind = 'adjust' THEN
    v_life := greatest(p_delta, 0);
  ELSIF p_kind = 'penalty' THEN
    -- a penalty takes at most what is there: it never leaves a debt
    v_delta := -least(abs(p_delta), greatest(b.balance, 0));
  ELSIF p_kind = 'spend' THEN
    IF p_delta >= 0 THEN RAISE EXCEPTION 'a spend is negative' USING ERRCODE = 'PT400'; END IF;
  ELSE
    RAISE EXCEPTION 'unknown entry kind %', p_kind USING ERRCODE = 'PT400';
  END IF;
  UPDATE point_balances
    SET balance = balance + v_delta, lifetime = lifetime + v_life, org_path = v_holder_org,
        updated_at = now()
    WHERE holder_type = p_holder_type AND holder_id = p_holder_id
      AND (p_kind <> 'spend' OR balance + v_delta >= 0)
    RETURNING * INTO b;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'insufficient points' USING ERRCODE = 'PT402';
  END IF;
  INSERT INTO point_entries (holder_type, holder_id, holder_org_path, org_path, kind, rule_kind, delta,
      lifetime_delta, balance_after, lifetime_after, rule_id, rule_version, source_type, source_id,
      reverses_id, idem_key, reason, occurred_at, created_by)
    VALUES (p_holder_type, p_holder_id, v_holder_org, p_org, p_kind, p_rule_kind, v_delta, v_life,
      b.balance, b.lifetime, p_rule_id, p_rule_version, p_source_type, p_source_id,
      CASE WHEN p_kind IN ('reversal', 'refund') THEN p_reverses END, p_idem_key, p_reason,
      p_occurred, p_actor)
    RETURNING * INTO e;
  RETURN e;
END $$;
