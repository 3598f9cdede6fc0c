-- Up Migration
-- Imports compare each row's name only with customers whose name starts with the same word (a
-- "block"), by trigram similarity within it: a whole-table trigram search per row is too slow for
-- files of hundreds of thousands of rows. Names typed in chat or on the web still search the whole
-- table (customers_name_key_trgm).
CREATE INDEX customers_name_block ON customers (split_part(name_key, ' ', 1));

-- Down Migration
DROP INDEX customers_name_block;
