import type { MedusaContainer } from "@medusajs/framework/types";
import { MedusaError, Modules } from "@medusajs/framework/utils";
import { REPAIR_MODULE } from "../../modules/repair/index";
import type RepairModuleService from "../../modules/repair/service";
import type { RepairJobRecord } from "../../modules/repair/types";

export function repairService(container: MedusaContainer): RepairModuleService {
  return container.resolve<RepairModuleService>(REPAIR_MODULE);
}

/** The job, or a 404 naming it. */
export async function retrieveJobOr404(container: MedusaContainer, id: string): Promise<RepairJobRecord> {
  const job = await repairService(container).retrieveRepairJob(id).catch(() => null);
  if (!job) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Repair job ${id} was not found`);
  return job;
}

export interface Technician {
  id: string;
  name: string;
}

/**
 * The staff member behind `technician_id`, who must be an active user with the technician role
 * (read from the user module, as the platform plugin stores roles). 400 naming the field otherwise.
 */
export async function findTechnician(container: MedusaContainer, id: string): Promise<Technician> {
  const users = container.resolve(Modules.USER);
  const [user] = await users.listUsers({ id }, { take: 1 });
  if (!user) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: technician_id: no staff member with id ${id}`);
  const meta = (user.metadata ?? {}) as { role?: unknown; active?: unknown };
  if (meta.role !== "technician") {
    const role = typeof meta.role === "string" ? meta.role : "no role";
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: technician_id: ${user.email} is not a technician (${role})`);
  }
  if (meta.active === false) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: technician_id: ${user.email} is deactivated`);
  }
  return { id: user.id, name: [user.first_name, user.last_name].filter(Boolean).join(" ") || user.email };
}
