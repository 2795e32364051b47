-- Points (积分, issue 14): the rules of the 积分管理办法 (the centre's, and local ones an institute or
-- station adds within the centre's bounds), an append-only ledger of entries (积分流水) for
-- volunteers and, later, households, each holder's balance (可用积分) and lifetime points (终身积分),
-- and manual adjustments (above a threshold confirmed by a second person).
--
-- Every change of points goes through post_points(): it locks the holder's balance row, returns the
-- existing entry when the request's key was already posted (so a retried request or a second
-- confirmation never awards twice), refuses a spend the balance cannot cover (a conditional UPDATE),
-- and appends the entry with the resulting balance. The application role may read the tables and
-- call the function, never write the ledger or the balances directly; a trigger refuses any UPDATE
-- or DELETE of an entry, whoever asks.

CREATE TABLE point_rules (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- the county (centre) for the county's rules; an institute or station for a local one
  org_path ltree NOT NULL,
  -- hour: per confirmed service hour; activity: per activity attended; order: per order completed;
  -- festival / five_star / professional: bonuses; no_show: penalty (points deducted)
  kind text NOT NULL
    CHECK (kind IN ('hour', 'activity', 'order', 'festival', 'five_star', 'professional', 'no_show')),
  points integer NOT NULL CHECK (points BETWEEN 0 AND 10000),
  -- set on the centre's rule: the most a local rule of this kind may give
  max_points integer CHECK (max_points IS NULL OR max_points BETWEEN 0 AND 10000),
  note text,
  valid_from date NOT NULL,
  valid_to date,
  -- raised on each change; entries keep the rule's id and the version they were computed with
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_by bigint REFERENCES users(id),
  updated_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX point_rules_org_path_gist ON point_rules USING gist (org_path);
CREATE INDEX point_rules_kind_idx ON point_rules (kind, valid_from);

CREATE TABLE point_balances (
  holder_type text NOT NULL CHECK (holder_type IN ('volunteer', 'household')),
  holder_id bigint NOT NULL,
  -- the holder's own org (the volunteer's station): whose admins see the balance
  org_path ltree NOT NULL,
  -- may fall below 0 only when an award already spent is reversed; a spend never makes it negative
  balance integer NOT NULL DEFAULT 0,
  lifetime integer NOT NULL DEFAULT 0 CHECK (lifetime >= 0),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (holder_type, holder_id)
);
CREATE INDEX point_balances_org_path_gist ON point_balances USING gist (org_path);

CREATE TABLE point_entries (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  holder_type text NOT NULL CHECK (holder_type IN ('volunteer', 'household')),
  holder_id bigint NOT NULL,
  holder_org_path ltree NOT NULL,
  -- the org of the source (the activity's, the order's, the store's, the adjusting admin's)
  org_path ltree NOT NULL,
  -- award: earned by a rule; penalty: deducted by a rule; adjust: manual; spend: redeemed;
  -- reversal: takes back an award or penalty; refund: gives back a spend
  kind text NOT NULL CHECK (kind IN ('award', 'penalty', 'adjust', 'spend', 'reversal', 'refund')),
  -- the rule kind (hour, festival, …) or manual / store: one award per source and rule kind
  rule_kind text NOT NULL,
  delta integer NOT NULL,
  -- what the entry adds to the lifetime points: an award's or positive adjustment's points, minus
  -- them again when it is reversed; spending, refunds and penalties never touch it
  lifetime_delta integer NOT NULL,
  balance_after integer NOT NULL,
  lifetime_after integer NOT NULL,
  rule_id bigint REFERENCES point_rules(id),
  rule_version integer,
  source_type text NOT NULL,
  source_id bigint,
  reverses_id bigint UNIQUE REFERENCES point_entries(id),
  -- the request's key: the same key posts once (see post_points)
  idem_key text NOT NULL,
  reason text NOT NULL,
  occurred_at timestamptz NOT NULL,
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (holder_type, holder_id, idem_key)
);
CREATE INDEX point_entries_holder_idx ON point_entries (holder_type, holder_id, id DESC);
CREATE INDEX point_entries_source_idx ON point_entries (source_type, source_id);
CREATE INDEX point_entries_org_path_gist ON point_entries USING gist (org_path);
CREATE INDEX point_entries_holder_org_gist ON point_entries USING gist (holder_org_path);

