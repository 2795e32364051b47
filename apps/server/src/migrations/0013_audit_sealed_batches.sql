-- Audit appends in parallel (issue 13). Until now every append took the chain head's row lock, so
-- the audited writes of every server queued on one row. Now:
--
-- * an entry takes its number (seq) from a sequence as it is inserted, and carries the SM3 hash of
--   its own content; no lock, no head row. The application role may not choose the number: it may
--   insert only the content columns, and the default numbers the row.
-- * a sealer (the audit module's job, one server at a time) chains the entries into sealed batches
--   in number order, as transparency logs do: a batch's hash covers the previous batch's hash, its
--   range, its gaps and every entry's number and hash. Verification recomputes every entry's hash
--   and every batch's, so an edited, deleted or inserted sealed entry is found (npm run audit:verify).
-- * gaps: a transaction that rolls back after numbering an entry leaves a number that never
--   appears. The sealer records a gap only when it is final: it keeps a fence (the sequence's value
--   at one moment, and a transaction id taken just after), and once every transaction older than
--   the fence has ended, no missing number up to the fence's can still commit. An entry that is
--   there is never waited for, so a gap delays only the entries after it, and only while a
--   transaction that was running at the fence's time still runs.
--
-- The chain as it stood is batch 0: its entries stay chained entry by entry (prev_hash), and the
-- head's hash is batch 0's hash, which batch 1 chains to.

CREATE SEQUENCE audit_log_seq;
SELECT setval('audit_log_seq', (SELECT seq FROM audit_chain_head WHERE id = 1) + 1, false);

-- The transaction gets its id before the entry gets its number: the sealer's fence relies on it
-- (an entry numbered before the fence belongs to a transaction that had an id before the fence).
CREATE FUNCTION audit_next_seq() RETURNS bigint
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public
  AS $$
BEGIN
  PERFORM pg_current_xact_id();
  RETURN nextval('audit_log_seq');
END $$;
REVOKE ALL ON FUNCTION audit_next_seq() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_next_seq() TO civic_app;

ALTER TABLE audit_log ALTER COLUMN seq SET DEFAULT audit_next_seq();
-- entries of batch 0 keep their link to the previous entry; sealed entries have none
ALTER TABLE audit_log ALTER COLUMN prev_hash DROP NOT NULL;

-- append-only, and only the content: the number comes from the default
REVOKE INSERT ON audit_log FROM civic_app;
GRANT INSERT (occurred_at, actor_user_id, actor_username, actor_role, action, resource_type, resource_id,
  org_id, org_path, ip, outcome, summary, hash) ON audit_log TO civic_app;

-- ---------------------------------------------------------------- sealed batches
CREATE TABLE audit_batches (
  batch_no bigint PRIMARY KEY CHECK (batch_no >= 0),
  first_seq bigint NOT NULL,
  last_seq bigint NOT NULL,
  -- how many entries the batch seals: the range less its gaps
  entries integer NOT NULL CHECK (entries >= 0),
  -- numbers in the range that no entry will ever have (rolled-back transactions)
  gaps bigint[] NOT NULL DEFAULT '{}',
  prev_hash text NOT NULL,
  hash text NOT NULL,
  sealed_at timestamptz NOT NULL DEFAULT now(),
  CHECK (first_seq >= 1 AND last_seq >= first_seq - 1)
);

-- batch 0: the hash chain as it stood (every entry up to the head)
INSERT INTO audit_batches (batch_no, first_seq, last_seq, entries, prev_hash, hash)
  SELECT 0, 1, seq, seq, repeat('0', 64), hash FROM audit_chain_head WHERE id = 1;

-- the sealer's fence: every entry numbered up to seq belongs to a transaction whose id is below xid
CREATE TABLE audit_seal_fence (
  id integer PRIMARY KEY CHECK (id = 1),
  seq bigint NOT NULL,
  xid xid8 NOT NULL,
  taken_at timestamptz NOT NULL DEFAULT now()
);

-- the batches and the fence are the sealer's (the owner connection); the application has no access
DROP TABLE audit_chain_head;
