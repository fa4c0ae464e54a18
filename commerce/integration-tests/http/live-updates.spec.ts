import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";
import type { MedusaContainer } from "@medusajs/framework/types";
import { LiveHub, type LiveListener } from "@voltura/plugin-platform/modules/live/hub";
import type { LiveRow } from "@voltura/plugin-platform/modules/live/store";
import { authHeaders, createStaffUser, jobBody } from "./helpers";
import { openLive, type LiveConnection } from "./live-client";

type Headers = Record<string, string>;

async function staff(container: MedusaContainer, role: "owner" | "manager" | "cashier" | "technician"): Promise<Headers> {
  const user = await createStaffUser(container, role, `${role}-live-${Date.now()}-${Math.random()}@test.local`);
  return (await authHeaders(user.id, role)).headers;
}

const isChange = (topic: string, id: string) => (f: { event: string; data: Record<string, unknown> | null }) =>
  f.event === "change" && f.data?.topic === topic && f.data?.id === id;

medusaIntegrationTestRunner({
  dbName: "voltura_it_live",
  testSuite: ({ api, getContainer }) => {
    const base = () => String(api.defaults.baseURL);
    const open: LiveConnection[] = [];
    const connect = async (path: string, headers: Headers) => {
      const c = await openLive(base(), path, headers);
      open.push(c);
      return c;
    };
    afterEach(() => {
      for (const c of open.splice(0)) c.close();
    });

    it("streams a job's change within 2 s, replays after a resume point and resets one that was pruned", async () => {
      const manager = await staff(getContainer(), "manager");
      const live = await connect("/admin/live", manager);
      expect(live.status).toBe(200);
      expect(live.contentType).toMatch(/^text\/event-stream/);
      const ready = await live.waitFor((f) => f.event === "ready");
      const readySeq = Number(ready.data?.seq);
      expect(ready.id).toBe(String(readySeq));

      const started = Date.now();
      const created = await api.post("/admin/repair-jobs", jobBody({ model: "Live 1" }), { headers: manager });
      const jobId = created.data.repair_job.id as string;
      const change = await live.waitFor(isChange("job", jobId), 2_000);
      expect(Date.now() - started).toBeLessThan(2_000 + 1_000); // the POST itself included
      expect(change.data).toMatchObject({ topic: "job", id: jobId, action: "created" });
      expect(Number(change.id)).toBe(change.data?.seq);
      expect(Number(change.data?.seq)).toBeGreaterThan(readySeq);
      expect(new Date(String(change.data?.at)).getTime()).toBeGreaterThan(started - 60_000);
      // the intake also made a customer
      await live.waitFor((f) => f.event === "change" && f.data?.topic === "customer" && f.data?.id === created.data.repair_job.customer_id);

      await api.post(`/admin/repair-jobs/${jobId}/status`, { status: "in_progress" }, { headers: manager });
      await live.waitFor((f) => isChange("job", jobId)(f) && f.data?.action === "status_changed");

      // Replay: `?after=` and Last-Event-ID give the changes after the point, without `ready`.
      const replayed = await connect(`/admin/live?after=${readySeq}`, manager);
      await replayed.waitFor((f) => isChange("job", jobId)(f) && f.data?.action === "created");
      await replayed.waitFor((f) => isChange("job", jobId)(f) && f.data?.action === "status_changed");
      expect(replayed.frames.some((f) => f.event === "ready" || f.event === "reset")).toBe(false);
      const seqs = replayed.frames.filter((f) => f.event === "change").map((f) => Number(f.data?.seq));
      expect(seqs.every((s) => s > readySeq)).toBe(true);
      expect(new Set(seqs).size).toBe(seqs.length);

      const fromHeader = await connect("/admin/live?after=0", { ...manager, "last-event-id": String(change.data?.seq) });
      await fromHeader.waitFor((f) => isChange("job", jobId)(f) && f.data?.action === "status_changed");
      expect(fromHeader.frames.some((f) => isChange("job", jobId)(f) && f.data?.action === "created")).toBe(false);

      // Pruning (rows older than 24 h) makes the old resume point unusable: `reset`.
      const db = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION);
      await db.raw(`UPDATE live_event SET created_at = now() - interval '25 hours' WHERE seq <= ?`, [Number(change.data?.seq)]);
      const pruned = await getContainer().resolve<{ prune(): Promise<number> }>("live").prune();
      expect(pruned).toBeGreaterThan(0);
      const stale = await connect(`/admin/live?after=${readySeq}`, manager);
      const reset = await stale.waitFor((f) => f.event === "reset");
      expect(Number(reset.id)).toBeGreaterThan(readySeq);
      expect(stale.frames.filter((f) => f.event === "change" && Number(f.data?.seq) <= Number(change.data?.seq))).toEqual([]);
      // a resume point from the future (a restored database) resets too
      const future = await connect("/admin/live?after=999999999", manager);
      await future.waitFor((f) => f.event === "reset");
    });

    it("sends each role only the topics it may read", async () => {
      const container = getContainer();
      const [manager, cashier, technician] = [await staff(container, "manager"), await staff(container, "cashier"), await staff(container, "technician")];
      const asCashier = await connect("/admin/live", cashier);
      const asTechnician = await connect("/admin/live", technician);
      await asCashier.waitFor((f) => f.event === "ready");
      await asTechnician.waitFor((f) => f.event === "ready");

      await container.resolve(Modules.EVENT_BUS).emit({ name: "pos.sale.completed", data: { id: "psale_live_test", item_ids: ["iitem_live_test"] } });
      const created = await api.post("/admin/repair-jobs", jobBody({ model: "Live roles" }), { headers: manager });
      const jobId = created.data.repair_job.id as string;

      await asCashier.waitFor(isChange("sale", "psale_live_test"));
      await asCashier.waitFor(isChange("stock", "iitem_live_test"));
      await asTechnician.waitFor(isChange("job", jobId));
      await asTechnician.waitFor(isChange("stock", "iitem_live_test"));
      expect(asTechnician.frames.filter((f) => f.data?.topic === "sale")).toEqual([]);
      // audit rows (owner, manager) reach a manager's stream, not a cashier's
      const asManager = await connect("/admin/live", manager);
      await asManager.waitFor((f) => f.event === "ready");
      await api.post(`/admin/repair-jobs/${jobId}/status`, { status: "in_progress" }, { headers: manager });
      await asManager.waitFor((f) => f.event === "change" && f.data?.topic === "audit", 3_000);
      await asCashier.waitFor((f) => isChange("job", jobId)(f) && f.data?.action === "status_changed");
      expect(asCashier.frames.filter((f) => f.data?.topic === "audit")).toEqual([]);
      // the replay filters by role as well
      const replay = await connect("/admin/live?after=0", technician);
      await replay.waitFor(isChange("job", jobId));
      expect(replay.frames.filter((f) => f.data?.topic === "sale" || f.data?.topic === "audit")).toEqual([]);
    });

    it("reaches a second instance's hub (its own LISTEN connection) through NOTIFY", async () => {
      const container = getContainer();
      const manager = await staff(container, "manager");
      const knex = container.resolve<{ client: { config: { connection: unknown } } }>(ContainerRegistrationKeys.PG_CONNECTION);
      const connection = knex.client.config.connection;
      const other = new LiveHub({ connection: typeof connection === "string" ? { connectionString: connection } : (connection as object) });
      const heard: LiveRow[] = [];
      let closed = false;
      const listener: LiveListener = { deliver: (rows) => heard.push(...rows), close: () => (closed = true) };
      try {
        await other.subscribe(listener);
        const created = await api.post("/admin/repair-jobs", jobBody({ model: "Live hub 2" }), { headers: manager });
        const jobId = created.data.repair_job.id as string;
        const deadline = Date.now() + 2_000;
        while (!heard.some((r) => r.topic === "job" && r.entity_id === jobId) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
        expect(heard.find((r) => r.topic === "job" && r.entity_id === jobId)).toMatchObject({ action: "created" });
      } finally {
        await other.close();
      }
      expect(closed).toBe(true);
      expect(other.listenerCount).toBe(0);
    });

    it("streams maintenance mode switched by SQL (the worker's way) and the emergency stop", async () => {
      const container = getContainer();
      const technician = await staff(container, "technician");
      const live = await connect("/admin/live", technician);
      await live.waitFor((f) => f.event === "ready");
      const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION);
      await db.raw(`UPDATE operations_maintenance SET "on" = true, reason = 'restore', "by" = 'worker' WHERE id = 'shop'`);
      await live.waitFor((f) => isChange("maintenance", "shop")(f) && f.data?.action === "on");
      await db.raw(`UPDATE operations_maintenance SET reason = 'still restoring' WHERE id = 'shop'`);
      await db.raw(`UPDATE operations_maintenance SET "on" = false WHERE id = 'shop'`);
      await live.waitFor((f) => isChange("maintenance", "shop")(f) && f.data?.action === "off");
      expect(live.frames.filter((f) => f.data?.topic === "maintenance")).toHaveLength(2);

      await api.post("/admin/campaigns/emergency-stop", { reason: "test" }, { headers: technician });
      await live.waitFor((f) => isChange("campaign", "emergency_stop")(f) && f.data?.action === "stopped");
    });

    it("refuses a caller without a staff role", async () => {
      const anonymous = await fetch(new URL("/admin/live", base()));
      expect(anonymous.status).toBe(401);
      await anonymous.body?.cancel();
    });
  },
});
