import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { deleteReservations, reservePart, type HeldReservation, type PartReservationRequest } from "./part-stock";

/** Reserves a part at the Shop location (409 with the available quantity when short); compensation deletes it. */
export const reservePartStockStep = createStep(
  "reserve-repair-part-stock",
  async (request: PartReservationRequest | null, { container }) => {
    if (!request) return new StepResponse<HeldReservation | null>(null, null);
    const held = await reservePart(container, request);
    return new StepResponse<HeldReservation | null>(held, held);
  },
  async (held, { container }) => {
    if (held) await deleteReservations(container, [held]);
  },
);
