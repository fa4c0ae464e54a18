import { describe, expect, it } from "vitest";
import { EditTracker, type EditTarget } from "./editing";

const form = (): { isConnected: boolean } => ({ isConnected: true });
const field = (of: EditTarget | null, type = "text"): EditTarget => ({ type, form: of, isConnected: true });

describe("unsaved edits", () => {
  it("counts a form as being edited from the first keystroke until it is submitted", () => {
    const tracker = new EditTracker();
    const diagnosis = form();
    expect(tracker.editing()).toBe(false);
    tracker.noteInput(field(diagnosis, "textarea"));
    expect(tracker.editing()).toBe(true);
    tracker.noteDone(diagnosis);
    expect(tracker.editing()).toBe(false);
  });

  it("keeps counting while another form still holds unsaved text", () => {
    const tracker = new EditTracker();
    const a = form();
    const b = form();
    tracker.noteInput(field(a));
    tracker.noteInput(field(b, "select-one"));
    tracker.noteDone(a);
    expect(tracker.editing()).toBe(true);
  });

  it("forgets forms that left the page", () => {
    const tracker = new EditTracker();
    const gone = form();
    tracker.noteInput(field(gone));
    gone.isConnected = false;
    expect(tracker.editing()).toBe(false);
  });

  it("counts a field outside any form, and ignores hidden fields and buttons", () => {
    const tracker = new EditTracker();
    tracker.noteInput(field(form(), "hidden"));
    tracker.noteInput(field(form(), "submit"));
    expect(tracker.editing()).toBe(false);
    tracker.noteInput(field(null, "search"));
    expect(tracker.editing()).toBe(true);
    tracker.clear();
    expect(tracker.editing()).toBe(false);
  });
});
