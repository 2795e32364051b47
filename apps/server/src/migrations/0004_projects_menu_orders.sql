-- Projects (项目库), the service menu (服务清单) and residents' orders: 点单 → 制单 → 派单 → 接单 →
-- 实施 → 评单, with every transition recorded and the service time kept as pending service records.

-- ---------------------------------------------------------------- projects
CREATE TABLE projects (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  owner_org_id bigint NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  name text NOT NULL,
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  platform text CHECK (platform IN ('theory', 'education_sports', 'culture_arts', 'science', 'health')),
  service_category text,
  responsible_team_id bigint REFERENCES teams(id),
  responsible_unit text,
  description text,
  target_groups text,
  yearly_target integer CHECK (yearly_target BETWEEN 0 AND 100000),
  -- 确立项目 → 招募志愿者 → 实施项目 → 评估效果 → 优化项目 (seed 004 §7)
  status text NOT NULL DEFAULT 'established'
    CHECK (status IN ('established', 'recruiting', 'implementing', 'evaluating', 'optimizing')),
  copied_from_id bigint REFERENCES projects(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX projects_owner_year_name_key ON projects (owner_org_id, year, name);
CREATE INDEX projects_org_path_gist ON projects USING gist (org_path);

CREATE TABLE project_status_history (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  project_id bigint NOT NULL REFERENCES projects(id),
  org_path ltree NOT NULL,
  from_status text,
  to_status text NOT NULL,
  note text,
  changed_by bigint,
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX project_status_history_project_idx ON project_status_history (project_id, id);

-- ---------------------------------------------------------------- the menu
CREATE TABLE menu_items (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  owner_org_id bigint NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  project_id bigint REFERENCES projects(id),
  title text NOT NULL,
  service_category text NOT NULL,
  skills text[] NOT NULL DEFAULT '{}',
  description text,
  -- residents living in this subtree may order the item
  area_org_id bigint NOT NULL REFERENCES orgs(id),
  area_path ltree NOT NULL,
  typical_minutes integer NOT NULL CHECK (typical_minutes BETWEEN 10 AND 1440),
  volunteers_needed integer NOT NULL DEFAULT 1 CHECK (volunteers_needed BETWEEN 1 AND 50),
  status text NOT NULL DEFAULT 'published' CHECK (status IN ('published', 'withdrawn')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX menu_items_org_path_gist ON menu_items USING gist (org_path);
CREATE INDEX menu_items_area_path_gist ON menu_items USING gist (area_path);

-- ---------------------------------------------------------------- orders
CREATE SEQUENCE order_no_seq;
CREATE TABLE orders (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_no text NOT NULL DEFAULT ('XQ' || lpad(nextval('order_no_seq')::text, 10, '0')),
  -- the resident's village station: the order belongs to its path (the station, its institute
  -- and the centre see it)
  org_id bigint NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  menu_item_id bigint REFERENCES menu_items(id),
  project_id bigint REFERENCES projects(id),
  service_category text NOT NULL,
  skills text[] NOT NULL DEFAULT '{}',
  description text NOT NULL,
  address text NOT NULL,
  -- minimum personal data: a name to ask for and an encrypted phone
  contact_name text NOT NULL,
  contact_phone_enc text NOT NULL,
  contact_phone_index text NOT NULL,
  -- the resident's tracking link carries a random token; only its SHA-256 is stored
  tracking_hash text NOT NULL UNIQUE,
  resident_user_id bigint,
  channel text NOT NULL CHECK (channel IN ('online', 'phone', 'visit', 'open311')),
  preferred_at timestamptz,
  agreed_at timestamptz,
  priority text NOT NULL DEFAULT 'normal' CHECK (priority IN ('normal', 'urgent')),
  status text NOT NULL DEFAULT 'submitted' CHECK (status IN
    ('submitted', 'accepted', 'dispatched', 'claimed', 'in_service', 'served', 'closed', 'rejected', 'merged', 'cancelled')),
  volunteers_needed integer NOT NULL DEFAULT 1 CHECK (volunteers_needed BETWEEN 1 AND 50),
  dispatched_org_id bigint REFERENCES orgs(id),
  dispatched_team_id bigint REFERENCES teams(id),
  merged_into_id bigint REFERENCES orders(id),
  reject_reason text,
  rating integer CHECK (rating BETWEEN 1 AND 5),
  rating_comment text,
  rated_at timestamptz,
  evaluation text,
  stage_due_at timestamptz,
  escalation_level integer NOT NULL DEFAULT 0,
  escalated_at timestamptz,
  service_started_at timestamptz,
  service_ended_at timestamptz,
  service_note text,
  service_photo_ids uuid[] NOT NULL DEFAULT '{}',
  created_by bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz,
  version integer NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX orders_no_key ON orders (order_no);
CREATE INDEX orders_org_path_gist ON orders USING gist (org_path);
CREATE INDEX orders_status_idx ON orders (status, stage_due_at);
CREATE INDEX orders_contact_phone_idx ON orders (contact_phone_index);

-- every transition: who, when, from, to, why
CREATE TABLE order_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id bigint NOT NULL REFERENCES orders(id),
  org_path ltree NOT NULL,
  action text NOT NULL,
  from_status text,
  to_status text,
  actor_kind text NOT NULL,
  actor_user_id bigint,
  actor_name text,
  reason text,
  details jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX order_events_order_idx ON order_events (order_id, id);

-- the volunteers an order is dispatched to and who claimed it
CREATE TABLE order_assignees (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id bigint NOT NULL REFERENCES orders(id),
  volunteer_id bigint NOT NULL REFERENCES volunteers(id),
  org_path ltree NOT NULL,
  status text NOT NULL CHECK (status IN ('offered', 'claimed', 'declined', 'withdrawn', 'served')),
  decline_reason text,
  offered_at timestamptz NOT NULL DEFAULT now(),
  claimed_at timestamptz,
  UNIQUE (order_id, volunteer_id)
);
CREATE INDEX order_assignees_volunteer_idx ON order_assignees (volunteer_id, status);

-- service time waiting for confirmation by the hours module (issue 6)
CREATE TABLE service_records (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  volunteer_id bigint NOT NULL REFERENCES volunteers(id),
  org_path ltree NOT NULL,
  source text NOT NULL CHECK (source IN ('order', 'activity', 'manual')),
  source_id bigint,
  started_at timestamptz NOT NULL,
  ended_at timestamptz NOT NULL,
  minutes integer NOT NULL CHECK (minutes >= 0),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'rejected')),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (source, source_id, volunteer_id),
  CHECK (ended_at >= started_at)
);
CREATE INDEX service_records_volunteer_idx ON service_records (volunteer_id, status);
CREATE INDEX service_records_org_path_gist ON service_records USING gist (org_path);

-- ---------------------------------------------------------------- privileges and row-level security
GRANT SELECT, INSERT, UPDATE ON projects, project_status_history, menu_items, orders, order_events,
  order_assignees, service_records TO civic_app;
GRANT DELETE ON menu_items TO civic_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO civic_app;

-- reference data (projects, menu) of the orgs above is readable from below
ALTER TABLE projects ENABLE ROW LEVEL SECURITY;
ALTER TABLE projects FORCE ROW LEVEL SECURITY;
CREATE POLICY projects_read ON projects FOR SELECT TO civic_app
  USING (org_path <@ app_scope() OR app_scope() <@ org_path);
CREATE POLICY projects_insert ON projects FOR INSERT TO civic_app WITH CHECK (org_path <@ app_scope());
CREATE POLICY projects_update ON projects FOR UPDATE TO civic_app
  USING (org_path <@ app_scope()) WITH CHECK (org_path <@ app_scope());

ALTER TABLE project_status_history ENABLE ROW LEVEL SECURITY;
ALTER TABLE project_status_history FORCE ROW LEVEL SECURITY;
CREATE POLICY project_status_history_read ON project_status_history FOR SELECT TO civic_app
  USING (org_path <@ app_scope() OR app_scope() <@ org_path);
CREATE POLICY project_status_history_insert ON project_status_history FOR INSERT TO civic_app
  WITH CHECK (org_path <@ app_scope());

ALTER TABLE menu_items ENABLE ROW LEVEL SECURITY;
ALTER TABLE menu_items FORCE ROW LEVEL SECURITY;
CREATE POLICY menu_items_read ON menu_items FOR SELECT TO civic_app
  USING (org_path <@ app_scope() OR app_scope() <@ org_path);
CREATE POLICY menu_items_insert ON menu_items FOR INSERT TO civic_app WITH CHECK (org_path <@ app_scope());
CREATE POLICY menu_items_update ON menu_items FOR UPDATE TO civic_app
  USING (org_path <@ app_scope()) WITH CHECK (org_path <@ app_scope());
CREATE POLICY menu_items_delete ON menu_items FOR DELETE TO civic_app USING (org_path <@ app_scope());

-- a volunteer (in their own scope, see 0003) reaches the orders offered to them, and nothing else
CREATE FUNCTION offered_to_me(order_id bigint) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT EXISTS (SELECT 1 FROM order_assignees a
                       WHERE a.order_id = $1 AND a.volunteer_id = app_volunteer()
                         AND a.status IN ('offered', 'claimed', 'served')) $$;
REVOKE ALL ON FUNCTION offered_to_me(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION offered_to_me(bigint) TO civic_app;

ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
ALTER TABLE orders FORCE ROW LEVEL SECURITY;
CREATE POLICY orders_scope ON orders TO civic_app
  USING (org_path <@ app_scope()) WITH CHECK (org_path <@ app_scope());
CREATE POLICY orders_offered_read ON orders FOR SELECT TO civic_app USING (offered_to_me(id));
CREATE POLICY orders_offered_update ON orders FOR UPDATE TO civic_app
  USING (offered_to_me(id)) WITH CHECK (offered_to_me(id));

ALTER TABLE order_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE order_events FORCE ROW LEVEL SECURITY;
CREATE POLICY order_events_scope ON order_events TO civic_app
  USING (org_path <@ app_scope()) WITH CHECK (org_path <@ app_scope());
CREATE POLICY order_events_offered ON order_events TO civic_app
  USING (offered_to_me(order_id)) WITH CHECK (offered_to_me(order_id));

ALTER TABLE order_assignees ENABLE ROW LEVEL SECURITY;
ALTER TABLE order_assignees FORCE ROW LEVEL SECURITY;
CREATE POLICY order_assignees_scope ON order_assignees TO civic_app
  USING (org_path <@ app_scope()) WITH CHECK (org_path <@ app_scope());
-- a volunteer sees who else serves on their orders; the one who finishes marks them all served
CREATE POLICY order_assignees_offered_read ON order_assignees FOR SELECT TO civic_app
  USING (offered_to_me(order_id));
-- and always their own offers, also withdrawn ones (to be told "someone else took it")
CREATE POLICY order_assignees_own_read ON order_assignees FOR SELECT TO civic_app
  USING (volunteer_id = app_volunteer());
CREATE POLICY order_assignees_offered_update ON order_assignees FOR UPDATE TO civic_app
  USING (offered_to_me(order_id)) WITH CHECK (offered_to_me(order_id));

ALTER TABLE service_records ENABLE ROW LEVEL SECURITY;
ALTER TABLE service_records FORCE ROW LEVEL SECURITY;
CREATE POLICY service_records_scope ON service_records TO civic_app
  USING (org_path <@ app_scope()) WITH CHECK (org_path <@ app_scope());
-- finishing an order records the time of everyone who served on it
CREATE POLICY service_records_from_order ON service_records FOR INSERT TO civic_app
  WITH CHECK (source = 'order' AND offered_to_me(source_id));
CREATE POLICY service_records_own_read ON service_records FOR SELECT TO civic_app
  USING (volunteer_id = app_volunteer());

-- ---------------------------------------------------------------- in-app notifications for staff
CREATE TABLE notifications (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- the org whose staff are told (e.g. the parent org of a unit that missed a deadline)
  org_id bigint NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  kind text NOT NULL,
  title text NOT NULL,
  body text,
  link text,
  read_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notifications_org_idx ON notifications (org_id, id DESC);
CREATE INDEX notifications_org_path_gist ON notifications USING gist (org_path);
GRANT SELECT, INSERT, UPDATE ON notifications TO civic_app;
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
ALTER TABLE notifications FORCE ROW LEVEL SECURITY;
CREATE POLICY notifications_scope ON notifications TO civic_app
  USING (org_path <@ app_scope()) WITH CHECK (org_path <@ app_scope());

-- ---------------------------------------------------------------- outbound webhook (SMS/WeChat gateway)
-- written in the same transaction as the order change (an outbox), delivered by a job with retries
-- and backoff; the payload holds the resident's phone only as the order's ciphertext
CREATE TABLE webhook_outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_path ltree NOT NULL,
  event text NOT NULL,
  order_id bigint REFERENCES orders(id),
  payload jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed', 'skipped')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz
);
CREATE INDEX webhook_outbox_due_idx ON webhook_outbox (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_outbox_org_path_gist ON webhook_outbox USING gist (org_path);
-- UPDATE: moving an org rebases the paths of everything below it
GRANT SELECT, INSERT, UPDATE ON webhook_outbox TO civic_app;
ALTER TABLE webhook_outbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_outbox FORCE ROW LEVEL SECURITY;
CREATE POLICY webhook_outbox_scope ON webhook_outbox TO civic_app
  USING (org_path <@ app_scope()) WITH CHECK (org_path <@ app_scope());
-- a volunteer's step on an order they serve is told to the resident too
CREATE POLICY webhook_outbox_offered ON webhook_outbox FOR INSERT TO civic_app WITH CHECK (offered_to_me(order_id));

-- ---------------------------------------------------------------- stage deadlines per org
-- an org may set its own deadlines; an order follows the nearest setting at or above its village
CREATE TABLE order_deadline_settings (
  org_id bigint PRIMARY KEY REFERENCES orgs(id),
  org_path ltree NOT NULL,
  vet_working_days integer NOT NULL CHECK (vet_working_days BETWEEN 1 AND 30),
  dispatch_hours integer NOT NULL CHECK (dispatch_hours BETWEEN 1 AND 720),
  claim_hours integer NOT NULL CHECK (claim_hours BETWEEN 1 AND 720),
  review_days integer NOT NULL CHECK (review_days BETWEEN 1 AND 90),
  updated_by bigint,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX order_deadline_settings_org_path_gist ON order_deadline_settings USING gist (org_path);
GRANT SELECT, INSERT, UPDATE ON order_deadline_settings TO civic_app;
ALTER TABLE order_deadline_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE order_deadline_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY order_deadline_settings_read ON order_deadline_settings FOR SELECT TO civic_app
  USING (org_path <@ app_scope() OR app_scope() <@ org_path);
CREATE POLICY order_deadline_settings_write ON order_deadline_settings FOR INSERT TO civic_app
  WITH CHECK (org_path <@ app_scope());
CREATE POLICY order_deadline_settings_update ON order_deadline_settings FOR UPDATE TO civic_app
  USING (org_path <@ app_scope()) WITH CHECK (org_path <@ app_scope());
