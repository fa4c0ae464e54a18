import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import type { DocumentTemplateRecord, EInvoiceProfileRecord } from "../../modules/invoicing/records";
import { invoicingService } from "./context";

type Editable<T> = Omit<T, "created_at" | "updated_at" | "deleted_at">;
export type TemplateSettingsRow = Editable<DocumentTemplateRecord>;
export type ProfileSettingsRow = Editable<EInvoiceProfileRecord>;
/** A document template ("quotation" / "invoice") or the MyInvois supplier profile ("default"). */
export type SettingsRowInput = { kind: "template"; row: TemplateSettingsRow } | { kind: "profile"; row: ProfileSettingsRow };
type Kind = SettingsRowInput["kind"];
type Container = Parameters<typeof invoicingService>[0];

async function read(container: Container, kind: Kind, id: string): Promise<SettingsRowInput | null> {
  const service = invoicingService(container);
  if (kind === "template") {
    const [row] = await service.listDocumentTemplates({ id });
    return row ? { kind, row } : null;
  }
  const [row] = await service.listEInvoiceProfiles({ id });
  return row ? { kind, row } : null;
}

async function write(container: Container, input: SettingsRowInput, exists: boolean): Promise<void> {
  const service = invoicingService(container);
  if (input.kind === "template") await (exists ? service.updateDocumentTemplates(input.row) : service.createDocumentTemplates(input.row));
  else await (exists ? service.updateEInvoiceProfiles(input.row) : service.createEInvoiceProfiles(input.row));
}

/** Creates or updates a one-row setting (a document template, the e-invoice profile); compensation restores it. */
export const saveSettingsRowStep = createStep(
  "save-invoicing-settings-row",
  async (input: SettingsRowInput, { container }) => {
    const before = await read(container, input.kind, input.row.id);
    await write(container, input, before !== null);
    return new StepResponse((await read(container, input.kind, input.row.id))!.row, { kind: input.kind, id: input.row.id, before });
  },
  async (undo, { container }) => {
    if (!undo) return;
    const service = invoicingService(container);
    if (undo.before) await write(container, undo.before, true);
    else if (undo.kind === "template") await service.deleteDocumentTemplates(undo.id);
    else await service.deleteEInvoiceProfiles(undo.id);
  },
);
