-- Extensions drizzle-kit never writes: ltree for the organisation hierarchy's materialised paths
-- (index-backed subtree queries at national scale), pg_trgm for diacritic-free name search.
CREATE EXTENSION IF NOT EXISTS ltree;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
