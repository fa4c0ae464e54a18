import type { UserDTO } from "@medusajs/framework/types";
import { Modules } from "@medusajs/framework/utils";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import type { StaffRole } from "@voltura/domain";
import { invalidateStaffState } from "@voltura/medusa-kit";
import { splitName } from "../../domain/staff-shape";

export interface UpdateStaffUserInput {
  id: string;
  name?: string;
  role?: StaffRole;
  active?: boolean;
  /** Their console language (they set it themselves). */
  locale?: "en" | "ms";
}

/** Updates a staff member's name, role, active flag or console language, keeping the old record for compensation. */
export const updateStaffUserStep = createStep(
  "update-staff-user",
  async (input: UpdateStaffUserInput, { container }) => {
    const users = container.resolve(Modules.USER);
    const before = await users.retrieveUser(input.id);
    const metadata = { ...(before.metadata ?? {}) };
    if (input.role) metadata.role = input.role;
    if (input.active !== undefined) metadata.active = input.active;
    if (input.locale) metadata.locale = input.locale;
    const updated = await users.updateUsers({
      id: input.id,
      ...(input.name ? splitName(input.name) : {}),
      metadata,
    });
    // Requests in this process see the new role / active flag at once (others within seconds).
    invalidateStaffState(input.id);
    return new StepResponse(updated, before);
  },
  async (before: UserDTO | undefined, { container }) => {
    if (!before) return;
    await container.resolve(Modules.USER).updateUsers({
      id: before.id,
      first_name: before.first_name,
      last_name: before.last_name,
      metadata: before.metadata,
    });
    invalidateStaffState(before.id);
  },
);
