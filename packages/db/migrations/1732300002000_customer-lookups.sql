-- Up Migration
-- "Everything we heard from this customer" starts from the customer, as evidence or as subject.
CREATE INDEX evidence_customer ON evidence (customer_id);

-- Down Migration
DROP INDEX evidence_customer;
