import { z } from "zod";
import { graphErrorBodySchema, type GraphErrorBody } from "./graph-errors.js";

const digits = (field: string) => z.string({ error: `${field} is required` }).regex(/^\d{5,30}$/, `${field} must be the digits Meta shows for it`);

export const cloudApiConfigSchema = z.object({
  phoneNumberId: digits("phoneNumberId"),
  wabaId: digits("wabaId"),
  accessToken: z.string({ error: "accessToken is required" }).trim().min(1, "accessToken is required"),
  graphBaseUrl: z.url("graphBaseUrl must be a URL").default("https://graph.facebook.com"),
  apiVersion: z.string().regex(/^v\d+\.\d+$/, "apiVersion looks like v21.0").default("v21.0"),
  /** Per request, in ms. */
  timeoutMs: z.number().int().positive().default(20_000),
});

/** How to reach one WhatsApp number on the Graph API. */
export interface CloudApiConfig {
  phoneNumberId: string;
  wabaId: string;
  accessToken: string;
  graphBaseUrl?: string;
  apiVersion?: string;
  timeoutMs?: number;
  /** Replaces global fetch (tests). */
  fetch?: typeof fetch;
}

/** Validates a config, with a message naming each missing or malformed field. */
export function parseCloudApiConfig(config: CloudApiConfig): Required<Omit<CloudApiConfig, "fetch">> & Pick<CloudApiConfig, "fetch"> {
  const { fetch: fetchImpl, ...rest } = config;
  const parsed = cloudApiConfigSchema.safeParse(rest);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "config"}: ${issue.message}`);
    throw new TypeError(`invalid Cloud API config: ${problems.join("; ")}`);
  }
  return { ...parsed.data, ...(fetchImpl ? { fetch: fetchImpl } : {}) };
}

/** A Graph API answer with an error: the HTTP status and the body as Meta sent it. */
export class GraphApiError extends Error {
  readonly errorCode: number | undefined;
  readonly errorSubcode: number | undefined;

  constructor(
    readonly httpStatus: number,
    readonly body: unknown,
  ) {
    const parsed = graphErrorBodySchema.safeParse(body);
    const error: GraphErrorBody["error"] | undefined = parsed.success ? parsed.data.error : undefined;
    super(`Graph API ${httpStatus}${error ? ` (error ${error.code}${error.error_subcode ? `/${error.error_subcode}` : ""}): ${error.message ?? ""}` : ""}`);
    this.name = "GraphApiError";
    this.errorCode = error?.code;
    this.errorSubcode = error?.error_subcode;
  }
}

export interface GraphRequest {
  method?: "GET" | "POST" | "DELETE";
  /** After the version: "123/messages". */
  path: string;
  query?: Record<string, string>;
  json?: unknown;
  form?: FormData;
}

/** One Graph API call with the bearer token; resolves to the JSON answer, throws GraphApiError on an error answer. */
export async function graphRequest(config: CloudApiConfig, request: GraphRequest): Promise<unknown> {
  const { graphBaseUrl, apiVersion, accessToken, timeoutMs } = parseCloudApiConfig(config);
  const url = new URL(`${graphBaseUrl.replace(/\/$/, "")}/${apiVersion}/${request.path}`);
  for (const [key, value] of Object.entries(request.query ?? {})) url.searchParams.set(key, value);
  const headers: Record<string, string> = { authorization: `Bearer ${accessToken}` };
  let body: string | FormData | undefined;
  if (request.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(request.json);
  } else if (request.form) body = request.form;
  const response = await (config.fetch ?? fetch)(url, {
    method: request.method ?? (body === undefined ? "GET" : "POST"),
    headers,
    ...(body !== undefined ? { body } : {}),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text === "" ? {} : JSON.parse(text);
  } catch {
    // Not JSON (a proxy's HTML error page): keep the text for the error.
  }
  if (!response.ok) throw new GraphApiError(response.status, parsed);
  return parsed;
}

/** Downloads bytes from a media URL the Graph API handed out (it needs the same token). */
export async function graphDownload(config: CloudApiConfig, url: string): Promise<{ bytes: Uint8Array; mimeType: string | null }> {
  const { accessToken, timeoutMs } = parseCloudApiConfig(config);
  const response = await (config.fetch ?? fetch)(url, {
    headers: { authorization: `Bearer ${accessToken}` },
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) throw new GraphApiError(response.status, await response.text());
  return { bytes: new Uint8Array(await response.arrayBuffer()), mimeType: response.headers.get("content-type") };
}
