import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { Modules } from "@medusajs/framework/utils";
import { authHeaders, createStaffUser, jobBody } from "./helpers";
import { openLive } from "./live-client";

/**
 * The compose layout runs several commerce instances on Redis (event bus, workflow engine,
 * locking, caching). This suite boots the commerce core with REDIS_URL and runs an intake and a
 * status change through it, so the Redis module configuration in medusa-config.ts is exercised.
 */
const redisUrl = process.env.VOLTURA_TEST_REDIS_URL;
if (!redisUrl) throw new Error("VOLTURA_TEST_REDIS_URL is not set — run the suite through `npm test`, which starts Redis");
process.env.REDIS_URL = redisUrl;

medusaIntegrationTestRunner({
  dbName: "voltura_it_redis",
  env: { REDIS_URL: redisUrl },
  testSuite: ({ api, getContainer }) => {
    it("boots on Redis, runs the intake and status workflows, and their live changes reach /admin/live", async () => {
      const eventBus = getContainer().resolve(Modules.EVENT_BUS) as { constructor: { name: string } };
      expect(eventBus.constructor.name).toMatch(/redis/i);
      const user = await createStaffUser(getContainer(), "manager");
      const manager = await authHeaders(user.id, "manager");
      const live = await openLive(String(api.defaults.baseURL), "/admin/live", manager.headers);
      try {
        await live.waitFor((f) => f.event === "ready");
        const created = await api.post("/admin/repair-jobs", jobBody({ model: "Redis mode" }), manager);
        expect(created.status).toBe(201);
        const moved = await api.post(`/admin/repair-jobs/${created.data.repair_job.id}/status`, { status: "in_progress" }, manager);
        expect(moved.data.repair_job.status).toBe("in_progress");
        // the Redis event bus hands the event to a subscriber, which records the live change; LISTEN/NOTIFY brings it here
        const change = await live.waitFor((f) => f.event === "change" && f.data?.topic === "job" && f.data?.id === created.data.repair_job.id
          && f.data?.action === "status_changed", 5_000);
        expect(change.id).toBe(String(change.data?.seq));
      } finally {
        live.close();
      }
    });
  },
});
