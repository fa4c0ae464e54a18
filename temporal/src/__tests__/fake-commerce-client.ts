import type { z } from "zod";
import { CommerceClient } from "@voltura/medusa-client";

/** One call as the fake sees it: answers the raw JSON of the route, or throws as the client would (CommerceError). */
export type FakeCommerceCall = (method: string, path: string, schema: z.ZodType<unknown>, body?: unknown) => Promise<unknown>;

/** A CommerceClient that never touches the network: `call` answers, and the answer still passes the route's schema. */
export class FakeCommerceClient extends CommerceClient {
  constructor(private readonly call: FakeCommerceCall) {
    super({ baseUrl: "http://commerce.invalid", jwtSecret: "fake-commerce-secret-0123456789", actor: { id: "system:temporal-worker", role: "system" } });
  }

  override async request<T>(method: string, path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
    return schema.parse(await this.call(method, path, schema, body));
  }
}
