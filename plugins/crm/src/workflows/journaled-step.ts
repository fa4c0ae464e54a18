import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { CrmJournal, rollBack, type UndoAction } from "./journal";

/**
 * A workflow step whose writes all go through a CrmJournal: when the step fails half way it undoes
 * what it did before rethrowing, and when a later step fails its compensation undoes the rest.
 */
export function journaledStep<I, O>(name: string, work: (input: I, journal: CrmJournal) => Promise<O>) {
  return createStep(
    name,
    async (input: I, { container }) => {
      const journal = new CrmJournal(container);
      try {
        return new StepResponse(await work(input, journal), journal.undo);
      } catch (err) {
        return journal.rollBackAndThrow(err);
      }
    },
    async (undo: UndoAction[] | undefined, { container }) => {
      if (undo?.length) await rollBack(container, undo);
    },
  );
}
