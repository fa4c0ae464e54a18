-- The apps' database role: voltura_app may read and write rows, nothing more (no DDL, no
-- superuser, no roles, no databases). The owner role (POSTGRES_USER, `voltura`) keeps the schema:
-- it runs the migrations (docker compose run --rm migrate) and the backups.
--
-- Run by initdb/02-app-role.sh (psql variables: app_password, owner, dbname). Idempotent: run it
-- again on an existing volume with
--   docker compose exec postgres sh /docker-entrypoint-initdb.d/02-app-role.sh
\set ON_ERROR_STOP on

SELECT 'CREATE ROLE voltura_app LOGIN' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'voltura_app')
\gexec
ALTER ROLE voltura_app WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT PASSWORD :'app_password';

-- This database only, and no object of its own anywhere.
REVOKE ALL ON DATABASE :"dbname" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"dbname" TO voltura_app;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
CREATE SCHEMA IF NOT EXISTS console AUTHORIZATION :"owner";
CREATE SCHEMA IF NOT EXISTS archive AUTHORIZATION :"owner";

-- The app schemas: Medusa and the plugins in public, the console's sessions in console, rows
-- moved out of the hot tables in archive (its tables are made by the owner's migrations).
GRANT USAGE ON SCHEMA public, console, archive TO voltura_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public, console, archive TO voltura_app;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public, console, archive TO voltura_app;

-- Tables and sequences the owner's migrations create later are usable by the apps too.
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public, console, archive
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO voltura_app;
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public, console, archive
  GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO voltura_app;

-- The audit trail is append-only: its triggers refuse UPDATE / DELETE / TRUNCATE for everyone;
-- the app role does not even hold those rights. Now if the table exists, and whenever a
-- migration creates it later (the default privileges above would grant them).
SELECT 'REVOKE UPDATE, DELETE, TRUNCATE ON public.audit_entry FROM voltura_app' WHERE to_regclass('public.audit_entry') IS NOT NULL
\gexec
-- Its archive is read-only for the apps: rows reach it only through audit_entry_archive(), a
-- SECURITY DEFINER function of the owner that moves whole rows, hashes included.
SELECT 'REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON archive.audit_entry FROM voltura_app' WHERE to_regclass('archive.audit_entry') IS NOT NULL
\gexec

CREATE OR REPLACE FUNCTION public.voltura_app_audit_append_only() RETURNS event_trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF to_regclass('public.audit_entry') IS NOT NULL AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'voltura_app') THEN
    REVOKE UPDATE, DELETE, TRUNCATE ON public.audit_entry FROM voltura_app;
  END IF;
  IF to_regclass('archive.audit_entry') IS NOT NULL AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'voltura_app') THEN
    REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON archive.audit_entry FROM voltura_app;
  END IF;
END
$fn$;
DROP EVENT TRIGGER IF EXISTS voltura_app_audit_append_only;
CREATE EVENT TRIGGER voltura_app_audit_append_only ON ddl_command_end
  WHEN TAG IN ('CREATE TABLE', 'GRANT')
  EXECUTE FUNCTION public.voltura_app_audit_append_only();
