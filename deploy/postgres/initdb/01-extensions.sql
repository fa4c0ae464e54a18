-- Runs once, when the postgres volume is first initialised, in the voltura database
-- (as scripts/lib/services.mjs does for a local cluster).
CREATE EXTENSION IF NOT EXISTS vector;
