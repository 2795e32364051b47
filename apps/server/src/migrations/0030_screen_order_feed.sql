-- 数据大屏 (issue 15): the live order feed reads the latest orders of a subtree, newest first. An
-- index on the placing time lets it walk backwards and stop after a screenful, instead of sorting
-- every order of the county (200,000 at the reference scale) on each refresh.
CREATE INDEX orders_created_at_idx ON orders (created_at DESC, id DESC);
