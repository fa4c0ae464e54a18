import { MedusaError } from "@medusajs/framework/utils";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { customerName } from "../../domain/customer-state";
import { findCustomerByEmail, findCustomerByNormalisedPhone } from "./customer-lookup";

export interface AssertCustomerAvailableInput {
  /** E.164 */
  phone?: string;
  email?: string | null;
  /** The customer being changed, who may keep their own phone and email. */
  except_id?: string;
}

/**
 * Refuses a phone (compared normalised) or email that another customer has. The routes check
 * first to answer with the customer's details; this step repeats it under the lock.
 */
export const assertCustomerAvailableStep = createStep(
  "assert-crm-customer-available",
  async (input: AssertCustomerAvailableInput, { container }) => {
    if (input.phone) {
      const other = await findCustomerByNormalisedPhone(container, input.phone, input.except_id);
      if (other) throw new MedusaError(MedusaError.Types.CONFLICT, `Phone ${input.phone} already belongs to ${customerName(other)} (${other.id})`);
    }
    if (input.email) {
      const other = await findCustomerByEmail(container, input.email, input.except_id);
      if (other) throw new MedusaError(MedusaError.Types.CONFLICT, `Email ${input.email} already belongs to ${customerName(other)} (${other.id})`);
    }
    return new StepResponse(true);
  },
);
