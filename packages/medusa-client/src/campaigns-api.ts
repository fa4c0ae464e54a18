import { z } from "zod";
import { type CommerceClient } from "./client.js";
import { queryParams as qs } from "./query-string.js";
import {
  audienceCountSchema,
  audienceImportSchema,
  blacklistEntrySchema,
  blacklistImportSchema,
  blacklistListSchema,
  campaignDetailSchema,
  campaignListSchema,
  campaignPreviewSchema,
  campaignSchema,
  campaignTemplateSchema,
  campaignTestSendSchema,
  optOutStateSchema,
  type AudienceFilter,
  type BlacklistAddBody,
  type BlacklistImportBody,
  type BlacklistRemoveBody,
  type CampaignAction,
  type CampaignActionBody,
  type CampaignLanguage,
  type CampaignTemplateBody,
  type CreateCampaignBody,
  type ImportAudienceBody,
  type ListBlacklistQuery,
  type ListCampaignsQuery,
  type OptOutBody,
  type PreviewCampaignBody,
  type TestSendCampaignBody,
  type UpdateCampaignBody,
  type UpdateCampaignTemplateBody,
} from "@voltura/contracts";

const enc = encodeURIComponent;

/** The campaign planner routes, over a CommerceClient (console server side). */
export class CampaignsApi {
  constructor(private readonly client: CommerceClient) {}

  list(query: ListCampaignsQuery = {}) {
    return this.client.request("GET", `/admin/campaigns/plans?${qs(query)}`, campaignListSchema);
  }
  get(id: string) {
    return this.client.request("GET", `/admin/campaigns/plans/${enc(id)}`, campaignDetailSchema);
  }
  async create(body: CreateCampaignBody) {
    return (await this.client.request("POST", "/admin/campaigns/plans", z.object({ campaign: campaignSchema }), body)).campaign;
  }
  async update(id: string, body: UpdateCampaignBody) {
    return (await this.client.request("POST", `/admin/campaigns/plans/${enc(id)}`, z.object({ campaign: campaignSchema }), body)).campaign;
  }
  /** Deletes a draft (cancelled, kept for the record); 409 for any other status. */
  async remove(id: string) {
    return (await this.client.request("DELETE", `/admin/campaigns/plans/${enc(id)}`, z.object({ campaign: campaignSchema }))).campaign;
  }
  /** 409 `campaign_transition_refused` when the status does not allow it (the message names the allowed actions). */
  async act(id: string, action: CampaignAction, body: CampaignActionBody = {}) {
    return (await this.client.request("POST", `/admin/campaigns/${enc(id)}/${action}`, z.object({ campaign: campaignSchema }), body)).campaign;
  }
  /** The live count for a filter being edited, or for a saved campaign's audience. */
  audienceCount(input: { filter: AudienceFilter } | { campaign_id: string }) {
    const query = "filter" in input ? { filter: JSON.stringify(input.filter) } : { campaign_id: input.campaign_id };
    return this.client.request("GET", `/admin/campaigns/audience/count?${qs(query)}`, audienceCountSchema);
  }
  preview(id: string, body: PreviewCampaignBody = {}) {
    return this.client.request("POST", `/admin/campaigns/${enc(id)}/preview`, campaignPreviewSchema, body);
  }
  testSend(id: string, body: TestSendCampaignBody = {}) {
    return this.client.request("POST", `/admin/campaigns/${enc(id)}/test-send`, campaignTestSendSchema, body);
  }
  importAudience(id: string, body: ImportAudienceBody) {
    return this.client.request("POST", `/admin/campaigns/${enc(id)}/audience/import`, audienceImportSchema, body);
  }

  async listTemplates(language?: CampaignLanguage) {
    return (await this.client.request("GET", `/admin/campaigns/templates?${qs({ language })}`, z.object({ templates: z.array(campaignTemplateSchema) }))).templates;
  }
  async createTemplate(body: CampaignTemplateBody) {
    return (await this.client.request("POST", "/admin/campaigns/templates", z.object({ template: campaignTemplateSchema }), body)).template;
  }
  async updateTemplate(id: string, body: UpdateCampaignTemplateBody) {
    return (await this.client.request("POST", `/admin/campaigns/templates/${enc(id)}`, z.object({ template: campaignTemplateSchema }), body)).template;
  }
  async deleteTemplate(id: string) {
    await this.client.request("DELETE", `/admin/campaigns/templates/${enc(id)}`, z.object({ id: z.string(), deleted: z.boolean() }));
  }

  listBlacklist(query: ListBlacklistQuery = {}) {
    return this.client.request("GET", `/admin/campaigns/blacklist?${qs(query)}`, blacklistListSchema);
  }
  async addToBlacklist(body: BlacklistAddBody) {
    return (await this.client.request("POST", "/admin/campaigns/blacklist", z.object({ entry: blacklistEntrySchema }), body)).entry;
  }
  async removeFromBlacklist(id: string, body: BlacklistRemoveBody) {
    return (await this.client.request("DELETE", `/admin/campaigns/blacklist/${enc(id)}`, z.object({ entry: blacklistEntrySchema }), body)).entry;
  }
  importBlacklist(body: BlacklistImportBody) {
    return this.client.request("POST", "/admin/campaigns/blacklist/import", blacklistImportSchema, body);
  }

  optOutState(token: string) {
    return this.client.request("GET", `/public/campaigns/opt-out/${enc(token)}`, optOutStateSchema);
  }
  optOut(token: string, body: OptOutBody = {}) {
    return this.client.request("POST", `/public/campaigns/opt-out/${enc(token)}`, optOutStateSchema, body);
  }
}
