import type { MedusaContainer } from "@medusajs/framework/types";
import type { OperationsAlert } from "@voltura/contracts";
import { alertStaffOnWhatsApp, type Sql } from "@voltura/medusa-kit";
import { markAlertNotified } from "../../../../modules/operations/sql/alerts";
import { operationsAlertText } from "../../../../domain/alerts-rules";

/**
 * Tells the owners on WhatsApp about an alert (one message per owner, keyed by the alert key, so a retry sends
 * nothing twice) and stamps it notified once a message was accepted. The console's alert list is always there.
 */
export async function notifyOwnersOfAlert(container: MedusaContainer, db: Sql, alert: OperationsAlert): Promise<OperationsAlert> {
  const sent = await alertStaffOnWhatsApp(container, {
    roles: ["owner"],
    text: operationsAlertText(alert.kind, alert.message),
    key: alert.key,
    ref: alert.key,
    sender: "operations-alert",
    label: `Operations WhatsApp alert ${alert.key}`,
  });
  return sent > 0 ? markAlertNotified(db, alert.id) : alert;
}
