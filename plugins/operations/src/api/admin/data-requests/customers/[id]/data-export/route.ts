import { MedusaError } from "@medusajs/framework/utils";
import { MANAGERS } from "@voltura/domain";
import { loadShopSettings, parseOrThrow, recordAudit, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { customerScope } from "../../../../../../modules/archive/sql/customer-scope";
import { exportCustomerData } from "../../../../../../modules/archive/sql/data-export";
import { customerExportPdf } from "./export-pdf";
import { recordDataRequest } from "../../../record";
import { dataExportQuerySchema } from "../../../validators";

/**
 * PDPA export: everything held about one customer (hot tables and archive), as JSON or a PDF.
 * Read in one REPEATABLE READ snapshot; each export is a `data_request` row and an audit row.
 */
export const GET = staffRoute([...MANAGERS], async (req, res) => {
  const { format } = parseOrThrow(dataExportQuerySchema, req.query);
  const customerId = req.params.id!;
  const db = sqlConnection(req.scope);
  const exported = await db.transaction(async (trx) => {
    await trx.raw(`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY`);
    const scope = await customerScope(trx, customerId);
    if (!scope) return null;
    return { scope, data: await exportCustomerData(trx, scope) };
  });
  if (!exported) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${customerId} was not found`);
  const requestId = await recordDataRequest(db, { kind: "export", customerId, format, actor: req.actor, summary: { counts: exported.data.counts } });
  await recordAudit(req, { action: "data_request.export", entity: "customer", entity_id: customerId, metadata: { data_request_id: requestId, format, counts: exported.data.counts } });
  if (format === "json") {
    res.setHeader("Content-Disposition", `attachment; filename="customer-${customerId}.json"`);
    res.json({ data_request_id: requestId, ...exported.data });
    return;
  }
  const settings = await loadShopSettings(req.scope);
  const pdf = await customerExportPdf(exported.data, exported.scope.name, settings);
  res.setHeader("Content-Type", "application/pdf");
  res.setHeader("Content-Disposition", `attachment; filename="customer-${customerId}.pdf"`);
  res.send(pdf);
});
