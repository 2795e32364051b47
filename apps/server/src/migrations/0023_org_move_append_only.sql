-- Moving an org (orgs' move) rebases every stored org path of its subtree, table by table; the
-- tables of 0017 and 0018 refused it (the ledger allows no UPDATE at all, certificates only their
-- revocation), so moving a station with points or certificates failed with 403. An org's move is
-- not a change of what happened: the entry, its amount and the certificate's signed content stay as
-- they are, only the paths row-level security reads follow the org.
--
-- The ledger stays append-only for everything else: the trigger lets through an UPDATE that
-- changes nothing but org_path and holder_org_path, and the app role may update only those columns,
-- within its own scope.
CREATE OR REPLACE FUNCTION point_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND (to_jsonb(NEW) - 'org_path' - 'holder_org_path') = (to_jsonb(OLD) - 'org_path' - 'holder_org_path') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'point_entries is append-only: write a reversing entry instead'
    USING ERRCODE = 'insufficient_privilege';
END $$;

GRANT UPDATE (org_path, holder_org_path) ON point_entries TO civic_app;
CREATE POLICY point_entries_move ON point_entries FOR UPDATE TO civic_app
  USING (org_path <@ (SELECT app_scope()) OR holder_org_path <@ (SELECT app_scope()))
  WITH CHECK (org_path <@ (SELECT app_scope()) OR holder_org_path <@ (SELECT app_scope()));

GRANT UPDATE (org_path) ON point_balances TO civic_app;
CREATE POLICY point_balances_move ON point_balances FOR UPDATE TO civic_app
  USING (org_path <@ (SELECT app_scope())) WITH CHECK (org_path <@ (SELECT app_scope()));

GRANT UPDATE (org_path) ON certificates TO civic_app;
