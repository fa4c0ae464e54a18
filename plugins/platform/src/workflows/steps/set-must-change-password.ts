import { Modules } from "@medusajs/framework/utils";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";

export interface SetMustChangePasswordInput {
  user_id: string;
  must_change: boolean;
}

/** Sets or clears `metadata.must_change_password` (the console sends its holder to change it first). */
export const setMustChangePasswordStep = createStep(
  "set-must-change-password",
  async (input: SetMustChangePasswordInput, { container }) => {
    const users = container.resolve(Modules.USER);
    const before = await users.retrieveUser(input.user_id);
    // Medusa merges metadata on update (a missing key stays), so the flag is set to false, not removed.
    const metadata = { ...(before.metadata ?? {}), must_change_password: input.must_change };
    const updated = await users.updateUsers({ id: input.user_id, metadata });
    return new StepResponse(updated, { id: before.id, metadata: before.metadata ?? {} });
  },
  async (before: { id: string; metadata: Record<string, unknown> } | undefined, { container }) => {
    if (before) await container.resolve(Modules.USER).updateUsers({ id: before.id, metadata: before.metadata });
  },
);
