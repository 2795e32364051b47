-- Row-level security that reads the request's scope once per statement, not once per row (issue 13:
-- dispatch candidates over 140k volunteers). A policy calling app_scope(), app_volunteer() or
-- app_team() runs the call — current_setting and, for the scope, parsing the ltree — for every row
-- it looks at; dispatch matching looks at every volunteer of a town (thousands), and the policies
-- cost it a third of its time. Written as a scalar sub-select, (SELECT app_scope()), the value is an
-- init plan computed once per statement and the row test is a comparison with it. Same meaning,
-- same settings (they cannot change during a statement).
--
-- The policies of the tables dispatch matching reads are rewritten from their current definition,
-- whatever the earlier migrations made them, by replacing each of the three calls with its
-- sub-select.
DO $$
DECLARE
  p record;
  qual text;
  checked text;
  wrap constant text[] := ARRAY['app_scope()', 'app_volunteer()', 'app_team()'];
  f text;
BEGIN
  FOR p IN
    SELECT c.relname, pol.polname, pg_get_expr(pol.polqual, pol.polrelid) AS qual,
      pg_get_expr(pol.polwithcheck, pol.polrelid) AS checked
    FROM pg_policy pol JOIN pg_class c ON c.oid = pol.polrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relname IN ('volunteers', 'orgs', 'orders', 'order_assignees')
  LOOP
    qual := p.qual;
    checked := p.checked;
    FOREACH f IN ARRAY wrap LOOP
      qual := replace(qual, f, '(SELECT ' || f || ')');
      checked := replace(checked, f, '(SELECT ' || f || ')');
    END LOOP;
    IF qual IS DISTINCT FROM p.qual THEN
      EXECUTE format('ALTER POLICY %I ON %I USING (%s)', p.polname, p.relname, qual);
    END IF;
    IF checked IS DISTINCT FROM p.checked THEN
      EXECUTE format('ALTER POLICY %I ON %I WITH CHECK (%s)', p.polname, p.relname, checked);
    END IF;
  END LOOP;
END $$;
