-- The counts of a subtree that the big screen, the home pages and every assessment report show
-- (issue 15, "hot paths are designed"): its volunteers, and its orders still in the loop.
--
-- 1. Per-org head counts of volunteers. Counting 140,000 volunteer rows per request cost ~90 ms for
-- the county; summing one row per org costs well under 1 ms.
--
-- org_volunteer_counts: one row per org that has or had volunteers.
--   registered: volunteers not withdrawn (status 'active' or 'suspended');
--   active: volunteers with status 'active'.
-- Statement-level triggers on volunteers keep it in the same transaction as the change itself, from
-- the rows the statement inserted, changed or deleted (transition tables): a bulk import adds one
-- delta per org, not one per row. The volunteers module owns both tables; readers go through its
-- index.ts. `npm run assessment:rebuild` compares the counts with a fresh count and can repair them.
-- An org's move rebases org_path here like in every other org-scoped table (modules/orgs).

CREATE TABLE org_volunteer_counts (
  org_id bigint PRIMARY KEY REFERENCES orgs(id),
  org_path ltree NOT NULL,
  registered integer NOT NULL DEFAULT 0 CHECK (registered >= 0),
  active integer NOT NULL DEFAULT 0 CHECK (active >= 0 AND active <= registered)
);
CREATE INDEX org_volunteer_counts_org_path_gist ON org_volunteer_counts USING gist (org_path);

-- the registered count at a past day's end is today's count less those registered since: a recent
-- range of this index
CREATE INDEX volunteers_created_at_idx ON volunteers (created_at);

-- adds the net change of a statement's rows to their orgs' counts, one upsert, in org order (so two
-- statements touching the same orgs take the row locks in the same order)
CREATE FUNCTION count_org_volunteers() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO org_volunteer_counts AS c (org_id, org_path, registered, active)
      SELECT n.org_id, (array_agg(n.org_path))[1],
             count(*) FILTER (WHERE n.status <> 'withdrawn'), count(*) FILTER (WHERE n.status = 'active')
        FROM new_rows n GROUP BY n.org_id ORDER BY n.org_id
    ON CONFLICT (org_id) DO UPDATE SET registered = c.registered + EXCLUDED.registered,
                                       active = c.active + EXCLUDED.active;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE org_volunteer_counts c SET registered = c.registered - d.registered, active = c.active - d.active
      FROM (SELECT o.org_id, count(*) FILTER (WHERE o.status <> 'withdrawn') AS registered,
                   count(*) FILTER (WHERE o.status = 'active') AS active
              FROM old_rows o GROUP BY o.org_id) d
     WHERE c.org_id = d.org_id;
  ELSE
    -- only rows whose org or status changed count; an org move changes org_path alone. The net
    -- change per org may be negative, so the rows of the orgs gaining volunteers are made to exist
    -- first and then all are updated (the checks apply to the resulting counts, not to a row of
    -- deltas proposed for insertion).
    INSERT INTO org_volunteer_counts (org_id, org_path)
      SELECT DISTINCT n.org_id, n.org_path FROM new_rows n JOIN old_rows o ON o.id = n.id
       WHERE o.org_id <> n.org_id OR o.status <> n.status
       ORDER BY n.org_id
    ON CONFLICT (org_id) DO NOTHING;
    UPDATE org_volunteer_counts c SET registered = c.registered + d.registered, active = c.active + d.active
      FROM (SELECT x.org_id, sum(x.registered) AS registered, sum(x.active) AS active
              FROM (SELECT n.org_id, (n.status <> 'withdrawn')::int AS registered,
                           (n.status = 'active')::int AS active
                      FROM new_rows n JOIN old_rows o ON o.id = n.id
                     WHERE o.org_id <> n.org_id OR o.status <> n.status
                    UNION ALL
                    SELECT o.org_id, -((o.status <> 'withdrawn')::int), -((o.status = 'active')::int)
                      FROM new_rows n JOIN old_rows o ON o.id = n.id
                     WHERE o.org_id <> n.org_id OR o.status <> n.status) x
             GROUP BY x.org_id
            HAVING sum(x.registered) <> 0 OR sum(x.active) <> 0) d
     WHERE c.org_id = d.org_id;
  END IF;
  RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION count_org_volunteers() FROM PUBLIC;

CREATE TRIGGER volunteers_counted_insert AFTER INSERT ON volunteers
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION count_org_volunteers();
CREATE TRIGGER volunteers_counted_update AFTER UPDATE ON volunteers
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION count_org_volunteers();
CREATE TRIGGER volunteers_counted_delete AFTER DELETE ON volunteers
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION count_org_volunteers();

-- the volunteers already there
INSERT INTO org_volunteer_counts (org_id, org_path, registered, active)
  SELECT v.org_id, o.path, count(*) FILTER (WHERE v.status <> 'withdrawn'), count(*) FILTER (WHERE v.status = 'active')
    FROM volunteers v JOIN orgs o ON o.id = v.org_id
   GROUP BY v.org_id, o.path;

GRANT SELECT ON org_volunteer_counts TO civic_app;
GRANT UPDATE (org_path) ON org_volunteer_counts TO civic_app;
ALTER TABLE org_volunteer_counts ENABLE ROW LEVEL SECURITY;
ALTER TABLE org_volunteer_counts FORCE ROW LEVEL SECURITY;
CREATE POLICY org_volunteer_counts_read ON org_volunteer_counts FOR SELECT TO civic_app
  USING (org_path <@ (SELECT app_scope()));
-- an org's move rebases the paths of its subtree (modules/orgs), nothing else
CREATE POLICY org_volunteer_counts_move ON org_volunteer_counts FOR UPDATE TO civic_app
  USING (org_path <@ (SELECT app_scope())) WITH CHECK (org_path <@ (SELECT app_scope()));

-- 2. Orders still in the loop, and those past their stage deadline: the open orders alone, in a
-- partial index carrying what the count and the row-level policies read (org_path, id), so a
-- subtree's count is an index-only scan of the open orders (~12,000 in a county) instead of a heap
-- visit per open order. The status list is the open statuses of @civic/contracts (orders.ts); the
-- readers (modules/orders order-feed.ts) name the same list, so the planner can use the index.
CREATE INDEX orders_open_due_idx ON orders (stage_due_at) INCLUDE (org_path, id)
  WHERE status IN ('submitted', 'accepted', 'dispatched', 'claimed', 'in_service', 'served');
