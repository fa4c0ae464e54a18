import { describe, expect, it } from "vitest";
import { setupBodySchema } from "../staff-accounts.js";

describe("setupBodySchema", () => {
  it("normalises the shop phone to E.164 and applies the password policy to the owner, naming fields", () => {
    const ok = setupBodySchema.parse({
      shop: { name: "Kedai Baiki", phone: "03-2141 1234", address: "12 Jalan Tun Razak" },
      owner: { name: "Ali Hassan", email: "Ali@Kedai.MY", password: "Batu-Caves-Lorong-9" },
    });
    expect(ok.shop.phone).toBe("+60321411234");
    expect(ok.owner.email).toBe("ali@kedai.my");
    const bad = setupBodySchema.safeParse({
      shop: { name: "Kedai Baiki", phone: "12", address: "12 Jalan Tun Razak" },
      owner: { name: "Ali Hassan", email: "ali@kedai.my", password: "qwertyuiop" },
    });
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual(["shop.phone", "owner.password"]);
  });
});
