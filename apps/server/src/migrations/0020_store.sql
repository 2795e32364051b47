-- The points store (爱心超市 / 积分兑换, issue 14): the items an org offers for points and the
-- redemptions of its holders (volunteers now, households later). Points are spent and returned
-- through the points ledger (modules/points), stock here; both in the redemption's transaction.

-- ---------------------------------------------------------------- items
CREATE TABLE store_items (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id bigint NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  -- goods (实物) or a service / privilege (服务、礼遇, e.g. 优先服务)
  kind text NOT NULL CHECK (kind IN ('goods', 'service')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 500),
  price integer NOT NULL CHECK (price > 0),
  -- null: unlimited, for services only
  stock integer CHECK (stock >= 0),
  -- per holder: at most limit_count redemptions per limit_period (null: no limit)
  limit_count integer CHECK (limit_count > 0),
  limit_period text CHECK (limit_period IN ('day', 'week', 'month', 'year', 'total')),
  available_from timestamptz,
  available_until timestamptz,
  -- days a holder has to pick an item up before the redemption expires and returns
  pickup_days integer NOT NULL DEFAULT 7 CHECK (pickup_days BETWEEN 1 AND 90),
  photo_id uuid REFERENCES uploads(id),
  on_shelf boolean NOT NULL DEFAULT false,
  created_by bigint NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (kind = 'service' OR stock IS NOT NULL),
  CHECK ((limit_count IS NULL) = (limit_period IS NULL)),
  CHECK (available_until IS NULL OR available_from IS NULL OR available_until > available_from)
);
CREATE INDEX store_items_org_path_gist ON store_items USING gist (org_path);
CREATE INDEX store_items_org_idx ON store_items (org_id, id DESC);

-- ---------------------------------------------------------------- redemptions
CREATE TABLE store_redemptions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  item_id bigint NOT NULL REFERENCES store_items(id),
  -- the store: the item's org
  org_id bigint NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  holder_type text NOT NULL CHECK (holder_type IN ('volunteer', 'household')),
  volunteer_id bigint REFERENCES volunteers(id),
  -- households come with the residents' points (no table yet)
  household_id bigint,
  item_name text NOT NULL,
  price integer NOT NULL CHECK (price > 0),
  -- the 6 digits the holder shows at the store (also in the QR)
  pickup_code text NOT NULL CHECK (pickup_code ~ '^[0-9]{6}$'),
  -- the ledger's spend entry of the price (refunded when cancelled or expired)
  point_entry_id bigint REFERENCES point_entries(id),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'handed_over', 'cancelled', 'expired')),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  handed_over_at timestamptz,
  handed_over_by bigint REFERENCES users(id),
  cancelled_at timestamptz,
  cancelled_by bigint REFERENCES users(id),
  cancel_reason text,
  expired_at timestamptz,
  -- set once, when a cancelled or expired redemption's stock went back to its item
  stock_returned boolean NOT NULL DEFAULT false,
  CHECK ((holder_type = 'volunteer') = (volunteer_id IS NOT NULL)),
  CHECK ((holder_type = 'household') = (household_id IS NOT NULL)),
  CHECK ((status = 'handed_over') = (handed_over_at IS NOT NULL)),
  CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)),
  CHECK ((status = 'expired') = (expired_at IS NOT NULL))
);
-- a pick-up code names one open redemption of its store
CREATE UNIQUE INDEX store_redemptions_open_code_idx ON store_redemptions (org_id, pickup_code)
  WHERE status = 'pending';
CREATE INDEX store_redemptions_org_path_gist ON store_redemptions USING gist (org_path);
CREATE INDEX store_redemptions_org_idx ON store_redemptions (org_id, id DESC);
CREATE INDEX store_redemptions_volunteer_idx ON store_redemptions (volunteer_id, item_id, created_at)
  WHERE volunteer_id IS NOT NULL;
CREATE INDEX store_redemptions_due_idx ON store_redemptions (expires_at) WHERE status = 'pending';

-- ---------------------------------------------------------------- stock
-- Taking and returning stock. A holder redeeming on H5 may change an item's stock and nothing else
-- of it, so they get no UPDATE on store_items: these functions do the one conditional update, for
-- an item the caller can see (their scope is at or below its org). Taking never makes stock
-- negative; unlimited stock (null) is always there.
CREATE FUNCTION store_take_stock(item bigint) RETURNS boolean
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
  AS $$ WITH taken AS (
          UPDATE store_items SET stock = stock - 1
          WHERE id = item AND (org_path <@ app_scope() OR app_scope() <@ org_path)
            AND (stock IS NULL OR stock >= 1)
          RETURNING 1)
        SELECT EXISTS (SELECT 1 FROM taken) $$;
CREATE FUNCTION store_return_stock(redemption bigint) RETURNS void
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public
  -- once, for a cancelled or expired redemption the caller can see (its store's staff or its holder)
  AS $$ WITH returned AS (
          UPDATE store_redemptions SET stock_returned = true
          WHERE id = redemption AND status IN ('cancelled', 'expired') AND NOT stock_returned
            AND (org_path <@ app_scope() OR volunteer_id = app_volunteer())
          RETURNING item_id)
        UPDATE store_items i SET stock = i.stock + 1
        FROM returned WHERE i.id = returned.item_id AND i.stock IS NOT NULL $$;
REVOKE ALL ON FUNCTION store_take_stock(bigint), store_return_stock(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION store_take_stock(bigint), store_return_stock(bigint) TO civic_app;

-- ---------------------------------------------------------------- privileges and row-level security
GRANT SELECT, INSERT, UPDATE ON store_items, store_redemptions TO civic_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO civic_app;

ALTER TABLE store_items ENABLE ROW LEVEL SECURITY;
ALTER TABLE store_items FORCE ROW LEVEL SECURITY;
CREATE POLICY store_items_scope ON store_items TO civic_app
  USING (org_path <@ (SELECT app_scope())) WITH CHECK (org_path <@ (SELECT app_scope()));
-- a volunteer sees the items of the stores of their org and the orgs above it
CREATE POLICY store_items_volunteer_read ON store_items FOR SELECT TO civic_app
  USING ((SELECT app_volunteer()) IS NOT NULL AND (SELECT app_scope()) <@ org_path);

ALTER TABLE store_redemptions ENABLE ROW LEVEL SECURITY;
ALTER TABLE store_redemptions FORCE ROW LEVEL SECURITY;
CREATE POLICY store_redemptions_scope ON store_redemptions TO civic_app
  USING (org_path <@ (SELECT app_scope())) WITH CHECK (org_path <@ (SELECT app_scope()));
-- a volunteer's own redemptions, at a store above them
CREATE POLICY store_redemptions_own ON store_redemptions TO civic_app
  USING (volunteer_id = (SELECT app_volunteer()))
  WITH CHECK (volunteer_id = (SELECT app_volunteer()) AND (SELECT app_scope()) <@ org_path);

-- the photo of an item a volunteer can see (uploads are otherwise read within the org's subtree)
CREATE POLICY uploads_store_item_read ON uploads FOR SELECT TO civic_app
  USING ((SELECT app_volunteer()) IS NOT NULL
         AND EXISTS (SELECT 1 FROM store_items i WHERE i.photo_id = uploads.id AND (SELECT app_scope()) <@ i.org_path));
