import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { findTechnician, type Technician } from "../../desk/context";

/** The technician chosen for a job (400 when the user is not an active technician), or null. Reads only. */
export const resolveTechnicianStep = createStep("resolve-repair-technician", async (technicianId: string | null | undefined, { container }) => {
  return new StepResponse<Technician | null>(technicianId ? await findTechnician(container, technicianId) : null);
});
