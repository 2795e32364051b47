-- 茶乡微讲堂 (seed 004 §6: the share of a town's villages holding one, ≥ 30%, is assessed): a 讲
-- (理论宣讲) activity marked as a 微讲堂, so the seven forms 讲评帮乐庆树行 stay as the seeds define
-- them and a 微讲堂 still counts as a 讲 everywhere forms are counted. The assessment reads the held
-- ones of a period through the partial index below.
ALTER TABLE activities ADD COLUMN micro_lecture boolean NOT NULL DEFAULT false;
ALTER TABLE activities ADD CONSTRAINT activities_micro_lecture_form CHECK (NOT micro_lecture OR form = 'jiang');
CREATE INDEX activities_micro_lecture_held_idx ON activities (starts_at)
  WHERE micro_lecture AND status IN ('finished', 'archived');
