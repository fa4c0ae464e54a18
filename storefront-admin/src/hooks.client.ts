import { z } from "zod";

// The Content-Security-Policy allows no eval: zod must neither probe for `new Function` nor
// compile its fast paths with it. Runs before any page module builds a schema.
z.config({ jitless: true });
