import type { AlertKind } from "./types.js";

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
