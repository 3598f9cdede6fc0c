-- Up Migration
-- The end of the last period built for each subscription, kept on the row so the minute-by-minute
-- tick reads the subscriptions alone instead of grouping every digest ever built.
ALTER TABLE subscriptions ADD COLUMN last_period_end timestamptz;
UPDATE subscriptions s SET last_period_end = d.last_end
FROM (SELECT subscription_id, max(period_end) AS last_end FROM digests GROUP BY subscription_id) d
WHERE d.subscription_id = s.id;

-- Down Migration
ALTER TABLE subscriptions DROP COLUMN last_period_end;
