import type { MedusaContainer } from "@medusajs/framework/types";
import { Modules } from "@medusajs/framework/utils";
import { mintMedusaToken } from "@voltura/medusa-client";
import type { AnyRole } from "@voltura/domain";

export const JWT_SECRET = process.env.JWT_SECRET ?? "integration-test-secret-0123456789";

export async function authHeaders(id: string, role: AnyRole) {
  const token = await mintMedusaToken({ id, role, name: `Test ${role}` }, JWT_SECRET);
  return { headers: { authorization: `Bearer ${token}` } };
}

/** A Medusa user carrying a staff role, as the platform plugin stores it. */
export async function createStaffUser(container: MedusaContainer, role: AnyRole, email = `${role}-${Date.now()}@test.local`) {
  const users = container.resolve(Modules.USER);
  return users.createUsers({ email, first_name: "Test", last_name: role, metadata: { role, active: true } });
}

/** The request headers of a staff member, as the API's tests send them. */
export type StaffHeaders = Awaited<ReturnType<typeof authHeaders>>;

/** A new staff user with `role` and the headers it signs in with. */
export async function newStaffHeaders(container: MedusaContainer, role: AnyRole): Promise<StaffHeaders> {
  return authHeaders((await createStaffUser(container, role)).id, role);
}

export const jobBody = (overrides: Record<string, unknown> = {}) => ({
  customer: { name: "Aisyah Rahman", phone: "012-345 6789" },
  device_type: "phone",
  brand: "Apple",
  model: "iPhone 13",
  issue: "Screen cracked",
  ...overrides,
});

/** The app's knex connection as suites use it: raw SQL, each row typed as its SELECT lists it. */
export type Pg = { raw<Row = Record<string, unknown>>(sql: string, bindings?: unknown[]): Promise<{ rows: Row[] }> };

/** axios rejects on 4xx; tests want the response either way. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
export async function settle(p: Promise<{ status: number; data: unknown }>): Promise<{ status: number; data: any }> {
  try {
    const r = await p;
    return { status: r.status, data: r.data };
  } catch (err) {
    const r = (err as { response?: { status: number; data: unknown } }).response;
    if (!r) throw err;
    return { status: r.status, data: r.data };
  }
}
