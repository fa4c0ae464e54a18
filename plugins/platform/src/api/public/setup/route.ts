import { timingSafeEqual } from "node:crypto";
import { MedusaError, Modules } from "@medusajs/framework/utils";
import { setupBodySchema } from "@voltura/contracts";
import { parseOrThrow, publicRoute, recordAudit } from "@voltura/medusa-kit";
import { STAFF_GUARD_MODULE } from "../../../modules/staff-guard";
import type StaffGuardService from "../../../modules/staff-guard/service";
import { anyStaffExists, SETUP_ALREADY_DONE } from "../../../workflows/steps/claim-first-run-setup";
import { setupShopWorkflow } from "../../../workflows/setup-shop";
import { toStaffMember } from "../../../domain/staff-shape";

/** With SETUP_TOKEN set, the setup also asks for it (for a shop reachable from the internet before it is set up). */
function setupTokenMatches(given: string | undefined): boolean {
  const expected = process.env.SETUP_TOKEN?.trim();
  if (!expected) return true;
  const a = Buffer.from(given ?? "");
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function setupNeeded(scope: { resolve: <T>(key: string) => T }): Promise<boolean> {
  const guard = scope.resolve<StaffGuardService>(STAFF_GUARD_MODULE);
  if (await guard.setupClaimed()) return false;
  return !(await anyStaffExists(scope.resolve(Modules.USER)));
}

/** Is the first-run setup still to be done? (No staff yet and no setup ever claimed.) */
export const GET = publicRoute(async (req, res) => {
  res.json({ needed: await setupNeeded(req.scope), token_required: Boolean(process.env.SETUP_TOKEN?.trim()) });
});

/**
 * Creates the shop and its first owner. Works only while no staff exist: afterwards, and for the
 * second of two concurrent calls, it answers 409. Audited as setup.completed.
 */
export const POST = publicRoute(async (req, res) => {
  const body = parseOrThrow(setupBodySchema, req.body);
  if (!setupTokenMatches(body.setup_token)) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "setup_token: the setup code is wrong");
  const { result, errors } = await setupShopWorkflow(req.scope).run({
    input: { shop: body.shop, owner: body.owner, public_url: process.env.CONSOLE_URL || null },
    throwOnError: false,
  });
  if (errors.length) {
    const error = errors[0]!.error as { message?: string; type?: string };
    if (error.message === SETUP_ALREADY_DONE) {
      res.status(409).json({ type: "conflict", message: SETUP_ALREADY_DONE });
      return;
    }
    throw errors[0]!.error;
  }
  const owner = toStaffMember(result);
  await recordAudit(req, {
    action: "setup.completed", entity: "staff", entity_id: owner.id,
    actor_id: owner.id, actor_role: "owner", actor_name: owner.name,
    metadata: { shop_name: body.shop.name, owner_email: owner.email, channel: "web" },
  });
  res.status(201).json({ staff: { id: owner.id, email: owner.email, name: owner.name, role: owner.role } });
});
