import { z } from "zod";
import { TransportSendError } from "../errors.js";
import type { SendFailureCode } from "../types.js";

/** The error body every Graph API endpoint answers with. */
export const graphErrorBodySchema = z.object({
  error: z.looseObject({
    message: z.string().optional(),
    type: z.string().optional(),
    code: z.number().int(),
    error_subcode: z.number().int().optional(),
    error_user_title: z.string().optional(),
    error_user_msg: z.string().optional(),
    error_data: z.looseObject({ details: z.string().optional() }).optional(),
    fbtrace_id: z.string().optional(),
  }),
});
export type GraphErrorBody = z.infer<typeof graphErrorBodySchema>;

export interface GraphFailure {
  code: SendFailureCode;
  retryable: boolean;
}

const TEMPLATE_ERRORS = [132000, 132001, 132005, 132007, 132012];

const GRAPH_FAILURES: Record<number, GraphFailure> = {
  131047: { code: "outside_window", retryable: false },
  131056: { code: "pair_rate_limited", retryable: true },
  130429: { code: "throughput_limited", retryable: true },
  80007: { code: "throughput_limited", retryable: true },
  131026: { code: "recipient_unavailable", retryable: false },
  190: { code: "unauthorized", retryable: false },
  131031: { code: "account_restricted", retryable: false },
  368: { code: "account_restricted", retryable: false },
  10: { code: "forbidden", retryable: false },
  200: { code: "forbidden", retryable: false },
  ...Object.fromEntries(TEMPLATE_ERRORS.map((code) => [code, { code: "template_rejected", retryable: false }])),
};

/** WhatsApp's own "try again later" codes (unknown error, service unavailable, app rate limit). */
const TRANSIENT_CODES = new Set([1, 2, 4, 131000, 131016]);

/** The failure code and retryability of a WhatsApp error code (a send's answer or a failed status). */
export function graphFailureOf(errorCode: number | undefined, httpStatus?: number): GraphFailure {
  const known = errorCode !== undefined ? GRAPH_FAILURES[errorCode] : undefined;
  if (known) return known;
  const transient = (errorCode !== undefined && TRANSIENT_CODES.has(errorCode)) || (httpStatus !== undefined && (httpStatus >= 500 || httpStatus === 429));
  return { code: "rejected", retryable: transient };
}

export const OUTSIDE_WINDOW_MESSAGE =
  "It is more than 24 hours since this customer last wrote: WhatsApp only allows an approved template now";

function describe(failure: GraphFailure, errorCode: number | undefined, title: string | undefined, detail: string | undefined): string {
  if (failure.code === "outside_window") return `${OUTSIDE_WINDOW_MESSAGE} (WhatsApp error 131047)`;
  const head = errorCode !== undefined ? `WhatsApp refused the message (${errorCode}${title ? ` ${title}` : ""})` : "WhatsApp refused the message";
  return detail ? `${head}: ${detail}` : head;
}

/**
 * A Graph API error answer as a TransportSendError: the failure code, whether a retry may succeed,
 * and WhatsApp's error code and title. `body` is the parsed JSON answer (anything: an unreadable
 * body maps by HTTP status alone).
 */
export function mapGraphError(httpStatus: number, body: unknown): TransportSendError {
  const parsed = graphErrorBodySchema.safeParse(body);
  const error = parsed.success ? parsed.data.error : undefined;
  const errorCode = error?.code;
  const failure = graphFailureOf(errorCode, httpStatus);
  // Meta writes the title as "(#131047) Re-engagement message".
  const errorTitle = (error?.error_user_title ?? error?.message)?.replace(/^\(#\d+\)\s*/, "");
  const detail = error?.error_data?.details ?? error?.error_user_msg;
  return new TransportSendError({
    code: failure.code,
    statusCode: httpStatus,
    ...(errorCode !== undefined ? { errorCode } : {}),
    ...(errorTitle ? { errorTitle } : {}),
    retryable: failure.retryable,
    message: describe(failure, errorCode, errorTitle, detail),
  });
}
