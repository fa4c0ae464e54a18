import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { releaseReservations, restoreReservations, type HeldReservation } from "./part-stock";

/** Gives reserved parts back to available stock; compensation re-holds them. */
export const releasePartReservationsStep = createStep(
  "release-repair-part-reservations",
  async (held: HeldReservation[], { container }) => {
    await releaseReservations(container, held);
    return new StepResponse(held.length, held);
  },
  async (held, { container }) => {
    if (held?.length) await restoreReservations(container, held);
  },
);
