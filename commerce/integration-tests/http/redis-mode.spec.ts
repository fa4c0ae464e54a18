import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { Modules } from "@medusajs/framework/utils";
import { authHeaders, createStaffUser, jobBody } from "./helpers";

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
    it("boots on Redis and runs the intake and status workflows", async () => {
      const eventBus = getContainer().resolve(Modules.EVENT_BUS) as { constructor: { name: string } };
      expect(eventBus.constructor.name).toMatch(/redis/i);
      const user = await createStaffUser(getContainer(), "manager");
      const manager = await authHeaders(user.id, "manager");
      const created = await api.post("/admin/repair-jobs", jobBody({ model: "Redis mode" }), manager);
      expect(created.status).toBe(201);
      const moved = await api.post(`/admin/repair-jobs/${created.data.repair_job.id}/status`, { status: "in_progress" }, manager);
      expect(moved.data.repair_job.status).toBe("in_progress");
    });
  },
});
