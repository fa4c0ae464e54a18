import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { invoicingService } from "../../invoicing/context";

type Row = Record<string, unknown> & { id: string };
type Kind = "template" | "profile";

async function read(container: Parameters<typeof invoicingService>[0], kind: Kind, id: string): Promise<Row | null> {
  const service = invoicingService(container);
  const rows = kind === "template" ? await service.listDocumentTemplates({ id }) : await service.listEInvoiceProfiles({ id });
  return (rows[0] as unknown as Row) ?? null;
}

async function write(container: Parameters<typeof invoicingService>[0], kind: Kind, row: Row, exists: boolean): Promise<void> {
  const service = invoicingService(container);
  if (kind === "template") await (exists ? service.updateDocumentTemplates(row as never) : service.createDocumentTemplates(row as never));
  else await (exists ? service.updateEInvoiceProfiles(row as never) : service.createEInvoiceProfiles(row as never));
}

/** Creates or updates a one-row setting (a document template, the e-invoice profile); compensation restores it. */
export const saveSettingsRowStep = createStep(
  "save-invoicing-settings-row",
  async (input: { kind: Kind; row: Row }, { container }) => {
    const before = await read(container, input.kind, input.row.id);
    await write(container, input.kind, input.row, before !== null);
    return new StepResponse((await read(container, input.kind, input.row.id))!, { kind: input.kind, id: input.row.id, before });
  },
  async (undo, { container }) => {
    if (!undo) return;
    const service = invoicingService(container);
    if (undo.before) await write(container, undo.kind, undo.before, true);
    else if (undo.kind === "template") await service.deleteDocumentTemplates(undo.id);
    else await service.deleteEInvoiceProfiles(undo.id);
  },
);
