import type { ExecArgs } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { AUDIT_MODULE, type AuditRecorder } from "@voltura/medusa-kit";
import { setupBodySchema } from "@voltura/contracts";
import { generateTemporaryPassword } from "@voltura/plugin-platform/domain/temporary-password";
import { setStaffPasswordWorkflow, setupShopWorkflow, toStaffMember } from "@voltura/plugin-platform/workflows";

/**
 * First-run setup from the command line (`npm run setup`, or the compose service `setup`): the
 * same workflow as the console's /setup page. Reads SETUP_SHOP_NAME, SETUP_SHOP_PHONE,
 * SETUP_SHOP_ADDRESS, SETUP_SHOP_EMAIL (optional), SETUP_OWNER_NAME, SETUP_OWNER_EMAIL and
 * SETUP_OWNER_PASSWORD. Without a password one is made up and printed once, and the owner must
 * choose their own at the first sign-in. Refused (exit 1) once the shop has staff.
 */
export default async function setupShop({ container }: ExecArgs): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  const env = process.env;
  const givenPassword = env.SETUP_OWNER_PASSWORD?.length ? env.SETUP_OWNER_PASSWORD : null;
  const password = givenPassword ?? generateTemporaryPassword();
  const parsed = setupBodySchema.safeParse({
    shop: { name: env.SETUP_SHOP_NAME ?? "", phone: env.SETUP_SHOP_PHONE ?? "", address: env.SETUP_SHOP_ADDRESS ?? "", email: env.SETUP_SHOP_EMAIL || undefined },
    owner: { name: env.SETUP_OWNER_NAME ?? "", email: env.SETUP_OWNER_EMAIL ?? "", password },
  });
  if (!parsed.success) {
    // Name the variable to fix: shop.phone → SETUP_SHOP_PHONE.
    const problems = parsed.error.issues.map((i) => `SETUP_${i.path.map(String).join("_").toUpperCase()}: ${i.message}`);
    throw new Error(`Setup refused: ${problems.join("; ")}`);
  }
  const body = parsed.data;
  const { result, errors } = await setupShopWorkflow(container).run({
    input: { shop: body.shop, owner: body.owner, public_url: env.CONSOLE_URL || null },
    throwOnError: false,
  });
  if (errors.length) throw new Error(`Setup refused: ${(errors[0]!.error as Error).message}`);
  const owner = toStaffMember(result);
  if (!givenPassword) {
    await setStaffPasswordWorkflow(container).run({ input: { user_id: owner.id, email: owner.email, password, must_change: true } });
  }
  if (container.hasRegistration(AUDIT_MODULE)) {
    await container.resolve<AuditRecorder>(AUDIT_MODULE).record({
      action: "setup.completed", entity: "staff", entity_id: owner.id,
      actor_id: owner.id, actor_role: "owner", actor_name: owner.name, ip: null, request_id: null,
      metadata: { shop_name: body.shop.name, owner_email: owner.email, channel: "command line" },
    });
  }
  logger.info(`Shop "${body.shop.name}" is set up; owner ${owner.email} can sign in to the console.`);
  if (!givenPassword) {
    // Printed once, here only: the owner must replace it at the first sign-in.
    process.stdout.write(`\nOne-time password for ${owner.email}: ${password}\nIt must be changed at the first sign-in.\n\n`);
  }
}
