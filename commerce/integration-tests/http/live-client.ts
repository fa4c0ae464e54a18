/** A small server-sent events client for the live-updates suites (Node fetch, streamed). */
export interface LiveFrame {
  event: string;
  id: string | null;
  data: Record<string, unknown> | null;
}

export interface LiveConnection {
  status: number;
  contentType: string | null;
  frames: LiveFrame[];
  /** The first frame (already received or still to come) that matches, or a rejection after timeoutMs. */
  waitFor(match: (f: LiveFrame) => boolean, timeoutMs?: number): Promise<LiveFrame>;
  close(): void;
}

function parseFrame(block: string): LiveFrame | null {
  let event = "message";
  let id: string | null = null;
  const data: string[] = [];
  for (const line of block.split("\n")) {
    if (line.startsWith(":")) continue;
    const [field, ...rest] = line.split(":");
    const value = rest.join(":").replace(/^ /, "");
    if (field === "event") event = value;
    else if (field === "id") id = value;
    else if (field === "data") data.push(value);
  }
  if (!data.length && id === null && event === "message") return null;
  return { event, id, data: data.length ? (JSON.parse(data.join("\n")) as Record<string, unknown>) : null };
}

export async function openLive(baseUrl: string, path: string, headers: Record<string, string>): Promise<LiveConnection> {
  const abort = new AbortController();
  const res = await fetch(new URL(path, baseUrl), { headers, signal: abort.signal });
  const frames: LiveFrame[] = [];
  const waiters = new Set<() => void>();
  let buffer = "";
  if (res.body) {
    void (async () => {
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          let cut: number;
          while ((cut = buffer.indexOf("\n\n")) >= 0) {
            const frame = parseFrame(buffer.slice(0, cut));
            buffer = buffer.slice(cut + 2);
            if (frame) frames.push(frame);
          }
          for (const wake of [...waiters]) wake();
        }
      } catch {
        // aborted by close()
      }
    })();
  }
  return {
    status: res.status,
    contentType: res.headers.get("content-type"),
    frames,
    waitFor(match, timeoutMs = 2_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = frames.find(match);
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching live frame within ${timeoutMs} ms; got ${JSON.stringify(frames)}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    close() {
      abort.abort();
    },
  };
}
