import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { CommerceClient } from "@voltura/medusa-client";

/**
 * Direct access to the commerce core for test set-up the console cannot do on purpose, e.g.
 * legacy customers whose phones were stored in different formats. Uses the JWT secret the
 * stack runs with (the test harness passes it; locally it is in .data/secrets.json).
 */
export function commerceAsOwner(): CommerceClient {
  const secret =
    process.env.JWT_SECRET ??
    (JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../.data/secrets.json"), "utf8")) as { JWT_SECRET: string }).JWT_SECRET;
  return new CommerceClient({
    baseUrl: process.env.MEDUSA_URL ?? "http://127.0.0.1:9000",
    jwtSecret: secret,
    actor: { id: "e2e-setup", role: "owner", name: "E2E set-up" },
  });
}

/** A customer created through Medusa's own route: the phone is stored exactly as given (no normalising). */
export async function createLegacyCustomer(commerce: CommerceClient, firstName: string, lastName: string, phone: string): Promise<string> {
  const answer = await commerce.request("POST", "/admin/customers", z.object({ customer: z.object({ id: z.string() }) }), {
    first_name: firstName,
    last_name: lastName,
    phone,
  });
  return answer.customer.id;
}

export async function deleteCustomer(commerce: CommerceClient, id: string): Promise<void> {
  await commerce.request("DELETE", `/admin/customers/${encodeURIComponent(id)}`, z.unknown()).catch(() => undefined);
}
