import { listOperationsAlertsQuerySchema, raiseOperationsAlertBodySchema } from "@voltura/contracts";
import { parseOrThrow, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { notifyOwnersOfAlert } from "./notify-owners";
import { listAlerts, raiseAlert } from "../../../../modules/operations/sql/alerts";
import { ALERT_READERS, WORKER } from "../access";

/** Open alerts (or `?status=all`), newest first. */
export const GET = staffRoute(ALERT_READERS, async (req, res) => {
  const query = parseOrThrow(listOperationsAlertsQuerySchema, req.query ?? {});
  res.json({ alerts: await listAlerts(sqlConnection(req.scope), query.status) });
});

/**
 * The worker raises an alert. Once per key: the first raise records it and tells the owners on WhatsApp (one
 * message each, keyed by the alert key); a repeat answers `raised: false` and only retries a send still due.
 */
export const POST = staffRoute(WORKER, async (req, res) => {
  const body = parseOrThrow(raiseOperationsAlertBodySchema, req.body);
  const db = sqlConnection(req.scope);
  const outcome = await raiseAlert(db, body);
  const alert = outcome.notify ? await notifyOwnersOfAlert(req.scope, db, outcome.alert) : outcome.alert;
  res.status(outcome.raised ? 201 : 200).json({ alert, raised: outcome.raised });
});
