import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";
import type { ExecArgs } from "@medusajs/framework/types";
import seedDemo from "../../src/scripts/seed-demo";
import { authHeaders, settle } from "./helpers";
import { asConsole, auditRows } from "./staff-accounts-helpers";

const setupBody = (email: string, overrides: Record<string, unknown> = {}) => ({
  shop: { name: "Kedai Baiki Cheras", phone: "03-9131 2233", address: "8 Jalan Cheras, 56100 Kuala Lumpur" },
  owner: { name: "Nurul Aina", email, password: "Lorong-Pasar-88!" },
  ...overrides,
});

medusaIntegrationTestRunner({
  dbName: "voltura_it_staff_setup",
  testSuite: ({ api, getContainer }) => {
    // The runner empties the database after each test: every test starts from a shop never set up.
    const setUp = async () => (await api.post("/public/setup", setupBody("aina@cheras.my"))).data.staff as { id: string; email: string };

    it("refuses a setup body naming the fields at fault, without claiming the setup", async () => {
      expect((await api.get("/public/setup")).data).toEqual({ needed: true, token_required: false });
      const bad = await settle(api.post("/public/setup", setupBody("not-an-email", {
        shop: { name: "", phone: "12", address: "x" },
      })));
      expect(bad.status).toBe(400);
      for (const field of ["shop.name", "shop.phone", "owner.email"]) expect(bad.data.message).toContain(field);
      const weak = await settle(api.post("/public/setup", setupBody("aina@cheras.my", { owner: { name: "Nurul Aina", email: "aina@cheras.my", password: "Password2026!" } })));
      expect(weak.status).toBe(400);
      expect(weak.data.message).toContain("owner.password: is a common password");
      const personal = await settle(api.post("/public/setup", setupBody("aina@cheras.my", { owner: { name: "Nurul Aina", email: "aina@cheras.my", password: "nurul-cheras-7731" } })));
      expect(personal.data.message).toContain("owner.password: must not contain your email address or your name");
      expect((await api.get("/public/setup")).data.needed).toBe(true);
    });

    it("lets exactly one of two concurrent setups create the owner, then never again", async () => {
      const [a, b] = await Promise.all([
        settle(api.post("/public/setup", setupBody("aina@cheras.my"))),
        settle(api.post("/public/setup", setupBody("rival@cheras.my"))),
      ]);
      expect([a.status, b.status].sort()).toEqual([201, 409]);
      const winner = a.status === 201 ? a : b;
      const loser = a.status === 201 ? b : a;
      expect(loser.data.message).toBe("This shop is already set up. Sign in instead.");
      expect(winner.data.staff).toMatchObject({ role: "owner", name: "Nurul Aina" });

      const users = await getContainer().resolve(Modules.USER).listUsers({});
      const owners = users.filter((u) => u.metadata?.role === "owner");
      expect(owners).toHaveLength(1);
      expect((await api.get("/public/setup")).data.needed).toBe(false);
      const again = await settle(api.post("/public/setup", setupBody("third@cheras.my")));
      expect(again.status).toBe(409);

      const rows = await auditRows(getContainer(), "setup.completed");
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ entity_id: owners[0]!.id, metadata: { shop_name: "Kedai Baiki Cheras", owner_email: owners[0]!.email } });
      expect(JSON.stringify(rows)).not.toContain("Lorong-Pasar-88!");

      const signin = await api.post("/admin/staff/credentials/check", { email: owners[0]!.email, password: "Lorong-Pasar-88!", ip: "127.0.0.1", purpose: "signin" }, await asConsole());
      expect(signin.data).toMatchObject({ staff: { role: "owner", name: "Nurul Aina" }, must_change_password: false });
    });

    it("writes the shop's details and the store, channels, region and stock location every plugin expects", async () => {
      const owner = await setUp();
      const settings = (await api.get("/admin/settings", await authHeaders(owner.id, "owner"))).data.settings;
      expect(settings.business).toMatchObject({
        name: "Kedai Baiki Cheras", phone: "+60391312233", whatsapp: "+60391312233", address: "8 Jalan Cheras, 56100 Kuala Lumpur",
        email: owner.email, registration_no: "", sst_no: null,
      });
      const c = getContainer();
      expect((await c.resolve(Modules.SALES_CHANNEL).listSalesChannels({ name: ["Counter", "Online"] })).length).toBe(2);
      expect((await c.resolve(Modules.REGION).listRegions({ name: "Malaysia" })).length).toBe(1);
      expect((await c.resolve(Modules.STOCK_LOCATION).listStockLocations({ name: "Shop" })).length).toBe(1);
      const [store] = await c.resolve(Modules.STORE).listStores();
      expect(store!.name).toBe("Kedai Baiki Cheras");
    });

    it("stays closed once staff exist even without a setup record (a demo-seeded shop)", async () => {
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION);
      await getContainer().resolve(Modules.USER).createUsers({ email: "owner@voltura.demo", metadata: { role: "owner", active: true, demo: true } });
      expect((await api.get("/public/setup")).data.needed).toBe(false);
      const refused = await settle(api.post("/public/setup", setupBody("late@cheras.my")));
      expect(refused.status).toBe(409);
      const left = await pg.raw(`SELECT count(*)::int AS n FROM staff_setup_claim`);
      expect(left.rows[0].n).toBe(0);
      expect((await getContainer().resolve(Modules.USER).listUsers({ email: "late@cheras.my" })).length).toBe(0);
    });

    it("never runs the demo seed on a shop that went through the setup, nor where it is refused", async () => {
      const args: ExecArgs = { container: getContainer(), args: [] };
      process.env.VOLTURA_DEMO_SEED = "refuse";
      try {
        await expect(seedDemo(args)).rejects.toThrow(/VOLTURA_DEMO_SEED/);
      } finally {
        delete process.env.VOLTURA_DEMO_SEED;
      }
      await setUp();
      await expect(seedDemo(args)).rejects.toThrow(/first-run setup/);
      expect((await getContainer().resolve(Modules.USER).listUsers({ email: "owner@voltura.demo" })).length).toBe(0);
    });

    it("asks for the setup code when SETUP_TOKEN is set", async () => {
      process.env.SETUP_TOKEN = "open-sesame-2026";
      try {
        expect((await api.get("/public/setup")).data.token_required).toBe(true);
        const wrong = await settle(api.post("/public/setup", setupBody("x@cheras.my", { setup_token: "guess" })));
        expect(wrong.status).toBe(401);
        expect(wrong.data.message).toContain("setup_token");
      } finally {
        delete process.env.SETUP_TOKEN;
      }
    });
  },
});
