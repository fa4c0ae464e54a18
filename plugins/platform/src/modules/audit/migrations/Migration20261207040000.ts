import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * The audit trail becomes tamper-evident: a hash chain in seq order, kept by the database.
 *
 * - Every insert takes one advisory lock (AUDIT_CHAIN_LOCK), so rows are chained one at a time in
 *   commit order: seq comes from the sequence inside the lock, prev_hash is the newest row's
 *   row_hash, row_hash = sha256(prev_hash || '|' || canonical text). The canonical text is defined
 *   once in @voltura/domain (audit-chain.ts); audit_entry_canonical below is its SQL twin.
 *   Values the inserter passes for seq / prev_hash / row_hash are overwritten.
 * - Rows older than the hot period move to archive.audit_entry (same columns and hashes) through
 *   audit_entry_archive(); the chain is checked across both in seq order. DELETE on the hot table
 *   is allowed only there: with `voltura.audit_archiving` on for the transaction, and only for a
 *   row whose identical copy (id, seq, row_hash) is already in the archive, which itself refuses
 *   every UPDATE, DELETE and TRUNCATE. So a row can change tables but never leave the trail.
 * - Existing rows are chained here, oldest first.
 */
const AUDIT_CHAIN_LOCK = 7_310_413_020_001;
const BACKSLASH = "chr(92)";
const GENESIS = `repeat('0', 64)`;

const field = (expr: string) =>
  `coalesce(replace(replace(${expr}, ${BACKSLASH}, ${BACKSLASH} || ${BACKSLASH}), '|', ${BACKSLASH} || '|'), ${BACKSLASH} || 'N')`;

const CANONICAL_ARGS = `p_id text, p_seq bigint, p_occurred_at timestamptz, p_actor_id text, p_actor_role text, p_actor_name text,
  p_action text, p_entity text, p_entity_id text, p_changes jsonb, p_metadata jsonb, p_request_id text, p_ip text`;

