import { createServer, type Server } from "node:http";

export interface HealthSource {
  taskQueue: string;
  namespace: string;
  /** The worker's state, e.g. RUNNING, STOPPING, FAILED. */
  state(): string;
}

export interface HealthReport {
  ok: boolean;
  taskQueue: string;
  namespace: string;
  state: string;
}

export function healthReport(source: HealthSource): HealthReport {
  const state = source.state();
  return { ok: state === "RUNNING", taskQueue: source.taskQueue, namespace: source.namespace, state };
}

/** GET /health answers 200 while the worker runs, 503 otherwise; anything else is 404. */
export function startHealthServer(port: number, source: HealthSource, host = "127.0.0.1"): Promise<Server> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://health").pathname;
    if (req.method !== "GET" || path !== "/health") {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "not found" }));
      return;
    }
    const report = healthReport(source);
    res.writeHead(report.ok ? 200 : 503, { "content-type": "application/json", "cache-control": "no-store" });
    res.end(JSON.stringify(report));
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(server);
    });
  });
}
