-- Work tasks for units (调度任务, issue 15; seeds 000 §四(三), 004 §8): the centre or an institute
-- issues a task to units of its subtree (title, description, deadline, what to submit, an optional
-- maximum score); each recipient unit has one assignment with its own deadline (the task's, or an
-- extension the issuer granted), reports with text, photos and links, and the issuer approves with a
-- score or returns with a reason. Overdue assignments are escalated once per deadline by a job.
--
-- Scope: a task is the issuer's (org_path); an assignment and its reports carry both the recipient's
-- path (org_path) and the issuer's (issuer_path), so the recipient and everyone above it see them,
-- and so does the issuer and everyone above it — an institute sees its own tasks and those issued to
-- its subtree, a station only what is addressed to it.

CREATE TABLE work_tasks (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- the issuing org (the centre or an institute)
  org_id bigint NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 60),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
  -- the task's own deadline (an extension moves one assignment's due_at, never this)
  deadline timestamptz NOT NULL,
  -- what a report must hold
  requires_text boolean NOT NULL DEFAULT true,
  min_photos integer NOT NULL DEFAULT 0 CHECK (min_photos BETWEEN 0 AND 9),
  allow_links boolean NOT NULL DEFAULT true,
  -- null: approved without a score
  max_score integer CHECK (max_score BETWEEN 1 AND 100),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'cancelled')),
  created_by bigint NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL,
  cancelled_by bigint REFERENCES users(id),
  cancelled_at timestamptz,
  cancel_reason text,
  updated_at timestamptz NOT NULL,
  CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL AND cancel_reason IS NOT NULL))
);
CREATE INDEX work_tasks_org_path_gist ON work_tasks USING gist (org_path);
CREATE INDEX work_tasks_org_idx ON work_tasks (org_id, id DESC);

CREATE TABLE task_assignments (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  task_id bigint NOT NULL REFERENCES work_tasks(id),
  -- the recipient unit
  org_id bigint NOT NULL REFERENCES orgs(id),
  org_path ltree NOT NULL,
  -- the issuing org's path (as the task's), for the issuer's scope
  issuer_path ltree NOT NULL,
  -- pending → submitted → approved, or → returned → submitted … (overdue is pending/returned past due_at)
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'submitted', 'returned', 'approved')),
  -- the deadline that holds for this unit: the task's, or the latest extension
  due_at timestamptz NOT NULL,
  extended_at timestamptz,
  extended_by bigint REFERENCES users(id),
  extension_reason text,
  -- the latest report's time; the approved report's when approved
  submitted_at timestamptz,
  score integer CHECK (score >= 0),
  approved_at timestamptz,
  -- set when the overdue job escalated the current due_at (once); an extension clears it
  overdue_notified_at timestamptz,
  -- photos uploaded for the next report, not yet part of one
  draft_photo_ids uuid[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (task_id, org_id),
  CHECK ((status = 'approved') = (approved_at IS NOT NULL)),
  CHECK (cardinality(draft_photo_ids) <= 20)
);
CREATE INDEX task_assignments_org_path_gist ON task_assignments USING gist (org_path);
CREATE INDEX task_assignments_issuer_path_gist ON task_assignments USING gist (issuer_path);
CREATE INDEX task_assignments_task_idx ON task_assignments (task_id, org_id);
CREATE INDEX task_assignments_todo_idx ON task_assignments (org_id, due_at);
CREATE INDEX task_assignments_overdue_idx ON task_assignments (due_at)
  WHERE status IN ('pending', 'returned') AND overdue_notified_at IS NULL;

CREATE TABLE task_reports (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  assignment_id bigint NOT NULL REFERENCES task_assignments(id),
  task_id bigint NOT NULL REFERENCES work_tasks(id),
  org_path ltree NOT NULL,
  issuer_path ltree NOT NULL,
  text text NOT NULL DEFAULT '' CHECK (length(text) <= 2000),
  links text[] NOT NULL DEFAULT '{}' CHECK (cardinality(links) <= 5),
  photo_ids uuid[] NOT NULL DEFAULT '{}' CHECK (cardinality(photo_ids) <= 9),
  submitted_by bigint NOT NULL REFERENCES users(id),
  submitted_at timestamptz NOT NULL,
  -- the issuer's decision on this report: null while it waits
  decision text CHECK (decision IN ('approved', 'returned')),
  score integer CHECK (score >= 0),
  comment text CHECK (length(comment) <= 500),
  decided_by bigint REFERENCES users(id),
  decided_at timestamptz,
  CHECK ((decision IS NULL) = (decided_at IS NULL)),
  CHECK (decision <> 'returned' OR comment IS NOT NULL)
);
CREATE INDEX task_reports_org_path_gist ON task_reports USING gist (org_path);
CREATE INDEX task_reports_issuer_path_gist ON task_reports USING gist (issuer_path);
CREATE INDEX task_reports_assignment_idx ON task_reports (assignment_id, id DESC);

-- ---------------------------------------------------------------- privileges and row-level security
GRANT SELECT, INSERT, UPDATE ON work_tasks, task_assignments, task_reports TO civic_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO civic_app;

ALTER TABLE task_assignments ENABLE ROW LEVEL SECURITY;
ALTER TABLE task_assignments FORCE ROW LEVEL SECURITY;
CREATE POLICY task_assignments_scope ON task_assignments TO civic_app
  USING (org_path <@ (SELECT app_scope()) OR issuer_path <@ (SELECT app_scope()))
  WITH CHECK (org_path <@ (SELECT app_scope()) OR issuer_path <@ (SELECT app_scope()));

ALTER TABLE task_reports ENABLE ROW LEVEL SECURITY;
ALTER TABLE task_reports FORCE ROW LEVEL SECURITY;
CREATE POLICY task_reports_scope ON task_reports TO civic_app
  USING (org_path <@ (SELECT app_scope()) OR issuer_path <@ (SELECT app_scope()))
  WITH CHECK (org_path <@ (SELECT app_scope()) OR issuer_path <@ (SELECT app_scope()));

ALTER TABLE work_tasks ENABLE ROW LEVEL SECURITY;
ALTER TABLE work_tasks FORCE ROW LEVEL SECURITY;
CREATE POLICY work_tasks_scope ON work_tasks TO civic_app
  USING (org_path <@ (SELECT app_scope())) WITH CHECK (org_path <@ (SELECT app_scope()));
-- a recipient (and those above it) reads the task it was sent; the assignments' policy does not
-- refer back to work_tasks, so the policies cannot recurse
CREATE POLICY work_tasks_read_recipient ON work_tasks FOR SELECT TO civic_app
  USING (EXISTS (SELECT 1 FROM task_assignments a
                  WHERE a.task_id = work_tasks.id AND a.org_path <@ (SELECT app_scope())));
