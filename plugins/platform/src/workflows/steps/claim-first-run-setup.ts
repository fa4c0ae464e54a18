import { MedusaError, Modules } from "@medusajs/framework/utils";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { STAFF_ROLES } from "@voltura/domain";
import { STAFF_GUARD_MODULE } from "../../modules/staff-guard";
import type StaffGuardService from "../../modules/staff-guard/service";

/** The message of a setup refused because the shop already has an owner (or a setup under way). */
export const SETUP_ALREADY_DONE = "This shop is already set up. Sign in instead.";

/** Does any user carry a staff role (the demo seed's staff count too)? */
export async function anyStaffExists(users: { listUsers: (f: object, c: object) => Promise<Array<{ metadata?: Record<string, unknown> | null }>> }): Promise<boolean> {
  const all = await users.listUsers({}, { select: ["id", "metadata"] });
  return all.some((u) => (STAFF_ROLES as readonly unknown[]).includes(u.metadata?.role));
}

/**
 * Claims the first-run setup (one row under a primary key: of two concurrent setups exactly one
 * gets it) and checks that no staff exist yet. Compensation gives the claim back.
 */
export const claimFirstRunSetupStep = createStep(
  "claim-first-run-setup",
  async (_input: void, { container }) => {
    const guard = container.resolve<StaffGuardService>(STAFF_GUARD_MODULE);
    if (!(await guard.claimSetup())) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, SETUP_ALREADY_DONE);
    if (await anyStaffExists(container.resolve(Modules.USER))) {
      await guard.releaseSetup();
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, SETUP_ALREADY_DONE);
    }
    return new StepResponse(true, true);
  },
  async (claimed: boolean | undefined, { container }) => {
    if (claimed) await container.resolve<StaffGuardService>(STAFF_GUARD_MODULE).releaseSetup();
  },
);

export const completeFirstRunSetupStep = createStep("complete-first-run-setup", async (ownerId: string, { container }) => {
  await container.resolve<StaffGuardService>(STAFF_GUARD_MODULE).completeSetup(ownerId);
  return new StepResponse(ownerId);
});
