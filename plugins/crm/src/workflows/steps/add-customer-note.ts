import { withCustomerLock } from "../customer-state";
import { journaledStep } from "../journaled-step";
import { ensureProfile } from "./ensure-profile";

export interface AddCustomerNoteInput {
  customer_id: string;
  body: string;
  author: string;
}

/** Appends a note to the customer's history (creating the profile when missing). */
export const addCustomerNoteStep = journaledStep("add-crm-customer-note", (input: AddCustomerNoteInput, journal) =>
  withCustomerLock(journal.container, input.customer_id, async () => {
    const profile = await ensureProfile(journal, input.customer_id);
    const note = await journal.createNote(profile.id, input.body, input.author);
    return { id: note.id, body: note.body, author: note.author, created_at: note.created_at as Date | string };
  }),
);