CREATE FUNCTION point_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'point_entries is append-only: write a reversing entry instead'
    USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER point_entries_append_only BEFORE UPDATE OR DELETE ON point_entries
  FOR EACH ROW EXECUTE FUNCTION point_entries_append_only();

CREATE TABLE point_adjustments (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  holder_type text NOT NULL CHECK (holder_type IN ('volunteer', 'household')),
  holder_id bigint NOT NULL,
  -- the holder's org: the admins of it and above may adjust and confirm
  org_path ltree NOT NULL,
  points integer NOT NULL CHECK (points <> 0 AND points BETWEEN -100000 AND 100000),
  reason text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'cancelled')),
  entry_id bigint REFERENCES point_entries(id),
  created_by bigint NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  decided_by bigint REFERENCES users(id),
  decided_at timestamptz,
  CHECK (status = 'pending' OR decided_at IS NOT NULL)
);
CREATE INDEX point_adjustments_org_path_gist ON point_adjustments USING gist (org_path);
CREATE INDEX point_adjustments_status_idx ON point_adjustments (status, created_at DESC);

-- The one writer of the ledger and the balances. A volunteer's org is looked up here when the caller
-- gives none (a reviewer may confirm the hours of a volunteer from outside their own subtree). The caller's scope is checked as a policy would:
-- the entry's org lies in the request's scope, or the holder is the volunteer making the request and
-- spends or gets a spend back (the store on H5). The system connection (no scope) may post anything.
CREATE FUNCTION post_points(
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
  -- a volunteer's org is theirs, whoever awards them (the reviewer may not see the volunteer's row)
  IF v_holder_org IS NULL AND p_holder_type = 'volunteer' THEN
    SELECT org_path INTO v_holder_org FROM volunteers WHERE id = p_holder_id;
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
REVOKE ALL ON FUNCTION post_points(text, bigint, ltree, ltree, text, text, integer, bigint, integer, text,
  bigint, bigint, text, text, timestamptz, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION post_points(text, bigint, ltree, ltree, text, text, integer, bigint, integer, text,
  bigint, bigint, text, text, timestamptz, bigint) TO civic_app;

GRANT SELECT, INSERT, UPDATE ON point_rules, point_adjustments TO civic_app;
GRANT SELECT ON point_entries, point_balances TO civic_app;

ALTER TABLE point_rules ENABLE ROW LEVEL SECURITY;
ALTER TABLE point_rules FORCE ROW LEVEL SECURITY;
-- everyone reads the rules that apply to them (the county's and their own org's chain)
CREATE POLICY point_rules_read ON point_rules FOR SELECT TO civic_app
  USING (org_path <@ (SELECT app_scope()) OR (SELECT app_scope()) <@ org_path
         OR (SELECT app_volunteer()) IS NOT NULL);
CREATE POLICY point_rules_insert ON point_rules FOR INSERT TO civic_app
  WITH CHECK (org_path <@ (SELECT app_scope()));
CREATE POLICY point_rules_update ON point_rules FOR UPDATE TO civic_app
  USING (org_path <@ (SELECT app_scope())) WITH CHECK (org_path <@ (SELECT app_scope()));

ALTER TABLE point_balances ENABLE ROW LEVEL SECURITY;
ALTER TABLE point_balances FORCE ROW LEVEL SECURITY;
CREATE POLICY point_balances_read ON point_balances FOR SELECT TO civic_app
  USING (org_path <@ (SELECT app_scope())
         OR (holder_type = 'volunteer' AND holder_id = (SELECT app_volunteer())));

ALTER TABLE point_entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE point_entries FORCE ROW LEVEL SECURITY;
-- the source's admins (who awarded them), the holder's admins, and the volunteer their own
CREATE POLICY point_entries_read ON point_entries FOR SELECT TO civic_app
  USING (org_path <@ (SELECT app_scope()) OR holder_org_path <@ (SELECT app_scope())
         OR (holder_type = 'volunteer' AND holder_id = (SELECT app_volunteer())));

ALTER TABLE point_adjustments ENABLE ROW LEVEL SECURITY;
ALTER TABLE point_adjustments FORCE ROW LEVEL SECURITY;
CREATE POLICY point_adjustments_scope ON point_adjustments TO civic_app
  USING (org_path <@ (SELECT app_scope())) WITH CHECK (org_path <@ (SELECT app_scope()));
