import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";
import { lockPair, mergeProfiles, moveDevices, moveNotes, moveRepairJobs } from "@voltura/plugin-crm/workflows";
import { jobBody, settle } from "./helpers";
import { createOrder, createRawCustomer, staffHeaders, type Headers } from "./crm-helpers";

type Row = Record<string, unknown>;
interface Trx {
  raw(sql: string, bindings?: unknown[]): Promise<{ rows: Row[] }>;
}
interface Pg extends Trx {
  transaction<T>(work: (trx: Trx) => Promise<T>): Promise<T>;
}

/** Crashes in the middle of a customer merge, and what a retry makes of them: all or nothing, one merge per key. */
medusaIntegrationTestRunner({
  dbName: "voltura_it_crm_merge_recovery",
  testSuite: ({ api, getContainer }) => {
    let as: Record<"owner" | "manager" | "cashier" | "technician", Headers>;
    const pg = () => getContainer().resolve<Pg>(ContainerRegistrationKeys.PG_CONNECTION);
    let phone = 0;

    beforeEach(async () => {
      as = await staffHeaders(getContainer());
    });

    /** A primary with a job and a note; a duplicate with a job, a note, tags, a tablet and an order. */
    async function pair() {
      phone += 1;
      const number = `012-555 ${String(1000 + phone)}`;
      const job = await api.post("/admin/repair-jobs", jobBody({ customer: { name: "Nurul Huda", phone: number } }), as.cashier);
      const primary = job.data.repair_job.customer_id as string;
      await api.post(`/admin/crm/customers/${primary}/notes`, { body: "Primary note" }, as.cashier);
      const duplicate = (await createRawCustomer(getContainer(), { first_name: "Nurul", last_name: "H.", phone: number })).id;
      await api.post(`/admin/crm/customers/${duplicate}`, { customer_type: "corporate", tags: ["Dealer lead"] }, as.manager);
      await api.post(`/admin/crm/customers/${duplicate}/notes`, { body: "Duplicate note" }, as.cashier);
      await api.post(`/admin/crm/customers/${duplicate}/devices`, { device_type: "tablet", brand: "Samsung", model: "Tab S9" }, as.cashier);
      const dupJob = await api.post("/admin/repair-jobs", jobBody({ customer: { name: "Nurul H.", phone: `019-555 ${String(1000 + phone)}` } }), as.cashier);
      const link = getContainer().resolve("link") as { create: (d: object) => Promise<unknown>; dismiss: (d: object) => Promise<unknown> };
      await link.dismiss({ [Modules.CUSTOMER]: { customer_id: dupJob.data.repair_job.customer_id }, repair: { repair_job_id: dupJob.data.repair_job.id } });
      await link.create({ [Modules.CUSTOMER]: { customer_id: duplicate }, repair: { repair_job_id: dupJob.data.repair_job.id } });
      await createOrder(getContainer(), duplicate, [{ title: "Tempered glass", quantity: 1, unit_price: 25 }]);
      return { primary, duplicate };
    }

    const detail = async (id: string) => (await settle(api.get(`/admin/crm/customers/${id}`, as.manager))).data.customer;
    /** Every record either customer owns, as one set: a merge may move them, never lose one. */
    const records = (...customers: Array<{ repair_jobs: Row[]; devices: Row[]; notes: Row[]; purchases: Row[] }>) =>
      new Set(customers.flatMap((c) => [
        ...c.repair_jobs.map((j) => `job:${j.id}`), ...c.devices.map((d) => `device:${d.id}`),
        ...c.notes.filter((n) => !String(n.body).startsWith("Merged ")).map((n) => `note:${n.id}`), ...c.purchases.map((o) => `order:${o.id}`),
      ]));
    const mergeRows = async (primary: string) => (await pg().raw(`SELECT idempotency_key, result FROM customer_merge WHERE primary_id = ?`, [primary])).rows;
    const mergeNotes = (c: { notes: Row[] }) => c.notes.filter((n) => String(n.body).startsWith("Merged "));

    it("a process killed half way leaves the pair untouched; the retry merges all of it once", async () => {
      const { primary, duplicate } = await pair();
      const before = { primary: await detail(primary), duplicate: await detail(duplicate) };
      const owned = records(before.primary, before.duplicate);
      expect(owned.size).toBe(7);

      // The merge's transaction got through profile, notes, devices and jobs, then its connection died with the process.
      const merge = { primary_id: primary, duplicate_id: duplicate, merged_by: "Test manager" };
      const crashed = pg().transaction(async (trx) => {
        await lockPair(trx as never, merge);
        const profiles = await mergeProfiles(trx as never, merge);
        await moveNotes(trx as never, profiles.duplicate_profile_id, profiles.target_id);
        await moveDevices(trx as never, merge);
        await moveRepairJobs(trx as never, merge);
        const [{ pid }] = (await trx.raw(`SELECT pg_backend_pid() AS pid`)).rows as [{ pid: number }];
        await pg().raw(`SELECT pg_terminate_backend(?)`, [pid]);
        await trx.raw(`SELECT 1`);
      });
      await expect(crashed).rejects.toThrow();
      expect({ primary: await detail(primary), duplicate: await detail(duplicate) }).toEqual(before);
      expect(await mergeRows(primary)).toHaveLength(0);

      // The console retries with its key (twice at once): one merge, both answered with it.
      const body = { duplicate_id: duplicate, idempotency_key: `console:merge:${duplicate}` };
      const [a, b] = await Promise.all([1, 2].map(() => settle(api.post(`/admin/crm/customers/${primary}/merge`, body, as.manager))));
      expect([a!.status, b!.status]).toEqual([200, 200]);
      expect(a!.data.merged).toEqual({ duplicate_id: duplicate, repair_jobs: 1, devices: 1, notes: 1, orders: 1 });
      expect(b!.data.merged).toEqual(a!.data.merged);
      const after = await detail(primary);
      expect(records(after)).toEqual(owned);
      expect(after).toMatchObject({ customer_type: "corporate", tags: ["dealer lead"] });
      expect(mergeNotes(after)).toHaveLength(1);
      expect((await settle(api.get(`/admin/crm/customers/${duplicate}`, as.manager))).status).toBe(404);
      expect(await mergeRows(primary)).toEqual([{ idempotency_key: body.idempotency_key, result: a!.data.merged }]);

      // Later retries, with the key or without one (the pair is the key then), answer the same merge.
      const again = await api.post(`/admin/crm/customers/${primary}/merge`, body, as.manager);
      expect(again.status).toBe(200);
      expect(again.data.merged).toEqual(a!.data.merged);
      expect(mergeNotes(again.data.customer)).toHaveLength(1);
    });

    it("a retry without a key finds the merge by its pair, and a key used for another pair is 409", async () => {
      const first = await pair();
      const r = await api.post(`/admin/crm/customers/${first.primary}/merge`, { duplicate_id: first.duplicate }, as.manager);
      expect(r.status).toBe(200);
      const retry = await settle(api.post(`/admin/crm/customers/${first.primary}/merge`, { duplicate_id: first.duplicate }, as.owner));
      expect(retry.status).toBe(200);
      expect(retry.data.merged).toEqual(r.data.merged);
      expect(mergeNotes(retry.data.customer)).toHaveLength(1);

      const second = await pair();
      const keyed = await api.post(`/admin/crm/customers/${second.primary}/merge`, { duplicate_id: second.duplicate, idempotency_key: "console:merge:k1" }, as.manager);
      expect(keyed.status).toBe(200);
      const third = await pair();
      const before = { primary: await detail(third.primary), duplicate: await detail(third.duplicate) };
      const reused = await settle(api.post(`/admin/crm/customers/${third.primary}/merge`, { duplicate_id: third.duplicate, idempotency_key: "console:merge:k1" }, as.manager));
      expect(reused.status).toBe(409);
      expect(reused.data).toMatchObject({ code: "idempotency_key_reused", field: "idempotency_key" });
      expect({ primary: await detail(third.primary), duplicate: await detail(third.duplicate) }).toEqual(before);
    });
  },
});
