import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { CRM_MODULE, type CrmModuleService } from "../../modules/crm";

export interface CreateCustomerNoteInput {
  profile_id: string;
  body: string;
  author: string;
}

export interface CustomerNoteView {
  id: string;
  body: string;
  author: string;
  created_at: Date | string;
}

/** Appends a note to a profile; the compensation deletes it again. */
export const createCustomerNoteStep = createStep(
  "create-crm-customer-note",
  async (input: CreateCustomerNoteInput, { container }) => {
    const note = await container.resolve<CrmModuleService>(CRM_MODULE).createCustomerNotes(input);
    const view: CustomerNoteView = { id: note.id, body: note.body, author: note.author, created_at: note.created_at };
    return new StepResponse(view, note.id);
  },
  async (noteId: string | undefined, { container }) => {
    if (noteId) await container.resolve<CrmModuleService>(CRM_MODULE).deleteCustomerNotes(noteId);
  },
);
