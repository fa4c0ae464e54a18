import { CommerceError } from "@voltura/medusa-client";
import { describe, expect, it } from "vitest";
import { chosenTemplate, windowRefusal, type ChatCloudState } from "./inbox-cloud";

const state: ChatCloudState = {
  session_id: "wa_cloud",
  session_name: "Main line",
  window_open: false,
  window_until: null,
  templates: [{ name: "follow_up", language: "ms", body_text: "Salam {{1}}, job {{2}} anda sedia.", param_count: 2 }],
  templates_problem: false,
};

describe("the chat's template composer", () => {
  it("fills the chosen template for the chat log", () => {
    expect(chosenTemplate(state, "follow_up|ms", ["Aina", "VS-0001", "extra"])).toEqual({ name: "follow_up", language: "ms", params: ["Aina", "VS-0001"], body: "Salam Aina, job VS-0001 anda sedia." });
  });

  it("offers only the number's approved templates", () => {
    expect(chosenTemplate(state, "follow_up|en", ["Aina", "VS-0001"])).toBeNull();
    expect(chosenTemplate(null, "follow_up|ms", [])).toBeNull();
  });

  it("recognises commerce's 422 for a closed window, keeping its message", () => {
    const message = "It is more than 24 hours since this customer last wrote: WhatsApp only allows an approved template now";
    const err = new CommerceError(422, message, "outside_service_window", { type: "outside_service_window", message, field: "template", code: "outside_service_window" });
    expect(windowRefusal(err)).toEqual({ type: "outside_service_window", message });
    expect(windowRefusal(new CommerceError(422, "refused", "send_refused", { type: "send_refused", code: "account_restricted", status_code: 463, message: "x" }))).toBeNull();
    expect(windowRefusal(new Error("boom"))).toBeNull();
  });
});
