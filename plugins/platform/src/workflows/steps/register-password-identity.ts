import { MedusaError, Modules } from "@medusajs/framework/utils";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";

export interface RegisterPasswordIdentityInput {
  email: string;
  password: string;
}

/** Creates the email + password identity (Medusa's emailpass provider hashes the password). */
export const registerPasswordIdentityStep = createStep(
  "register-password-identity",
  async (input: RegisterPasswordIdentityInput, { container }) => {
    const auth = container.resolve(Modules.AUTH);
    const result = await auth.register("emailpass", { body: { email: input.email, password: input.password } });
    if (!result.success || !result.authIdentity) {
      const message = result.error ?? "could not register the sign-in";
      const exists = /exist/i.test(message);
      throw new MedusaError(exists ? MedusaError.Types.CONFLICT : MedusaError.Types.INVALID_DATA,
        exists ? `A staff member with email ${input.email} already exists` : message);
    }
    return new StepResponse(result.authIdentity.id, result.authIdentity.id);
  },
  async (authIdentityId, { container }) => {
    if (!authIdentityId) return;
    await container.resolve(Modules.AUTH).deleteAuthIdentities([authIdentityId]);
  },
);
