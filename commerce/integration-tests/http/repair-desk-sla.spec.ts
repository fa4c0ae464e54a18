import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { jobBody, settle } from "./helpers";
import { createBackdatedJob, staff, type Headers } from "./repair-desk-helpers";

const H = 3_600_000;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response rows are asserted field by field
const numbers = (jobs: any[]) => jobs.map((j: { job_number: string }) => j.job_number).sort();

medusaIntegrationTestRunner({
  dbName: "voltura_it_repair_desk_sla",
  testSuite: ({ api, getContainer }) => {
    let manager: Headers;
    let cashier: Headers;

    beforeEach(async () => {
      manager = (await staff(getContainer(), "manager")).headers;
      cashier = (await staff(getContainer(), "cashier")).headers;
    });

    describe("SLA", () => {
      it("shows remaining time and breach on each job, and lists open breaches most overdue first", async () => {
        const c = getContainer();
        const late = await createBackdatedJob(c, { hoursAgo: 80, priority: "normal" }); // 72 h: 8 h late
        const veryLate = await createBackdatedJob(c, { hoursAgo: 30, priority: "urgent", status: "in_progress" }); // 4 h: 26 h late
        const onTime = await createBackdatedJob(c, { hoursAgo: 10, priority: "normal" });
        // Waiting for parts since 2 h after intake: the clock stopped with 2 h left, however long ago that was.
        const paused = await createBackdatedJob(c, { hoursAgo: 200, priority: "urgent", status: "awaiting_parts", pausedSince: new Date(Date.now() - 198 * H) });
        const pausedLate = await createBackdatedJob(c, { hoursAgo: 30, priority: "urgent", status: "awaiting_parts", pausedSince: new Date(Date.now() - 20 * H) });
        const lateButDone = await createBackdatedJob(c, { hoursAgo: 100, priority: "urgent", status: "completed", pausedSince: new Date(Date.now() - 50 * H) });

        const lateJob = (await api.get(`/admin/repair-jobs/${late.id}`, manager)).data.repair_job;
        expect(lateJob.sla.breached).toBe(true);
        expect(lateJob.sla.remaining_ms).toBeLessThan(-8 * H + 60_000);
        expect(lateJob.sla.remaining_ms).toBeGreaterThan(-8 * H - 60_000);
        const pausedJob = (await api.get(`/admin/repair-jobs/${paused.id}`, manager)).data.repair_job;
        expect(pausedJob.sla).toMatchObject({ breached: false, state: "paused" });
        expect(pausedJob.sla.remaining_ms - 2 * H).toBeGreaterThanOrEqual(0);
        expect(pausedJob.sla.remaining_ms - 2 * H).toBeLessThan(1000);

        const breaches = await api.get("/admin/repair-jobs/sla-breaches", manager);
        expect(breaches.data.repair_jobs.map((j: { id: string }) => j.id)).toEqual([veryLate.id, late.id, pausedLate.id]); // 26 h, 8 h, 6 h late
        expect(breaches.data.count).toBe(3);
        expect(breaches.data.repair_jobs.every((j: { sla: { breached: boolean } }) => j.sla.breached)).toBe(true);

        const filtered = await api.get("/admin/repair-jobs?breached=true", manager);
        // The list filter also shows jobs that were finished late.
        expect(numbers(filtered.data.repair_jobs)).toEqual(numbers([late, veryLate, pausedLate, lateButDone]));
        const notBreached = await api.get("/admin/repair-jobs?breached=false", manager);
        expect(numbers(notBreached.data.repair_jobs)).toEqual(numbers([onTime, paused]));
      });

      it("is for owners and managers", async () => {
        expect((await settle(api.get("/admin/repair-jobs/sla-breaches", cashier))).status).toBe(403);
        const owner = (await staff(getContainer(), "owner")).headers;
        expect((await api.get("/admin/repair-jobs/sla-breaches", owner)).data.count).toBe(0);
      });

      it("takes the SLA hours from the shop settings", async () => {
        await api.post("/admin/settings", { sla_hours: { normal: 48 } }, manager);
        const job = (await api.post("/admin/repair-jobs", jobBody(), cashier)).data.repair_job;
        expect(Date.parse(job.sla_due_at) - Date.parse(job.received_at)).toBe(48 * H);
      });
    });

    describe("lists and board", () => {
      it("filters by technician, mine, priority and device type", async () => {
        const a = await staff(getContainer(), "technician", "Tech A");
        const b = await staff(getContainer(), "technician", "Tech B");
        const mk = async (extra: Record<string, unknown>) => (await api.post("/admin/repair-jobs", jobBody(extra), cashier)).data.repair_job;
        const a1 = await mk({ technician_id: a.id, priority: "urgent" });
        const a2 = await mk({ technician_id: a.id, device_type: "laptop", brand: "Lenovo", model: "T14" });
        const b1 = await mk({ technician_id: b.id, device_type: "laptop", brand: "Dell", model: "XPS 13" });
        await mk({});

        const mine = await api.get("/admin/repair-jobs?mine=true", a.headers);
        expect(numbers(mine.data.repair_jobs)).toEqual(numbers([a1, a2]));
        expect(mine.data.count).toBe(2);
        expect(numbers((await api.get(`/admin/repair-jobs?technician_id=${b.id}`, manager)).data.repair_jobs)).toEqual(numbers([b1]));
        expect(numbers((await api.get("/admin/repair-jobs?priority=urgent", manager)).data.repair_jobs)).toEqual(numbers([a1]));
        expect(numbers((await api.get("/admin/repair-jobs?device_type=laptop", manager)).data.repair_jobs)).toEqual(numbers([a2, b1]));
        expect(numbers((await api.get(`/admin/repair-jobs?device_type=laptop&mine=1`, a.headers)).data.repair_jobs)).toEqual(numbers([a2]));
        const bad = await settle(api.get("/admin/repair-jobs?device_type=toaster", manager));
        expect(bad.status).toBe(400);
        expect(bad.data.message).toContain("device_type");
      });

      it("groups open jobs by status and shows the last finished ones", async () => {
        const mk = async () => (await api.post("/admin/repair-jobs", jobBody(), cashier)).data.repair_job;
        const move = (id: string, ...statuses: string[]) =>
          statuses.reduce((p, status) => p.then(() => api.post(`/admin/repair-jobs/${id}/status`, { status }, manager)), Promise.resolve() as Promise<unknown>);
        const [p1, p2, working, parts, done, gone, cancelled] = await Promise.all(Array.from({ length: 7 }, mk));
        await move(working.id, "in_progress");
        await move(parts.id, "awaiting_parts");
        await move(done.id, "in_progress", "completed");
        await move(gone.id, "in_progress", "completed", "delivered");
        await move(cancelled.id, "cancelled");

        const board = (await api.get("/admin/repair-jobs/board", cashier)).data;
        const column = (status: string) => board.columns.find((c: { status: string }) => c.status === status);
        expect(board.columns.map((c: { status: string }) => c.status)).toEqual(["pending", "awaiting_approval", "awaiting_parts", "in_progress", "completed"]);
        expect(numbers(column("pending").repair_jobs)).toEqual(numbers([p1, p2]));
        expect(column("pending").label).toBe("Pending");
        expect(column("awaiting_approval").count).toBe(0);
        expect(numbers(column("awaiting_parts").repair_jobs)).toEqual(numbers([parts]));
        expect(numbers(column("in_progress").repair_jobs)).toEqual(numbers([working]));
        expect(numbers(column("completed").repair_jobs)).toEqual(numbers([done]));
        expect(board.finished.map((j: { id: string }) => j.id)).toEqual([cancelled.id, gone.id]);
      });
    });
  },
});
