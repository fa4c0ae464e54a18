import { describe, expect, it } from "vitest";
import { EMPTY_ROUTING, parseCloudTemplateKey, routingBodyFrom, routingValuesFrom, routingValuesOf, RoutingFieldError } from "./routing-form";

function formOf(values: Record<string, string>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(values)) form.set(k, v);
  return form;
}

describe("campaign routing", () => {
  it("sends fixed routing with no template by default", () => {
    expect(routingBodyFrom(EMPTY_ROUTING)).toEqual({ routing: "fixed", recent_chat_days: 30, cloud_template: null });
  });

  it("reads auto routing with the template and the variable of each {{n}}", () => {
    const values = routingValuesFrom(formOf({ routing: "auto", recent_chat_days: "14", cloud_template: "wa_cloud|promo_dec|ms", cloud_param_count: "2", "cloud_param.1": "nama", "cloud_param.2": "model" }));
    expect(routingBodyFrom(values)).toEqual({ routing: "auto", recent_chat_days: 14, cloud_template: { session_id: "wa_cloud", name: "promo_dec", language: "ms", params: ["nama", "model"] } });
    expect(routingValuesOf({ routing: "auto", recent_chat_days: 14, cloud_template: { session_id: "wa_cloud", name: "promo_dec", language: "ms", params: ["nama", "model"] } })).toEqual(values);
  });

  it("refuses auto routing without a template, a placeholder without a variable, and odd days", () => {
    expect(() => routingBodyFrom({ ...EMPTY_ROUTING, routing: "auto" })).toThrow(RoutingFieldError);
    expect(() => routingBodyFrom({ ...EMPTY_ROUTING, cloud_template: "s|t|ms", cloud_params: ["nama", ""] })).toThrow(RoutingFieldError);
    try {
      routingBodyFrom({ ...EMPTY_ROUTING, recent_chat_days: "0" });
      expect.unreachable();
    } catch (err) {
      expect((err as RoutingFieldError).field).toBe("recent_chat_days");
    }
  });

  it("keys a template by number, name and language", () => {
    expect(parseCloudTemplateKey("wa_1|promo|en_US")).toEqual({ session_id: "wa_1", name: "promo", language: "en_US" });
    expect(parseCloudTemplateKey("wa_1|promo")).toBeNull();
  });
});
