-- Dispatch matching reads an area's volunteers by org_id (the one index row-level security lets a
-- non-leakproof query use) and needs their skills, categories and availability: a covering index
-- answers it from the index alone (npm run bench, dispatch: p50 38 → 26 ms at 140k volunteers).
-- It replaces the plain org_id index of 0002.
CREATE INDEX volunteers_matching_idx ON volunteers (org_id)
  INCLUDE (id, org_path, status, name, skills, service_categories, availability);
DROP INDEX volunteers_org_idx;
