import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows";
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import type { StaffRole } from "@voltura/domain";
import { splitName } from "../domain/staff-shape";
import { registerPasswordIdentityStep } from "./steps/register-password-identity";

export interface CreateStaffMemberInput {
  email: string;
  name: string;
  role: StaffRole;
  password: string;
}

export const createStaffMemberWorkflow = createWorkflow("create-staff-member", (input: CreateStaffMemberInput) => {
  const authIdentityId = registerPasswordIdentityStep({ email: input.email, password: input.password });
  const accountInput = transform({ input, authIdentityId }, ({ input, authIdentityId }) => ({
    authIdentityId,
    userData: { email: input.email, ...splitName(input.name), metadata: { role: input.role, active: true } },
  }));
  const user = createUserAccountWorkflow.runAsStep({ input: accountInput });
  return new WorkflowResponse(user);
});
