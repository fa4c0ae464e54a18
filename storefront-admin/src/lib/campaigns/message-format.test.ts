import { describe, expect, it } from "vitest";
import { applyFormat, insertVariable } from "./message-format";

describe("WhatsApp formatting toolbar", () => {
  it("wraps the selection and keeps it selected", () => {
    expect(applyFormat("Hai Aminah", 4, 10, "bold")).toEqual({ text: "Hai *Aminah*", selectionStart: 5, selectionEnd: 11 });
    expect(applyFormat("x", 0, 1, "mono").text).toBe("```x```");
    expect(applyFormat("a b", 2, 3, "strike").text).toBe("a ~b~");
  });

  it("inserts a sample word when nothing is selected", () => {
    expect(applyFormat("Hai ", 4, 4, "italic")).toEqual({ text: "Hai _italic_", selectionStart: 5, selectionEnd: 11 });
  });

  it("prefixes every selected line for lists", () => {
    expect(applyFormat("Intro\nscreen\nbattery", 7, 18, "bullets").text).toBe("Intro\n- screen\n- battery");
    expect(applyFormat("one\ntwo", 0, 7, "numbers").text).toBe("1. one\n2. two");
  });

  it("inserts a variable at the caret, replacing a selection", () => {
    expect(insertVariable("Hai !", 4, 4, "nama")).toEqual({ text: "Hai {nama}!", selectionStart: 10, selectionEnd: 10 });
    expect(insertVariable("Hai you", 4, 7, "nama").text).toBe("Hai {nama}");
  });
});
