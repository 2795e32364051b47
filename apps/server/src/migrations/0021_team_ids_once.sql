-- A team leader's team list is computed once per transaction, not once per row (found by CI on
-- PostgreSQL 15: a team leader reading service record events took 90 s). The policies of 0015 call
-- team_leader_activity(), which calls app_team_ids() — a recursive walk down the team tree — for
-- every row they look at; reading the 41,000 events of the demo county walked the tree 41,000
-- times. app_team_ids() now keeps its answer in the transaction-local setting app.team_ids, keyed
-- by app.team, and walks the tree only the first time in a transaction (or when app.team changes).
--
-- The walk stays SECURITY DEFINER (it reads every team, whatever the caller's policies); the
-- memoising wrapper may not be: a function with a SET clause undoes at its exit every setting
-- changed inside it, so the cache would not outlive the call.
CREATE FUNCTION app_team_ids_walk(team bigint) RETURNS bigint[]
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    WITH RECURSIVE down AS (
      SELECT id FROM teams WHERE id = team
      UNION SELECT t.id FROM teams t JOIN down d ON t.parent_id = d.id)
    SELECT coalesce((SELECT array_agg(id ORDER BY id) FROM down), '{}') $$;
REVOKE ALL ON FUNCTION app_team_ids_walk(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_team_ids_walk(bigint) TO civic_app;

CREATE OR REPLACE FUNCTION app_team_ids() RETURNS bigint[]
  LANGUAGE plpgsql STABLE SECURITY INVOKER
  AS $$
  DECLARE
    team bigint := app_team();
    cached text;
    ids bigint[];
  BEGIN
    IF team IS NULL THEN
      RETURN NULL;
    END IF;
    cached := current_setting('app.team_ids', true);
    IF cached IS NOT NULL AND split_part(cached, ':', 1) = team::text THEN
      RETURN split_part(cached, ':', 2)::bigint[];
    END IF;
    ids := public.app_team_ids_walk(team);
    PERFORM set_config('app.team_ids', team::text || ':' || ids::text, true);
    RETURN ids;
  END $$;
