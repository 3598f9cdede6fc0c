-- Up Migration
-- What the customers behind an insight are worth, kept on the row so the feed can rank by it
-- without summing customers for every readable insight.
ALTER TABLE insights ADD COLUMN customer_value numeric(16, 2) NOT NULL DEFAULT 0;
UPDATE insights i SET customer_value = v.total
FROM (
  SELECT ic.insight_id, sum(coalesce(c.value, 0)) AS total
  FROM insight_customers ic JOIN customers c ON c.id = ic.customer_id
  GROUP BY ic.insight_id
) v
WHERE v.insight_id = i.id;
CREATE INDEX insights_by_evidence ON insights (evidence_count DESC, created_at DESC, id DESC);
CREATE INDEX insights_by_reactions ON insights (reaction_count DESC, created_at DESC, id DESC);
CREATE INDEX insights_by_customer_value ON insights (customer_value DESC, created_at DESC, id DESC);

-- Down Migration
DROP INDEX insights_by_customer_value;
DROP INDEX insights_by_reactions;
DROP INDEX insights_by_evidence;
ALTER TABLE insights DROP COLUMN customer_value;
