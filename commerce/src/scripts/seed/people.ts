import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";
import { createCustomersWorkflow } from "@medusajs/medusa/core-flows";
import { createStaffMemberWorkflow } from "@voltura/plugin-platform/workflows";
import { normalisePhone } from "@voltura/domain";
import { DEMO_CUSTOMERS, DEMO_PASSWORD, DEMO_STAFF } from "./demo-data";

/** One staff member of each role, all with the demo password. Idempotent by email. */
export async function seedStaff(container: MedusaContainer): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  const users = container.resolve(Modules.USER);
  for (const staff of DEMO_STAFF) {
    const [existing] = await users.listUsers({ email: staff.email });
    if (existing) continue;
    await createStaffMemberWorkflow(container).run({ input: { ...staff, password: DEMO_PASSWORD } });
    logger.info(`Seeded staff ${staff.email} (${staff.role})`);
  }
}

/** Demo customers keyed by E.164 phone. Returns their ids in DEMO_CUSTOMERS order. */
export async function seedCustomers(container: MedusaContainer): Promise<string[]> {
  const customers = container.resolve(Modules.CUSTOMER);
  const ids: string[] = [];
  for (const c of DEMO_CUSTOMERS) {
    const phone = normalisePhone(c.phone);
    const [existing] = await customers.listCustomers({ phone } as Parameters<typeof customers.listCustomers>[0]);
    if (existing) {
      ids.push(existing.id);
      continue;
    }
    const [first, ...rest] = c.name.split(" ");
    const { result } = await createCustomersWorkflow(container).run({
      input: { customersData: [{ first_name: first, last_name: rest.join(" ") || null, phone }] },
    });
    ids.push(result[0]!.id);
  }
  return ids;
}
