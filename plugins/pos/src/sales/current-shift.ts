import type { MedusaContainer } from "@medusajs/framework/types";
import { posService } from "./context";

/** The register's open shift id, or null (sales and payments are still taken without a shift). */
export async function currentShiftId(container: MedusaContainer, registerId: string): Promise<string | null> {
  const [shift] = await posService(container).listPosShifts({ register_id: registerId, status: "open" }, { select: ["id"], take: 1 });
  return shift?.id ?? null;
}
