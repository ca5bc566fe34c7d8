-- The progress roll-up's extreme-value keys (held_on:<day>, share:<ratio>:<base>:<votes>) are read as
-- the first or last alive key in index order, so the metric column must sort by bytes on every
-- server, whatever the database's default collation.
ALTER TABLE "congress_rollup" ALTER COLUMN "metric" TYPE text COLLATE "C";
