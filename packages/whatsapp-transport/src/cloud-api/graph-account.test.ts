import { afterEach, describe, expect, it } from "vitest";
import { startFakeGraphApi, type FakeGraphApi } from "../testing/fake-graph-api.js";
import { uniqueUsersForTier } from "../types.js";
import { listTemplates, mediaInfo, normalizeTemplateStatus, phoneNumberHealth, submitTemplate } from "./graph-account.js";
import { GraphApiError, graphDownload } from "./graph-client.js";

let fake: FakeGraphApi | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe("Graph account helpers against the fake", () => {
  it("listTemplates follows every page and reads name, language, category, status, body and param count", async () => {
    fake = await startFakeGraphApi();
    for (let i = 0; i < 130; i += 1) await fake.approveTemplate(`tpl_${i}`, "ms", `Hai {{1}} #${i}`);
    await fake.rejectTemplate("tpl_7", "ms", "INVALID_FORMAT");
    const templates = await listTemplates(fake.config());
    expect(templates).toHaveLength(130);
    expect(templates[0]).toMatchObject({ name: "tpl_0", language: "ms", category: "UTILITY", status: "APPROVED", bodyText: "Hai {{1}} #0", paramCount: 1, rejectedReason: null });
    expect(templates.find((template) => template.name === "tpl_7")).toMatchObject({ status: "REJECTED", rejectedReason: "INVALID_FORMAT" });
  });

  it("submitTemplate sends the body with its examples; the template starts PENDING; a duplicate is refused", async () => {
    fake = await startFakeGraphApi();
    const submitted = await submitTemplate(fake.config(), {
      name: "pickup_day1",
      language: "ms",
      category: "UTILITY",
      bodyText: "Hai {{1}}, telefon {{2}} sedia diambil.",
      bodyExamples: ["Aisyah", "J-1"],
    });
    expect(submitted).toMatchObject({ status: "PENDING", category: "UTILITY" });
    expect(fake.templates.get("pickup_day1|ms")).toMatchObject({ status: "PENDING", bodyText: "Hai {{1}}, telefon {{2}} sedia diambil." });
    await expect(
      submitTemplate(fake.config(), { name: "pickup_day1", language: "ms", category: "UTILITY", bodyText: "x", bodyExamples: [] }),
    ).rejects.toMatchObject({ httpStatus: 400, errorCode: 100, errorSubcode: 2388024 });
  });

  it("submitTemplate refuses bad input before calling Meta: a name with capitals, missing examples", async () => {
    fake = await startFakeGraphApi();
    await expect(submitTemplate(fake.config(), { name: "Pickup", language: "ms", category: "UTILITY", bodyText: "Hai" })).rejects.toThrow(/lowercase/);
    await expect(submitTemplate(fake.config(), { name: "p", language: "ms", category: "UTILITY", bodyText: "Hai {{1}}" })).rejects.toThrow(/example/);
    expect(fake.templates.size).toBe(0);
  });

  it("phoneNumberHealth reads tier and quality; a wrong token is a GraphApiError 190", async () => {
    fake = await startFakeGraphApi();
    await fake.setTier("TIER_10K");
    await fake.setQuality("YELLOW");
    expect(await phoneNumberHealth(fake.config())).toEqual({
      displayPhone: "+60 390000000",
      verifiedName: "Voltura Repair",
      qualityRating: "YELLOW",
      messagingLimitTier: "TIER_10K",
    });
    await expect(phoneNumberHealth(fake.config({ accessToken: "wrong" }))).rejects.toMatchObject({ httpStatus: 401, errorCode: 190 });
    await expect(phoneNumberHealth(fake.config({ accessToken: "wrong" }))).rejects.toBeInstanceOf(GraphApiError);
  });

  it("mediaInfo + graphDownload fetch received media's bytes with the token", async () => {
    fake = await startFakeGraphApi();
    const media = fake.addMedia(new Uint8Array([1, 2, 3]), "image/jpeg");
    const info = await mediaInfo(fake.config(), media.id);
    expect(info).toMatchObject({ mimeType: "image/jpeg", sizeBytes: 3 });
    const downloaded = await graphDownload(fake.config(), info.url);
    expect([...downloaded.bytes]).toEqual([1, 2, 3]);
    await expect(graphDownload(fake.config({ accessToken: "wrong" }), info.url)).rejects.toBeInstanceOf(GraphApiError);
  });
});

describe("pure rules", () => {
  it("uniqueUsersForTier: the tier's unique users per 24 h, null for unlimited or unknown", () => {
    expect(["TIER_250", "TIER_1K", "TIER_10K", "TIER_100K", "TIER_UNLIMITED", "TIER_50", null].map(uniqueUsersForTier)).toEqual([
      250, 1_000, 10_000, 100_000, null, null, null,
    ]);
  });

  it("normalizeTemplateStatus folds Meta's rarer statuses into the five the shop stores", () => {
    expect(["approved", "IN_APPEAL", "REINSTATED", "PENDING_DELETION", "LIMIT_EXCEEDED", "PAUSED"].map(normalizeTemplateStatus)).toEqual([
      "APPROVED", "PENDING", "APPROVED", "DISABLED", "DISABLED", "PAUSED",
    ]);
  });
});
