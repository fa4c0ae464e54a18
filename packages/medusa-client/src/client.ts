import { z } from "zod";
import { mintMedusaToken, type Actor } from "./token.js";
import { shopSettingsSchema, type ShopSettings, type ShopSettingsPatch } from "@voltura/domain";
import {
  repairJobListSchema,
  repairJobSchema,
  type ChangeStatusBody,
  type CreateRepairJobBody,
  type ListRepairJobsQuery,
  type RepairJob,
  type RepairJobList,
} from "@voltura/contracts";
import {
  crmCustomerDetailSchema,
  crmCustomerListSchema,
  crmDuplicatesSchema,
  crmLookupSchema,
  crmMergeResultSchema,
  crmTagCountsSchema,
  customerDeviceSchema,
  customerNoteSchema,
  type AddCustomerDeviceBody,
  type AddCustomerNoteBody,
  type CreateCrmCustomerBody,
  type CrmCustomerDetail,
  type CrmCustomerList,
  type CrmDuplicates,
  type CrmLookup,
  type CrmMergeResult,
  type CrmTagCounts,
  type CustomerDevice,
  type CustomerNote,
  type ListCrmCustomersQuery,
  type UpdateCrmCustomerBody,
} from "@voltura/contracts";
import { searchAnswerSchema, type SearchAnswer, type SearchQuery } from "@voltura/contracts";
import {
  pickupAnswerSchema,
  repairBillingAnswerSchema,
  repairLineAnswerSchema,
  warrantyAnswerSchema,
  warrantyClaimAnswerSchema,
  warrantyLookupAnswerSchema,
  type AddRepairLineBody,
  type DecideQuoteBody,
  type PickupAnswer,
  type PickupBody,
  type RepairBilling,
  type RepairLine,
  type RepairWarranty,
  type SendQuoteBody,
  type VoidWarrantyBody,
  type WarrantyClaimAnswer,
  type WarrantyClaimBody,
  type WarrantyLookupQuery,
} from "@voltura/contracts";
import {
  deletedPhotoAnswerSchema,
  repairJobPhotosAnswerSchema,
  type AssignTechnicianBody,
  type RepairJobPhoto,
  type UpdateRepairJobBody,
  type UploadPhotosFields,
} from "@voltura/contracts";
import { repairJobBoardSchema, slaBreachListSchema, type RepairJobBoard, type SlaBreachList } from "@voltura/contracts";
import { activityPageSchema, dashboardSchema, type ActivityPage, type ActivityQuery, type Dashboard } from "@voltura/contracts";

/** An error answer from the commerce API, with Medusa's `type` and `message`. */
export class CommerceError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type?: string,
    readonly body?: unknown,
  ) {
    super(message);
    this.name = "CommerceError";
  }
}

export interface CommerceClientOptions {
  baseUrl: string;
  jwtSecret: string;
  actor: Actor;
  fetch?: typeof fetch;
  /** The browser's address, forwarded as `x-voltura-client-ip` so per-address limits and the audit trail see the till, not the console. */
  clientIp?: string;
}

