import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { updateStaffUserStep, type UpdateStaffUserInput } from "./steps/update-staff-user";

export const updateStaffMemberWorkflow = createWorkflow("update-staff-member", (input: UpdateStaffUserInput) => {
  return new WorkflowResponse(updateStaffUserStep(input));
});
