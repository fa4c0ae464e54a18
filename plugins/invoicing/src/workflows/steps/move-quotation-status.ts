import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { allowedQuotationMoves, canMoveQuotation, type QuotationStatus } from "../../domain/status";
import { invoicingConflict, invoicingService, notFound } from "./context";

export interface MoveQuotationStatusInput {
  id: string;
  to: QuotationStatus;
}

/**
 * Moves a quotation to a new status if the move is allowed from where it is, with a conditional
 * update so concurrent moves cannot both win. Compensation moves it back.
 */
export const moveQuotationStatusStep = createStep(
  "move-quotation-status",
  async (input: MoveQuotationStatusInput, { container }) => {
    const service = invoicingService(container);
    const [current] = await service.listQuotations({ id: input.id });
    if (!current) throw notFound("Quotation", input.id);
    if (!canMoveQuotation(current.status, input.to)) {
      throw invoicingConflict("status", `Quotation ${current.quotation_number} is ${current.status}; it can go to: ${allowedQuotationMoves(current.status).join(", ") || "nothing"}`, {
        status: current.status, allowed: allowedQuotationMoves(current.status),
      });
    }
    const now = new Date();
    const moved = await service.moveQuotationStatus(current.id, [current.status], input.to, {
      sent_at: input.to === "sent" ? now : null,
      decided_at: ["accepted", "declined"].includes(input.to) ? now : null,
    });
    if (!moved) throw invoicingConflict("status", `Quotation ${current.quotation_number} changed meanwhile; reload and try again`);
    const [updated] = await service.listQuotations({ id: current.id });
    return new StepResponse({ quotation: updated!, previous: current.status }, {
      id: current.id, from: input.to, back: current.status, sent_at: current.sent_at, decided_at: current.decided_at,
    });
  },
  async (undo, { container }) => {
    if (!undo) return;
    await invoicingService(container).updateQuotations({
      id: undo.id, status: undo.back, sent_at: undo.sent_at, decided_at: undo.decided_at,
    });
  },
);
