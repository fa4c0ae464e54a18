// Brings up the services a profile needs, reusing what already runs.
import { URL } from "node:url";
import {
  checkGivenAddress, checkGivenDatabase, ensureDatabase, ensurePostgres, ensureTemporal, stopPostgres, stopTemporal,
} from "./services.mjs";

export async function ensureDevServices(env, { freshDatabase = false } = {}) {
  if (env.DATABASE_GIVEN) {
    await checkGivenDatabase(env.DATABASE_URL);
  } else {
    await ensurePostgres();
    ensureDatabase(new URL(env.DATABASE_URL).pathname.slice(1), { fresh: freshDatabase });
  }
  if (env.REDIS_URL) await checkGivenAddress("Redis", new URL(env.REDIS_URL).host, "start Redis, or unset REDIS_URL to use the in-memory providers");
  if (env.TEMPORAL_GIVEN) {
    await checkGivenAddress("Temporal", env.TEMPORAL_ADDRESS, "run `npm run services`, or set TEMPORAL_ADDRESS");
  } else {
    const port = Number(env.TEMPORAL_ADDRESS.split(":")[1]);
    await ensureTemporal({ port, uiPort: Number(env.TEMPORAL_UI_PORT), dbFile: env.TEMPORAL_DB_FILE || null, namespace: env.TEMPORAL_NAMESPACE });
  }
  return env;
}

export function stopDevServices() {
  stopTemporal(7233);
  stopTemporal(7243);
  stopPostgres();
}
