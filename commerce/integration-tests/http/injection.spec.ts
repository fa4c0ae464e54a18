import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { CONVERSATION } from "@voltura/domain";
import { authHeaders, jobBody, settle } from "./helpers";
import { staffHeaders, type Headers } from "./crm-helpers";
import { runRoutes, textFields, type Answer, type InjectionRun, type Send } from "./injection-harness";
import { INJECTION_PAYLOADS } from "./injection-payloads";
import { CHAT_PHONE, MALFORMED_URL_TEXT, phoneFor, textInUrlRoutes, writeRoutes, type InjectionFixture, type TextInUrlRoute } from "./injection-routes";
import { seedPosFixture } from "./pos.fixtures";

/**
 * Every injection payload into every text field of the staff and public write routes: no 5xx,
 * and what is accepted reads back exactly as the request schema parsed it.
 */
medusaIntegrationTestRunner({
  dbName: "voltura_it_injection",
  testSuite: ({ api, getContainer }) => {
    let owner: Headers;
    let system: Headers;
    /** Filled before the tests run; the routes read it when they send. */
    const fx = {} as InjectionFixture;
    const run: InjectionRun = { requests: 0, accepted: 0, readBack: 0, seconds: {}, folded: [], findings: [] };
    const chatPhones = new Set<string>([CHAT_PHONE]);
    const startedAt = Date.now();

    /** Concierge answers are the worker's call; everything else is the owner's. */
    const send: Send = async (method, path, body) => {
      const headers = path.startsWith("/admin/concierge/answer") ? system : owner;
      const phone = (body as { phone?: unknown } | undefined)?.phone;
      if (path.startsWith("/admin/concierge/") && typeof phone === "string" && /^\+60\d+$/.test(phone)) chatPhones.add(phone);
      try {
        return await settle(method === "GET" ? api.get(path, headers) : api.post(path, body, headers));
      } catch (err) {
        // No answer at all (e.g. Node refusing an oversized request line) is not a 5xx.
        return { status: 0, data: { message: String(err) } } satisfies Answer;
      }
    };

    beforeAll(async () => {
      const container = getContainer();
      const pos = await seedPosFixture(container);
      const as = await staffHeaders(container);
      owner = as.owner;
      system = await authHeaders("system:temporal-worker", "system");
      await api.post("/admin/whatsapp/sessions", { name: "Shop (simulator)", kind: "simulator", is_default: true, paired: true }, owner);

      const newJob = async () => (await api.post("/admin/repair-jobs", jobBody({ customer: { name: "Lim Mei Ling", phone: phoneFor(900_000) } }), owner)).data.repair_job.id as string;
      const customer = (await api.post("/admin/crm/customers", { name: "Siti Aminah", phone: phoneFor(900_001) }, owner)).data.customer.id as string;
      const supplier = (await api.post("/admin/inventory/suppliers", { name: "Fixture Parts Sdn Bhd" }, owner)).data.supplier.id as string;
      const staff = (await api.post("/admin/staff", { email: "fixture@staff.test", name: "Fixture Tech", role: "technician", password: "Tq7#vLp2!Rz9-kW4mB" }, owner)).data.staff.id as string;
      let stockTake: string | null = null;
      Object.assign(fx, {
        customerId: customer, jobId: await newJob(), statusJobId: await newJob(), linesJobId: await newJob(), supplierId: supplier, staffId: staff,
        serviceVariantId: pos.variants.labour, inventoryItemId: pos.inventoryItems.protector!,
        stockTakeId: async () => (stockTake ??= (await api.post("/admin/inventory/stock-takes", { note: "Counting" }, owner)).data.stock_take.id as string),
      } satisfies InjectionFixture);
    });

    afterAll(async () => {
      const seconds = Math.round((Date.now() - startedAt) / 1000);
      console.log(
        `[injection] ${INJECTION_PAYLOADS.length} payloads: ${run.requests} requests, ${run.accepted} accepted, ${run.readBack} values read back, ` +
          `${run.findings.length} findings in ${seconds}s`,
      );
      const slowest = Object.entries(run.seconds).sort((a, b) => b[1] - a[1]).slice(0, 6);
      console.log(`[injection] slowest routes: ${slowest.map(([name, s]) => `${name} ${s}s`).join(", ")}`);
      if (run.folded.length) console.log(`[injection] line breaks folded into a space (single-line fields): ${[...new Set(run.folded)].join(", ")}`);
      for (const f of run.findings) console.log(`[injection]   ${f.route} [${f.fields.join(", ")}] ${f.payload}: ${f.problem}`);
      const temporal = getContainer()?.resolve("temporal") as { terminate(id: string, reason: string): Promise<void> } | undefined;
      // Handoffs signal-with-start `wa:<phone>`; no worker runs them here.
      for (const phone of chatPhones) await temporal?.terminate(CONVERSATION.workflowId(phone), "integration test done").catch(() => undefined);
    });

    const routes = writeRoutes(fx, send);

    it("discovers the text fields of every write route from its request schema", () => {
      for (const route of routes) expect(textFields(route.schema).filter((f) => !route.skip?.includes(f.path)).length, route.name).toBeGreaterThan(0);
      const intake = textFields(routes[0]!.schema).map((f) => f.path);
      expect(intake).toEqual(expect.arrayContaining(["customer.name", "customer.phone", "brand", "model", "issue", "imei_serial", "colour", "accessories.0", "condition_notes"]));
    });

    // One test for all routes: the runner restores the database between tests, and the concierge
    // creates its vector table once per process. Findings are listed per route.
    it("sends every payload into every text field of every write route: no 5xx, accepted text reads back unchanged", async () => {
      await runRoutes(routes, INJECTION_PAYLOADS, send, run);
      const lines = run.findings.map((f) => `${f.route} [${f.fields.join(", ")}] ${f.payload}: ${f.problem}`);
      expect(lines, lines.join("\n")).toEqual([]);
      expect(run.accepted).toBeGreaterThan(routes.length * 10);
    }, 300_000);

    const getUrl = async (route: TextInUrlRoute, url: string): Promise<Answer> => {
      run.requests++;
      return route.public ? settle(api.get(url)).catch((err) => ({ status: 0, data: String(err) })) : send("GET", url);
    };
    const record = (problems: string[], route: TextInUrlRoute, label: string, answer: Answer) => {
      if (answer.status < 500) return;
      problems.push(`${route.name} ${label}: ${answer.status}`);
      run.findings.push({ route: route.name, fields: ["(url)"], payload: label, problem: String(answer.status) });
    };

    it("text in URLs (public route parameters, searches) never answers 5xx", async () => {
      expect(textInUrlRoutes.map((r) => r.name)).toEqual(expect.arrayContaining(["GET /public/track/[token]", "GET /public/sales-documents/[token]"]));
      const problems: string[] = [];
      for (const route of textInUrlRoutes) {
        for (const payload of INJECTION_PAYLOADS) record(problems, route, payload.id, await getUrl(route, route.url(payload.value)));
      }
      expect(problems, problems.join("\n")).toEqual([]);
    });

    it("a path parameter whose percent-encoding is not text answers 4xx, not 5xx", async () => {
      const problems: string[] = [];
      for (const route of textInUrlRoutes.filter((r) => r.inPath)) {
        for (const raw of MALFORMED_URL_TEXT) record(problems, route, raw, await getUrl(route, route.url(raw, true)));
      }
      expect(problems, problems.join("\n")).toEqual([]);
    });
  },
});
