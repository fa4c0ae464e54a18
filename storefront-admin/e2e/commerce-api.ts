import { randomInt } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { z } from "zod";
import type { UploadPhotosFields } from "@voltura/contracts";
import type { Actor } from "@voltura/medusa-client";
import { CommerceClient } from "@voltura/medusa-client";
import { demo } from "./helpers";

/**
 * Direct access to the commerce core for test set-up, on the terms commerce gives everyone:
 * tokens name a real, active staff member with their own role (or a `system:*` service), and
 * Medusa's own /admin routes are closed, so set-up goes through the Voltura routes. Data the
 * product refuses to create on purpose (legacy customers whose phones were stored in other
 * formats) is written straight into the stack's database, as a data import would have left it.
 * The JWT secret is the one the stack runs with (the harness passes it; locally .data/secrets.json).
 */
function jwtSecret(): string {
  return (
    process.env.JWT_SECRET ??
    (JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../.data/secrets.json"), "utf8")) as { JWT_SECRET: string }).JWT_SECRET
  );
}

const commerceUrl = () => process.env.MEDUSA_URL ?? "http://127.0.0.1:9000";
const databaseUrl = () => process.env.DATABASE_URL ?? "postgres://voltura:voltura@127.0.0.1:55432/voltura";

/** The e2e set-up as a service: only Voltura routes that admit `system` answer it. */
export function commerceAsSystem(): CommerceClient {
  return new CommerceClient({ baseUrl: commerceUrl(), jwtSecret: jwtSecret(), actor: { id: "system:e2e", role: "system", name: "E2E set-up" } });
}

const staffListSchema = z.object({ staff: z.array(z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.string().nullable() }).passthrough()) });

let demoOwner: Promise<Actor> | undefined;

/** The demo owner's account, found by email through GET /admin/staff (which the console's system actor may read). */
function demoOwnerActor(): Promise<Actor> {
  demoOwner ??= commerceAsSystem()
    .request("GET", `/admin/staff?email=${encodeURIComponent(demo.owner)}`, staffListSchema)
    .then(({ staff }) => {
      const owner = staff.find((s) => s.email === demo.owner && s.role === "owner");
      if (!owner) throw new Error(`No active owner account ${demo.owner} on the stack`);
      return { id: owner.id, role: "owner" as const, name: owner.name };
    })
    .catch((err: unknown) => {
      demoOwner = undefined;
      throw err;
    });
  return demoOwner;
}

/**
 * The commerce API as the demo owner. The owner's id is looked up on the first call, so the client
 * can be made synchronously; every token it mints names that real account.
 */
export function commerceAsOwner(): CommerceClient {
  const actor: Actor = { id: "", role: "owner" };
  const ready = async () => {
    if (!actor.id) Object.assign(actor, await demoOwnerActor());
  };
  class DemoOwnerClient extends CommerceClient {
    override async request<T>(method: string, path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
      await ready();
      return super.request(method, path, schema, body);
    }
    override async uploadRepairJobPhotos(
      id: string,
      files: ReadonlyArray<{ name: string; type: string; data: Blob | Uint8Array }>,
      fields: UploadPhotosFields,
    ) {
      await ready();
      return super.uploadRepairJobPhotos(id, files, fields);
    }
  }
  return new DemoOwnerClient({ baseUrl: commerceUrl(), jwtSecret: jwtSecret(), actor });
}

async function withDatabase<T>(work: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: databaseUrl() });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** An id in Medusa's shape (`cus_` + 26 Crockford base32 characters, time first like a ULID). */
function medusaId(prefix: string): string {
  let time = Date.now();
  let head = "";
  for (let i = 0; i < 10; i++) {
    head = CROCKFORD.charAt(time % 32) + head;
    time = Math.floor(time / 32);
  }
  let tail = "";
  for (let i = 0; i < 16; i++) tail += CROCKFORD.charAt(randomInt(32));
  return `${prefix}_${head}${tail}`;
}

/**
 * A customer as legacy data left it: the phone stored exactly as given (no normalising, no
 * duplicate check, no CRM profile). Voltura's own routes refuse to create one on purpose, and
 * Medusa's /admin/customers is closed to staff, so it goes straight into the customer table.
 * The commerce argument is kept for the callers; the row is the stack's database's.
 */
export async function createLegacyCustomer(_commerce: CommerceClient, firstName: string, lastName: string, phone: string): Promise<string> {
  const id = medusaId("cus");
  await withDatabase((db) =>
    db.query(`INSERT INTO customer (id, first_name, last_name, phone, has_account, created_by) VALUES ($1, $2, $3, $4, false, NULL)`, [
      id,
      firstName,
      lastName,
      phone,
    ]),
  );
  return id;
}

/** Removes a test customer the way Medusa deletes one (soft delete); already gone is fine. */
export async function deleteCustomer(_commerce: CommerceClient, id: string): Promise<void> {
  await withDatabase((db) => db.query(`UPDATE customer SET deleted_at = now(), updated_at = now() WHERE id = $1 AND deleted_at IS NULL`, [id]));
}
