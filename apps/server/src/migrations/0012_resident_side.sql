-- The residents' and volunteers' side on H5 (issue 13): photos on orders, orders linked to a
-- resident's account, and the one-time codes that link the orders a resident placed earlier.

-- ---------------------------------------------------------------- photos
-- a resident who orders without an account uploads photos too: such an upload has no uploader
ALTER TABLE uploads ALTER COLUMN uploaded_by DROP NOT NULL;

-- the photos a resident adds to their order (bound to it when uploaded, a few at most); the
-- volunteer's evidence goes to service_photo_ids, also bound when uploaded
ALTER TABLE orders ADD COLUMN photo_ids uuid[] NOT NULL DEFAULT '{}';

-- A volunteer (in their own scope, see 0003) stores evidence photos for an order they serve: the
-- upload belongs to the order's village, which their scope does not cover, so this is the one
-- insert into uploads outside the caller's scope — only while they are serving that order.
CREATE POLICY uploads_order_evidence ON uploads FOR INSERT TO civic_app
  WITH CHECK (EXISTS (SELECT 1 FROM order_assignees a JOIN orders o ON o.id = a.order_id
                      WHERE a.volunteer_id = app_volunteer() AND a.status = 'claimed'
                        AND o.status = 'in_service' AND o.org_path = uploads.org_path));

-- ---------------------------------------------------------------- a resident's own orders
ALTER TABLE orders ADD CONSTRAINT orders_resident_user_fk FOREIGN KEY (resident_user_id) REFERENCES users(id);
CREATE INDEX orders_resident_user_idx ON orders (resident_user_id, id DESC) WHERE resident_user_id IS NOT NULL;

-- A code sent to a phone (through the SMS gateway, see webhook_outbox) that proves the signed-in
-- resident holds it; entering it links the orders placed with that phone to their account. Only
-- the code's keyed hash is kept. Handled by the system connection alone (like sessions): the
-- application role has no grant on it.
CREATE TABLE resident_phone_codes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users(id),
  -- the phone's blind index (as orders.contact_phone_index)
  phone_index text NOT NULL,
  code_hash text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX resident_phone_codes_user_idx ON resident_phone_codes (user_id, created_at DESC);