export class CommerceClient {
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly opts: CommerceClientOptions) {
    this.fetchImpl = opts.fetch ?? fetch;
  }

  private headers(token: string, json: boolean): Record<string, string> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: "application/json" };
    if (json) headers["content-type"] = "application/json";
    if (this.opts.clientIp) headers["x-voltura-client-ip"] = this.opts.clientIp;
    return headers;
  }

  async request<T>(method: string, path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
    const token = await mintMedusaToken(this.opts.actor, this.opts.jwtSecret);
    let res: Response;
    try {
      res = await this.fetchImpl(new URL(path, this.opts.baseUrl), {
        method,
        headers: this.headers(token, true),
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (cause) {
      throw new CommerceError(503, `The commerce core is not reachable at ${this.opts.baseUrl}`, "unavailable", cause);
    }
    const text = await res.text();
    const json: unknown = text ? JSON.parse(text) : {};
    if (!res.ok) {
      const j = json as { message?: string; type?: string };
      throw new CommerceError(res.status, j.message ?? res.statusText, j.type, json);
    }
    return schema.parse(json);
  }

  listRepairJobs(query: ListRepairJobsQuery = {}): Promise<RepairJobList> {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== "") params.set(k, String(v));
    return this.request("GET", `/admin/repair-jobs?${params}`, repairJobListSchema);
  }

  async getRepairJob(id: string): Promise<RepairJob> {
    const r = await this.request("GET", `/admin/repair-jobs/${encodeURIComponent(id)}`, wrap("repair_job"));
    return r.repair_job;
  }

  async createRepairJob(body: CreateRepairJobBody): Promise<RepairJob> {
    const r = await this.request("POST", "/admin/repair-jobs", wrap("repair_job"), body);
    return r.repair_job;
  }

  async changeRepairJobStatus(id: string, body: ChangeStatusBody): Promise<RepairJob> {
    const r = await this.request("POST", `/admin/repair-jobs/${encodeURIComponent(id)}/status`, wrap("repair_job"), body);
    return r.repair_job;
  }

  // ---- CRM (plugins/crm) ----

  listCrmCustomers(query: ListCrmCustomersQuery = {}): Promise<CrmCustomerList> {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) {
      if (v === undefined || v === "") continue;
      params.set(k, v instanceof Date ? v.toISOString() : String(v));
    }
    return this.request("GET", `/admin/crm/customers?${params}`, crmCustomerListSchema);
  }

  async getCrmCustomer(id: string): Promise<CrmCustomerDetail> {
    const r = await this.request("GET", `/admin/crm/customers/${encodeURIComponent(id)}`, z.object({ customer: crmCustomerDetailSchema }));
    return r.customer;
  }

  /** Refused with 409 (CommerceError.body: DuplicateCustomerError) when the phone or email belongs to another customer. */
  async createCrmCustomer(body: CreateCrmCustomerBody): Promise<CrmCustomerDetail> {
    const r = await this.request("POST", "/admin/crm/customers", z.object({ customer: crmCustomerDetailSchema }), body);
    return r.customer;
  }

  async updateCrmCustomer(id: string, body: UpdateCrmCustomerBody): Promise<CrmCustomerDetail> {
    const r = await this.request("POST", `/admin/crm/customers/${encodeURIComponent(id)}`, z.object({ customer: crmCustomerDetailSchema }), body);
    return r.customer;
  }

  async addCrmCustomerNote(id: string, body: AddCustomerNoteBody): Promise<CustomerNote> {
    const r = await this.request("POST", `/admin/crm/customers/${encodeURIComponent(id)}/notes`, z.object({ note: customerNoteSchema }), body);
    return r.note;
  }

  /** Refused with 409 (CommerceError.body: DuplicateDeviceError) when the customer already has that IMEI / serial. */
  async addCrmCustomerDevice(id: string, body: AddCustomerDeviceBody): Promise<CustomerDevice> {
    const r = await this.request("POST", `/admin/crm/customers/${encodeURIComponent(id)}/devices`, z.object({ device: customerDeviceSchema }), body);
    return r.device;
  }

  /** Merges `duplicateId` into `primaryId` (owner / manager only). */
  mergeCrmCustomers(primaryId: string, duplicateId: string): Promise<CrmMergeResult> {
    return this.request("POST", `/admin/crm/customers/${encodeURIComponent(primaryId)}/merge`, crmMergeResultSchema, { duplicate_id: duplicateId });
  }

  async listCrmTags(): Promise<CrmTagCounts["tags"]> {
    const r = await this.request("GET", "/admin/crm/tags", crmTagCountsSchema);
    return r.tags;
  }

  /** Intake typeahead: the exact normalised match first, then numbers starting with what was typed (max 8). */
  async lookupCrmCustomers(phone: string): Promise<CrmLookup["customers"]> {
    const r = await this.request("GET", `/admin/crm/customers/lookup?${new URLSearchParams({ phone })}`, crmLookupSchema);
    return r.customers;
  }

  // ---- Search (plugins/platform) ----

  /** One search over jobs, customers and items (the kinds the caller's role may read), exact hits first. */
  search(query: SearchQuery): Promise<SearchAnswer> {
    const params = new URLSearchParams({ q: query.q });
    if (query.kinds?.length) params.set("entity", query.kinds.join(","));
    if (query.limit !== undefined) params.set("limit", String(query.limit));
    return this.request("GET", `/admin/search?${params}`, searchAnswerSchema);
  }

  listCrmDuplicates(): Promise<CrmDuplicates> {
    return this.request("GET", "/admin/crm/duplicates", crmDuplicatesSchema);
  }

  // ---- Repair billing (plugins/repair, module repairBilling) ----

  async getRepairBilling(jobId: string): Promise<RepairBilling> {
    const r = await this.request("GET", `/admin/repair-jobs/${encodeURIComponent(jobId)}/billing`, repairBillingAnswerSchema);
    return r.billing;
  }

  /** Parts reserve stock at "Shop"; refused with 409 (CommerceError.body.available) when there is not enough. */
  addRepairLine(jobId: string, body: AddRepairLineBody): Promise<{ line: RepairLine; billing: RepairBilling }> {
    return this.request("POST", `/admin/repair-jobs/${encodeURIComponent(jobId)}/lines`, repairLineAnswerSchema, body);
  }

  async removeRepairLine(jobId: string, lineId: string): Promise<RepairBilling> {
    const path = `/admin/repair-jobs/${encodeURIComponent(jobId)}/lines/${encodeURIComponent(lineId)}`;
    const r = await this.request("DELETE", path, repairBillingAnswerSchema);
    return r.billing;
  }

  /** Freezes the current lines as the next quote version and moves the job to Awaiting Approval. */
  async sendRepairQuote(jobId: string, body: SendQuoteBody = {}): Promise<RepairBilling> {
    const r = await this.request("POST", `/admin/repair-jobs/${encodeURIComponent(jobId)}/quote/send`, repairBillingAnswerSchema, body);
    return r.billing;
  }

  /** Approve → In Progress (diagnostic fee waived when configured); reject → Returned Unrepaired; a second decision is 409. */
  async decideRepairQuote(jobId: string, body: DecideQuoteBody): Promise<RepairBilling> {
    const r = await this.request("POST", `/admin/repair-jobs/${encodeURIComponent(jobId)}/quote/decision`, repairBillingAnswerSchema, body);
    return r.billing;
  }

  /** Records the payments (400 with shortfall_sen when short), delivers the job and starts its warranties. */
  recordRepairPickup(jobId: string, body: PickupBody): Promise<PickupAnswer> {
    return this.request("POST", `/admin/repair-jobs/${encodeURIComponent(jobId)}/pickup`, pickupAnswerSchema, body);
  }

  async voidRepairWarranty(warrantyId: string, body: VoidWarrantyBody): Promise<RepairWarranty> {
    const r = await this.request("POST", `/admin/warranties/${encodeURIComponent(warrantyId)}/void`, warrantyAnswerSchema, body);
    return r.warranty;
  }

  /** Opens a claim job with no labour charge; refused with 409 and the reason when the warranty is void or expired. */
  claimRepairWarranty(warrantyId: string, body: WarrantyClaimBody): Promise<WarrantyClaimAnswer> {
    return this.request("POST", `/admin/warranties/${encodeURIComponent(warrantyId)}/claims`, warrantyClaimAnswerSchema, body);
  }

  async lookupRepairWarranties(query: WarrantyLookupQuery): Promise<RepairWarranty[]> {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v) params.set(k, String(v));
    const r = await this.request("GET", `/admin/warranties/lookup?${params}`, warrantyLookupAnswerSchema);
    return r.warranties;
  }

  // ---- Shop settings (plugins/platform) ----

  /** The shop's settings document (every staff role may read it). */
  async getShopSettings(): Promise<ShopSettings> {
    const r = await this.request("GET", "/admin/settings", z.object({ settings: shopSettingsSchema }));
    return r.settings;
  }

  /** Applies a partial update, section by section (owner / manager only); answers the whole document. */
  async updateShopSettings(patch: ShopSettingsPatch): Promise<ShopSettings> {
    const r = await this.request("POST", "/admin/settings", z.object({ settings: shopSettingsSchema }), patch);
    return r.settings;
  }
  // ---- Repair desk (plugins/repair, module repair) ----

  /** Changes priority / ETA / diagnosis (technician, manager, owner) / technician / accessories / condition notes, or adds a note. */
  async updateRepairJob(id: string, body: UpdateRepairJobBody): Promise<RepairJob> {
    const r = await this.request("POST", `/admin/repair-jobs/${encodeURIComponent(id)}`, wrap("repair_job"), body);
    return r.repair_job;
  }

  /** Assigns a technician (400 when the user is not an active technician), or unassigns with null. */
  async assignRepairJobTechnician(id: string, body: AssignTechnicianBody): Promise<RepairJob> {
    const r = await this.request("POST", `/admin/repair-jobs/${encodeURIComponent(id)}/assign`, wrap("repair_job"), body);
    return r.repair_job;
  }

  getRepairJobBoard(): Promise<RepairJobBoard> {
    return this.request("GET", "/admin/repair-jobs/board", repairJobBoardSchema);
  }

  /** Open jobs past their SLA, most overdue first (owner / manager). */
  listSlaBreaches(): Promise<SlaBreachList> {
    return this.request("GET", "/admin/repair-jobs/sla-breaches", slaBreachListSchema);
  }

  /** The console's dashboard in one call: job counts, recent jobs, SLA breaches, low stock, revenue, new customers. */
  getDashboard(): Promise<Dashboard> {
    return this.request("GET", "/admin/dashboard", dashboardSchema);
  }

  /** The activity feed (audit trail, types the role may read), newest first; `before` is the previous page's `next_before`. */
  getActivity(query: ActivityQuery = {}): Promise<ActivityPage> {
    const params = new URLSearchParams();
    if (query.type) params.set("type", query.type);
    if (query.limit !== undefined) params.set("limit", String(query.limit));
    if (query.before !== undefined) params.set("before", String(query.before));
    const qs = params.toString();
    return this.request("GET", `/admin/activity${qs ? `?${qs}` : ""}`, activityPageSchema);
  }

  /** Uploads JPEG / PNG / WebP photos (≤ 8 MB each) with one tag; multipart, so not through request(). */
  async uploadRepairJobPhotos(
    id: string,
    files: ReadonlyArray<{ name: string; type: string; data: Blob | Uint8Array }>,
    fields: UploadPhotosFields,
  ): Promise<RepairJobPhoto[]> {
    const form = new FormData();
    for (const f of files) form.append("files", f.data instanceof Blob ? f.data : new Blob([new Uint8Array(f.data)], { type: f.type }), f.name);
    form.append("tag", fields.tag);
    if (fields.caption) form.append("caption", fields.caption);
    const token = await mintMedusaToken(this.opts.actor, this.opts.jwtSecret);
    let res: Response;
    try {
      res = await this.fetchImpl(new URL(`/admin/repair-jobs/${encodeURIComponent(id)}/photos`, this.opts.baseUrl), {
        method: "POST",
        headers: this.headers(token, false),
        body: form,
      });
    } catch (cause) {
      throw new CommerceError(503, `The commerce core is not reachable at ${this.opts.baseUrl}`, "unavailable", cause);
    }
    const json: unknown = await res.json().catch(() => ({}));
    if (!res.ok) {
      const j = json as { message?: string; type?: string };
      throw new CommerceError(res.status, j.message ?? res.statusText, j.type, json);
    }
    return repairJobPhotosAnswerSchema.parse(json).photos;
  }

  /** Removes the photo and its stored file. */
  async deleteRepairJobPhoto(id: string, photoId: string): Promise<void> {
    await this.request("DELETE", `/admin/repair-jobs/${encodeURIComponent(id)}/photos/${encodeURIComponent(photoId)}`, deletedPhotoAnswerSchema);
  }

}

function wrap<K extends string>(key: K) {
  return z.object({ [key]: repairJobSchema } as Record<K, typeof repairJobSchema>);
}
