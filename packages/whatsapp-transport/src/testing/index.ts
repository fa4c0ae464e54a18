export * from "./fake-baileys.js";
export * from "./harnesses.js";
export * from "./fake-graph-api.js";
export {
  GRAPH_ERROR_TITLES,
  graphErrorAnswer,
  inboundWebhookPayload,
  newWamid,
  qualityWebhookPayload,
  restrictionWebhookPayload,
  statusWebhookPayload,
  templateStatusWebhookPayload,
  type StatusSpec,
  type WebhookIdentity,
} from "./fake-graph-payloads.js";
export * from "./cloud-harness.js";
