import type { AlertKind, SendFailureCode } from "./types.js";

export class TransportNotOpenError extends Error {
  constructor(readonly state: string) {
    super(`WhatsApp transport is not open (state: ${state}); try again once it reconnects`);
    this.name = "TransportNotOpenError";
  }
}

/** The transport stopped and will not retry on its own (replaced session, forbidden, needs pairing). */
export class TransportStoppedError extends Error {
  constructor(
    readonly kind: AlertKind | "requested",
    message: string,
  ) {
    super(message);
    this.name = "TransportStoppedError";
  }
}

export class InvalidRecipientError extends Error {
  constructor(readonly input: string) {
    super(`"${input}" is not a WhatsApp-reachable phone number in E.164 form (e.g. +60123456789)`);
    this.name = "InvalidRecipientError";
  }
}

/** The same idempotency key came back with a different message: a caller bug, never resent. */
export class IdempotencyKeyReusedError extends Error {
  constructor(readonly idempotencyKey: string) {
    super(`idempotency key "${idempotencyKey}" was already used for a different message`);
    this.name = "IdempotencyKeyReusedError";
  }
}

const STATUS_CODES: Record<number, SendFailureCode> = { 463: "account_restricted", 401: "unauthorized", 403: "forbidden" };

/** The failure code for a WhatsApp status code: 463 / 401 / 403 by name, anything else `rejected`. */
export function sendFailureCodeOf(statusCode: number | undefined): SendFailureCode {
  return (statusCode !== undefined && STATUS_CODES[statusCode]) || "rejected";
}

/** True for the status codes that count against a number's health (463, 401, 403). */
export function countsAgainstSender(statusCode: number | undefined): boolean {
  return statusCode !== undefined && statusCode in STATUS_CODES;
}

export interface TransportSendErrorDetails {
  code: SendFailureCode;
  /** Baileys: WhatsApp's status code (463, 401, 403). Cloud API: the Graph API's HTTP status (400, 401…). */
  statusCode: number;
  /** Cloud API: WhatsApp's error code (131047, 131056, 190…) and its title. */
  errorCode?: number;
  errorTitle?: string;
  /** True when the same send may succeed later unchanged (rate limits, WhatsApp's own hiccups). */
  retryable: boolean;
  message?: string;
}

/**
 * WhatsApp refused the send. Baileys: a status code that counts against the number (463, 401, 403),
 * never retryable. Cloud API: a Graph error mapped by mapGraphError; `retryable` says whether a later
 * attempt may succeed (pair / throughput rate limits) or not (outside the window, a bad template).
 */
export class TransportSendError extends Error {
  readonly code: SendFailureCode;
  readonly statusCode: number;
  readonly errorCode: number | undefined;
  readonly errorTitle: string | undefined;
  readonly retryable: boolean;

  constructor(statusCodeOrDetails: number | TransportSendErrorDetails, message?: string, options?: { cause?: unknown }) {
    const details: TransportSendErrorDetails =
      typeof statusCodeOrDetails === "number"
        ? { code: sendFailureCodeOf(statusCodeOrDetails), statusCode: statusCodeOrDetails, retryable: false }
        : statusCodeOrDetails;
    super(message ?? details.message ?? `WhatsApp refused the message (${details.errorCode ?? details.statusCode})`, options);
    this.name = "TransportSendError";
    this.code = details.code;
    this.statusCode = details.statusCode;
    this.errorCode = details.errorCode;
    this.errorTitle = details.errorTitle;
    this.retryable = details.retryable;
  }
}

/** The adapter cannot do this at all (e.g. templates over Baileys): a routing mistake, never retried. */
export class TransportCapabilityError extends Error {
  constructor(
    readonly capability: "templates",
    readonly adapter: string,
  ) {
    super(`${adapter} cannot send WhatsApp templates: send them through a Cloud API session`);
    this.name = "TransportCapabilityError";
  }
}
