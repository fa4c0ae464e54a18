import { describe, expect, it } from "vitest";
import { whatsappFormatToHtml } from "./campaign-format.js";

describe("whatsappFormatToHtml", () => {
  it.each<[string, string, string]>([
    ["bold", "*Promosi* hari ini", "<strong>Promosi</strong> hari ini"],
    ["italic", "sila _datang_ awal", "sila <em>datang</em> awal"],
    ["strike", "~RM 100~ RM 80", "<s>RM 100</s> RM 80"],
    ["mono", "kod: ```ABC123```", "kod: <code>ABC123</code>"],
    ["mono keeps its markers", "```*not bold*```", "<code>*not bold*</code>"],
    ["mono across lines", "```a\nb```", "<code>a<br>b</code>"],
    ["nested styles", "*_both_*", "<strong><em>both</em></strong>"],
    ["line breaks", "Hai\nSalam\n\nTerima kasih", "Hai<br>Salam<br><br>Terima kasih"],
    ["a marker glued to a word is text", "2*3*4 and snake_case_name", "2*3*4 and snake_case_name"],
    ["a marker next to a space is text", "a * not bold * and _ no _", "a * not bold * and _ no _"],
    ["unclosed markers are text", "*half", "*half"],
    ["dash list", "Kami baiki:\n- skrin\n- bateri", "Kami baiki:<ul><li>skrin</li><li>bateri</li></ul>"],
    ["star list with bold", "* *skrin*\n* bateri", "<ul><li><strong>skrin</strong></li><li>bateri</li></ul>"],
    ["numbered list then text", "1. Datang\n2. Bayar\nTerima kasih", "<ol><li>Datang</li><li>Bayar</li></ol>Terima kasih"],
    ["bulleted then numbered", "- a\n1. b", "<ul><li>a</li></ul><ol><li>b</li></ol>"],
    ["CRLF", "a\r\nb", "a<br>b"],
  ])("%s", (_name, text, html) => expect(whatsappFormatToHtml(text)).toBe(html));

  it.each<[string, string, string]>([
    ["a script tag", "<script>alert('x')</script>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"],
    ["markup inside bold", "*<img src=x onerror=alert(1)>*", "<strong>&lt;img src=x onerror=alert(1)&gt;</strong>"],
    ["markup inside mono", "```<b>&</b>```", "<code>&lt;b&gt;&amp;&lt;/b&gt;</code>"],
    ["quotes", `"a" & 'b'`, "&quot;a&quot; &amp; &#39;b&#39;"],
    ["a private-use character cannot forge a placeholder", "\uE0000\uE000 ```x```", "0 <code>x</code>"],
  ])("escapes %s", (_name, text, html) => {
    const out = whatsappFormatToHtml(text);
    expect(out).toBe(html);
    expect(out).not.toMatch(/<(script|img|b)\b/);
  });
});
