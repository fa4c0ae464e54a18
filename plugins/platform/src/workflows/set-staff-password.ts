import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { setMustChangePasswordStep } from "./steps/set-must-change-password";
import { setPasswordIdentityStep } from "./steps/set-password-identity";

export interface SetStaffPasswordInput {
  user_id: string;
  email: string;
  password: string;
  /** true after an owner's reset (a temporary password); false when the staff member chose it. */
  must_change: boolean;
}

/** A staff member's new password, and whether they must replace it at their next sign-in. */
export const setStaffPasswordWorkflow = createWorkflow("set-staff-password", (input: SetStaffPasswordInput) => {
  setPasswordIdentityStep({ email: input.email, password: input.password });
  const user = setMustChangePasswordStep({ user_id: input.user_id, must_change: input.must_change });
  return new WorkflowResponse(user);
});
