import { z } from "zod";
import { mintMedusaToken, type Actor } from "./token.js";
import {
  repairJobListSchema,
  repairJobSchema,
  type ChangeStatusBody,
  type CreateRepairJobBody,
  type ListRepairJobsQuery,
  type RepairJob,
  type RepairJobList,
} from "./repair-jobs.js";

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
}

export class CommerceClient {
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly opts: CommerceClientOptions) {
    this.fetchImpl = opts.fetch ?? fetch;
  }

  async request<T>(method: string, path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
    const token = await mintMedusaToken(this.opts.actor, this.opts.jwtSecret);
    let res: Response;
    try {
      res = await this.fetchImpl(new URL(path, this.opts.baseUrl), {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json", accept: "application/json" },
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
}

function wrap<K extends string>(key: K) {
  return z.object({ [key]: repairJobSchema } as Record<K, typeof repairJobSchema>);
}
