import { MedusaError, Modules } from "@medusajs/framework/utils";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";

export interface SetPasswordIdentityInput {
  email: string;
  password: string;
}

interface PreviousIdentity {
  id: string;
  provider_metadata: Record<string, unknown> | null;
}

/**
 * Replaces the password of the email + password identity (Medusa's emailpass provider hashes it).
 * Compensation puts the previous hash back.
 */
export const setPasswordIdentityStep = createStep(
  "set-password-identity",
  async (input: SetPasswordIdentityInput, { container }) => {
    const auth = container.resolve(Modules.AUTH);
    const [identity] = await auth.listProviderIdentities({ entity_id: input.email, provider: "emailpass" });
    if (!identity) throw new MedusaError(MedusaError.Types.NOT_FOUND, `${input.email} has no password sign-in`);
    const previous: PreviousIdentity = { id: identity.id, provider_metadata: (identity.provider_metadata ?? null) as Record<string, unknown> | null };
    const result = await auth.updateProvider("emailpass", { entity_id: input.email, password: input.password });
    if (!result.success) throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, result.error ?? "could not set the password");
    return new StepResponse(undefined, previous);
  },
  async (previous: PreviousIdentity | undefined, { container }) => {
    if (!previous) return;
    await container.resolve(Modules.AUTH).updateProviderIdentities({ id: previous.id, provider_metadata: previous.provider_metadata ?? undefined });
  },
);
