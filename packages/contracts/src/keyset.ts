import { z } from "zod";

/**
 * A keyset cursor: the (timestamp, id) of the last row of a page, as `<ISO 8601 with microseconds>,<id>`.
 * The next page holds the rows strictly before it in (timestamp DESC, id DESC) order. The server
 * writes it from the stored value (microseconds), so no row is skipped or repeated.
 */
export const keysetCursorSchema = z
  .string()
  .trim()
  .max(200)
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z,[A-Za-z0-9_-]{1,100}$/, "before must be a next_cursor of an earlier page")
  .transform((raw) => {
    const comma = raw.indexOf(",");
    return { at: raw.slice(0, comma), id: raw.slice(comma + 1) };
  });
export type KeysetCursor = z.output<typeof keysetCursorSchema>;
