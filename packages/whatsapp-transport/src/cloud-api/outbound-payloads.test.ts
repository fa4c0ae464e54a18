import { describe, expect, it } from "vitest";
import { mediaPayload, readPayload, templatePayload, textPayload } from "./outbound-payloads.js";

const TO = "+60123456789";

describe("Graph API message payloads", () => {
  it("text: the number without +, no link preview, the correlation id as biz_opaque_callback_data", () => {
    expect(textPayload(TO, "Hai", "row-1")).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: "60123456789",
      type: "text",
      text: { body: "Hai", preview_url: false },
      biz_opaque_callback_data: "row-1",
    });
    expect(textPayload(TO, "Hai")).not.toHaveProperty("biz_opaque_callback_data");
  });

  it("media: by id or link; audio drops the caption, only documents keep a file name", () => {
    expect(mediaPayload(TO, { kind: "document", caption: "Resit", fileName: "r.pdf" }, { id: "55" })).toMatchObject({
      type: "document",
      document: { id: "55", caption: "Resit", filename: "r.pdf" },
    });
    expect(mediaPayload(TO, { kind: "audio", caption: "ignored", fileName: "a.ogg" }, { link: "https://x.example/a.ogg" })).toMatchObject({
      type: "audio",
      audio: { link: "https://x.example/a.ogg" },
    });
    expect(mediaPayload(TO, { kind: "image", fileName: "p.jpg" }, { id: "7" })).toMatchObject({ image: { id: "7" } });
  });

  it("template: header text params, body params in order; no components when there are no params", () => {
    expect(templatePayload(TO, { name: "t", language: "en_US", bodyParams: ["A", "B"], headerParams: ["H"] }).template).toEqual({
      name: "t",
      language: { code: "en_US" },
      components: [
        { type: "header", parameters: [{ type: "text", text: "H" }] },
        { type: "body", parameters: [{ type: "text", text: "A" }, { type: "text", text: "B" }] },
      ],
    });
    expect(templatePayload(TO, { name: "hello", language: "ms", bodyParams: [] }).template).toEqual({ name: "hello", language: { code: "ms" } });
    expect(templatePayload(TO, { name: "t", language: "ms", bodyParams: [], headerMedia: { kind: "image", id: "9" } }).template).toMatchObject({
      components: [{ type: "header", parameters: [{ type: "image", image: { id: "9" } }] }],
    });
  });

  it("read mark, with the typing indicator on request", () => {
    expect(readPayload("wamid.X")).toEqual({ messaging_product: "whatsapp", status: "read", message_id: "wamid.X" });
    expect(readPayload("wamid.X", true)).toMatchObject({ typing_indicator: { type: "text" } });
  });
});
