import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { warrantyEndsAt } from "@voltura/domain";
import { billingService } from "../../billing/load-billing";
import type { PickupPlan } from "./prepare-pickup";

/** One warranty per covered line, from delivery for warranty_days; compensation deletes them. */
export const startRepairWarrantiesStep = createStep(
  "start-repair-warranties",
  async (plan: PickupPlan, { container }) => {
    if (!plan.warranties.length) return new StepResponse([] as string[], [] as string[]);
    const startsAt = new Date();
    const created = await billingService(container).createRepairWarranties(
      plan.warranties.map((w) => ({
        repair_job_id: plan.job_id, job_number: plan.job_number, repair_line_id: w.repair_line_id, title: w.title, device: plan.device,
        customer_phone: plan.customer_phone, imei_serial: plan.imei_serial, warranty_days: w.warranty_days,
        starts_at: startsAt, ends_at: warrantyEndsAt(startsAt, w.warranty_days),
      })),
    );
    const ids = created.map((w) => w.id);
    return new StepResponse(ids, ids);
  },
  async (ids, { container }) => {
    if (ids?.length) await billingService(container).deleteRepairWarranties(ids);
  },
);
