-- Issue 13, point 6: shadow results are caught up after a restart (decisions stored while no event reached an
-- observer) by any instance; one decision has at most one shadow result per draft content.
CREATE UNIQUE INDEX shadow_result_once_idx ON shadow_result (decision_id, candidate_id, candidate_sha256);
CREATE INDEX decision_benefit_created_idx ON decision (benefit, created_at);
