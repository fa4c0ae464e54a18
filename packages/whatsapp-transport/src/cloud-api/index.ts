export { CloudApiTransport, type CloudApiTransportOptions } from "./cloud-api-transport.js";
export { cloudApiConfigSchema, graphDownload, graphRequest, GraphApiError, parseCloudApiConfig, type CloudApiConfig, type GraphRequest } from "./graph-client.js";
export { graphErrorBodySchema, graphFailureOf, mapGraphError, OUTSIDE_WINDOW_MESSAGE, type GraphErrorBody, type GraphFailure } from "./graph-errors.js";
export {
  cloudTemplateStatuses,
  listTemplates,
  mediaInfo,
  normalizeTemplateStatus,
  phoneNumberHealth,
  submitTemplate,
  templateSubmissionSchema,
  type CloudTemplate,
  type CloudTemplateStatus,
  type PhoneNumberHealth,
  type TemplateSubmission,
} from "./graph-account.js";
export { CloudWebhookPayloadError, parseCloudWebhook, webhookEventKeys, type CloudTemplateStatusUpdate, type CloudWebhookEvents } from "./parse-webhook.js";
export { signWebhookBody, verifyWebhookSignature } from "./webhook-signature.js";
export { mediaPayload, readPayload, templatePayload, textPayload, waIdOf } from "./outbound-payloads.js";
