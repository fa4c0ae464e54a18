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

/** WhatsApp refused the send with a status code that counts against the number (463, 401, 403). */
export class TransportSendError extends Error {
  readonly code: SendFailureCode;

  constructor(
    readonly statusCode: number,
    message = `WhatsApp refused the message (${statusCode})`,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "TransportSendError";
    this.code = sendFailureCodeOf(statusCode);
  }
}
