import { rows, type Sql } from "@voltura/medusa-kit";
import { tableExists } from "./tables";

/** One customer and the ids of what belongs to them, in the hot tables and the archive. */
export interface CustomerScope {
  customerId: string;
  phone: string | null;
  email: string | null;
  name: string;
  profileIds: string[];
  deviceIds: string[];
  jobIds: string[];
  saleIds: string[];
}

const ids = (found: Array<Record<string, unknown>>, column = "id") => [...new Set(found.map((r) => String(r[column])))];

async function linked(db: Sql, linkTable: string, column: string, customerId: string): Promise<string[]> {
  if (!(await tableExists(db, `public.${linkTable}`))) return [];
  return ids(await rows(db, `SELECT ${column} FROM public.${linkTable} WHERE customer_id = ? AND deleted_at IS NULL`, [customerId]), column);
}

/** Reads `SELECT id FROM <schema>.<table> WHERE …` in both schemas (the archive when it exists). */
export async function idsInBothSchemas(db: Sql, table: string, where: string, bindings: unknown[]): Promise<string[]> {
  const out: string[] = [];
  for (const schema of ["public", "archive"]) {
    if (!(await tableExists(db, `${schema}.${table}`))) continue;
    out.push(...ids(await rows(db, `SELECT id FROM ${schema}.${table} WHERE ${where}`, bindings)));
  }
  return [...new Set(out)];
}

/** Null when the customer does not exist (a soft-deleted one is still found: its rows are still held). */
export async function customerScope(db: Sql, customerId: string): Promise<CustomerScope | null> {
  const [customer] = await rows(db, `SELECT id, first_name, last_name, email, phone FROM public.customer WHERE id = ?`, [customerId]);
  if (!customer) return null;
  const phone = (customer.phone as string | null) || null;
  const linkedJobs = await linked(db, "customer_customer_repair_repair_job", "repair_job_id", customerId);
  const jobsByPhone = phone ? await idsInBothSchemas(db, "repair_job", "customer_phone = ?", [phone]) : [];
  const sales = await idsInBothSchemas(db, "pos_sale", "customer_id = ? OR (customer_phone IS NOT NULL AND customer_phone = ?)", [customerId, phone]);
  return {
    customerId,
    phone,
    email: (customer.email as string | null) || null,
    name: [customer.first_name, customer.last_name].filter(Boolean).join(" "),
    profileIds: await linked(db, "customer_customer_crm_customer_profile", "customer_profile_id", customerId),
    deviceIds: await linked(db, "customer_customer_crm_device", "device_id", customerId),
    jobIds: [...new Set([...linkedJobs, ...jobsByPhone])],
    saleIds: sales,
  };
}