const canonicalBody = [
  "p_id", "p_seq::text", `to_char(p_occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, "p_actor_id", "p_actor_role",
  "p_actor_name", "p_action", "p_entity", "p_entity_id", "p_changes::text", "p_metadata::text", "p_request_id", "p_ip",
].map(field).join(" || '|' || ");

const canonicalOf = (r: string, seq: string) =>
  `public.audit_entry_canonical(${r}.id, ${seq}, ${r}.occurred_at, ${r}.actor_id, ${r}.actor_role, ${r}.actor_name, ${r}.action, ${r}.entity, ${r}.entity_id, ${r}.changes, ${r}.metadata, ${r}.request_id, ${r}.ip)`;

const hashOf = (prev: string, canonical: string) => `encode(sha256(convert_to(${prev} || '|' || ${canonical}, 'UTF8')), 'hex')`;

export class Migration20261207040000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`ALTER TABLE "audit_entry" ADD COLUMN IF NOT EXISTS "seq" bigint NULL, ADD COLUMN IF NOT EXISTS "prev_hash" text NULL, ADD COLUMN IF NOT EXISTS "row_hash" text NULL;`);
    this.addSql(`CREATE SEQUENCE IF NOT EXISTS "audit_entry_seq_seq" AS bigint OWNED BY "audit_entry"."seq";`);

    this.addSql(`CREATE OR REPLACE FUNCTION public.audit_entry_canonical(${CANONICAL_ARGS}) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT ${canonicalBody}
$$;`);

    // Chain the rows that exist, oldest first (UPDATE is refused by the append-only trigger: off for this).
    this.addSql(`ALTER TABLE "audit_entry" DISABLE TRIGGER "audit_entry_append_only";`);
    this.addSql(`DO $$
DECLARE
  r public.audit_entry%ROWTYPE;
  prev text := ${GENESIS};
  next_seq bigint;
  hash text;
BEGIN
  FOR r IN SELECT * FROM public.audit_entry WHERE seq IS NULL ORDER BY occurred_at, created_at, id LOOP
    next_seq := nextval('public.audit_entry_seq_seq');
    hash := ${hashOf("prev", canonicalOf("r", "next_seq"))};
    UPDATE public.audit_entry SET seq = next_seq, prev_hash = prev, row_hash = hash WHERE id = r.id;
    prev := hash;
  END LOOP;
END
$$;`);
    this.addSql(`ALTER TABLE "audit_entry" ENABLE TRIGGER "audit_entry_append_only";`);
    this.addSql(`ALTER TABLE "audit_entry" ALTER COLUMN "seq" SET NOT NULL, ALTER COLUMN "prev_hash" SET NOT NULL, ALTER COLUMN "row_hash" SET NOT NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_audit_entry_seq" ON "audit_entry" ("seq");`);

    this.addSql(`CREATE SCHEMA IF NOT EXISTS archive;`);
    this.addSql(`CREATE TABLE IF NOT EXISTS archive.audit_entry (LIKE public.audit_entry);`);
    this.addSql(`ALTER TABLE archive.audit_entry ADD COLUMN IF NOT EXISTS archived_at timestamptz NOT NULL DEFAULT now();`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "archive_audit_entry_pkey" ON archive.audit_entry (id);`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "archive_audit_entry_seq" ON archive.audit_entry (seq);`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "archive_audit_entry_occurred_at" ON archive.audit_entry (occurred_at, id);`);
    this.addSql(`CREATE OR REPLACE FUNCTION archive.audit_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'archive.audit_entry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;`);
    this.addSql(`DROP TRIGGER IF EXISTS "audit_entry_append_only" ON archive.audit_entry;`);
    this.addSql(`CREATE TRIGGER "audit_entry_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON archive.audit_entry FOR EACH STATEMENT EXECUTE FUNCTION archive.audit_entry_refuse_change();`);

    // The apps' role (compose: voltura_app) reads the archive for the chain check; it never writes it.
    this.addSql(`DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'voltura_app') THEN
    GRANT USAGE ON SCHEMA archive TO voltura_app;
    GRANT SELECT ON archive.audit_entry TO voltura_app;
    REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON archive.audit_entry FROM voltura_app;
  END IF;
END
$$;`);

    // Appending: one row at a time in lock order. Only READ COMMITTED sees the newest committed
    // row after the lock; a REPEATABLE READ snapshot could miss it and fork the chain, so it is refused.
    this.addSql(`CREATE OR REPLACE FUNCTION public.audit_entry_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last_hash text;
BEGIN
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'audit_entry rows are appended in READ COMMITTED transactions (this one is %)', current_setting('transaction_isolation')
      USING ERRCODE = 'serialization_failure';
  END IF;
  PERFORM pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK});
  SELECT h.row_hash INTO last_hash FROM public.audit_entry h ORDER BY h.seq DESC LIMIT 1;
  IF NOT FOUND THEN
    SELECT a.row_hash INTO last_hash FROM archive.audit_entry a ORDER BY a.seq DESC LIMIT 1;
  END IF;
  NEW.seq := nextval('public.audit_entry_seq_seq');
  NEW.prev_hash := coalesce(last_hash, ${GENESIS});
  NEW.row_hash := ${hashOf("NEW.prev_hash", canonicalOf("NEW", "NEW.seq"))};
  RETURN NEW;
END
$$;`);
    this.addSql(`DROP TRIGGER IF EXISTS "audit_entry_chain" ON "audit_entry";`);
    this.addSql(`CREATE TRIGGER "audit_entry_chain" BEFORE INSERT ON "audit_entry" FOR EACH ROW EXECUTE FUNCTION public.audit_entry_chain();`);

    // DELETE only while archiving, and only of rows already copied, hashes and all.
    this.addSql(`CREATE OR REPLACE FUNCTION "audit_entry_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('voltura.audit_archiving', true) = 'on' THEN
    RETURN NULL;
  END IF;
  RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;`);
    this.addSql(`CREATE OR REPLACE FUNCTION public.audit_entry_archived_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM archive.audit_entry a WHERE a.id = OLD.id AND a.seq = OLD.seq AND a.row_hash = OLD.row_hash) THEN
    RAISE EXCEPTION 'audit_entry is append-only: row % may leave the hot table only once archived', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN OLD;
END
$$;`);
    this.addSql(`DROP TRIGGER IF EXISTS "audit_entry_archived_only" ON "audit_entry";`);
    this.addSql(`CREATE TRIGGER "audit_entry_archived_only" BEFORE DELETE ON "audit_entry" FOR EACH ROW EXECUTE FUNCTION public.audit_entry_archived_only();`);

    // audit_hot_years: how long rows stay in the hot table (one row; GET|PUT /admin/audit/settings).
    this.addSql(`CREATE TABLE IF NOT EXISTS "audit_settings" ("id" text NOT NULL DEFAULT 'shop' CHECK ("id" = 'shop'), "hot_years" integer NOT NULL DEFAULT 2 CHECK ("hot_years" BETWEEN 1 AND 50), "updated_by" text NULL, "updated_at" timestamptz NOT NULL DEFAULT now(), CONSTRAINT "audit_settings_pkey" PRIMARY KEY ("id"));`);
    this.addSql(`INSERT INTO "audit_settings" ("id") VALUES ('shop') ON CONFLICT ("id") DO NOTHING;`);

    // The move: the oldest rows by seq, as long as each occurred before the cutoff (the hot table
    // stays the chain's tail), at most max_rows per call, under the chain's lock. SECURITY DEFINER:
    // the apps' role holds no DELETE on the trail, and moving old rows loses nothing.
    this.addSql(`CREATE OR REPLACE FUNCTION public.audit_entry_archive(cutoff timestamptz, max_rows integer)
RETURNS TABLE (moved integer, first_seq bigint, last_seq bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  boundary bigint;
BEGIN
  IF cutoff > now() - interval '1 year' THEN
    RAISE EXCEPTION 'audit rows stay hot for at least a year (cutoff %)', cutoff USING ERRCODE = 'invalid_parameter_value';
  END IF;
  PERFORM pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK});
  PERFORM set_config('voltura.audit_archiving', 'on', true);
  SELECT min(p.seq) INTO boundary FROM (SELECT h.seq, h.occurred_at FROM public.audit_entry h ORDER BY h.seq LIMIT max_rows + 1) p
   WHERE p.occurred_at >= cutoff;
  WITH copied AS (
    INSERT INTO archive.audit_entry (id, occurred_at, actor_id, actor_role, actor_name, action, entity, entity_id, changes, metadata,
        request_id, ip, created_at, updated_at, deleted_at, seq, prev_hash, row_hash)
      SELECT h.id, h.occurred_at, h.actor_id, h.actor_role, h.actor_name, h.action, h.entity, h.entity_id, h.changes, h.metadata,
        h.request_id, h.ip, h.created_at, h.updated_at, h.deleted_at, h.seq, h.prev_hash, h.row_hash
        FROM (SELECT * FROM public.audit_entry ORDER BY seq LIMIT max_rows) h
       WHERE h.occurred_at < cutoff AND (boundary IS NULL OR h.seq < boundary)
    RETURNING archive.audit_entry.seq
  )
  SELECT count(*)::integer, min(c.seq), max(c.seq) INTO moved, first_seq, last_seq FROM copied c;
  IF moved = 0 THEN
    PERFORM set_config('voltura.audit_archiving', 'off', true);
    RETURN QUERY SELECT 0, NULL::bigint, NULL::bigint;
    RETURN;
  END IF;
  DELETE FROM public.audit_entry h WHERE h.seq BETWEEN first_seq AND last_seq;
  PERFORM set_config('voltura.audit_archiving', 'off', true);
  RETURN QUERY SELECT moved, first_seq, last_seq;
END
$$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`DROP TABLE IF EXISTS "audit_settings";`);
    this.addSql(`DROP FUNCTION IF EXISTS public.audit_entry_archive(timestamptz, integer);`);
    this.addSql(`DROP TRIGGER IF EXISTS "audit_entry_archived_only" ON "audit_entry";`);
    this.addSql(`DROP TRIGGER IF EXISTS "audit_entry_chain" ON "audit_entry";`);
    this.addSql(`DROP FUNCTION IF EXISTS public.audit_entry_archived_only();`);
    this.addSql(`DROP FUNCTION IF EXISTS public.audit_entry_chain();`);
    this.addSql(`CREATE OR REPLACE FUNCTION "audit_entry_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;`);
    this.addSql(`DROP INDEX IF EXISTS "IDX_audit_entry_seq";`);
    this.addSql(`ALTER TABLE "audit_entry" DROP COLUMN IF EXISTS "seq", DROP COLUMN IF EXISTS "prev_hash", DROP COLUMN IF EXISTS "row_hash";`);
    this.addSql(`DROP FUNCTION IF EXISTS public.audit_entry_canonical(text, bigint, timestamptz, text, text, text, text, text, text, jsonb, jsonb, text, text);`);
  }
}
