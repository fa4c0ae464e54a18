import { describe, expect, it } from "vitest";
import { exportsSubpath, isPureImport, layoutProblems, literalModuleResolves, moduleKeyOf, type PluginTree } from "./plugin-layout-rules";

function tree(files: Record<string, string>): PluginTree {
  return { name: "demo", files: Object.keys(files), read: (rel) => files[rel]!, pkg: { name: "@voltura/plugin-demo" } };
}

const skeleton = {
  "admin/README.md": "",
  "__tests__/a.test.ts": "",
  "api/admin/demo/route.ts": "",
  "modules/demo/index.ts": 'export const DEMO_MODULE = "demo";',
  "modules/demo/service.ts": "",
  "modules/demo/models/thing.ts": "",
  "modules/demo/migrations/Migration1.ts": "",
  "workflows/index.ts": "",
  "workflows/create-thing.ts": "export const w = createWorkflow('create-thing', () => {});",
  "workflows/steps/create-thing.ts": "",
  "jobs/sweep-things.ts": "export default async function () {}\nexport const config = {};",
};

describe("layoutProblems", () => {
  it("passes a plugin that keeps to the skeleton", () => {
    expect(layoutProblems(tree(skeleton))).toEqual([]);
  });

  it("names odd folders, loose files, helpers in jobs/ and files with two workflows", () => {
    const problems = layoutProblems(tree({
      ...skeleton,
      "desk/intake.ts": "",
      "shapes.ts": "",
      "jobs/helpers.ts": "export function x() {}",
      "workflows/both.ts": "createWorkflow('a', () => {}); createWorkflow('b', () => {});",
      "workflows/journal.ts": "export class Journal {}",
      "links/customerDevice.ts": "export default 1;",
    }));
    expect(problems).toEqual(expect.arrayContaining([
      "src/shapes.ts: no loose files in src/",
      "src/desk/: not a skeleton folder",
      "jobs/helpers.ts: no default export",
      "jobs/helpers.ts: no config",
      "workflows/both.ts: 2 workflows (one per file)",
      "workflows/journal.ts: 0 workflows (one per file)",
      "links/customerDevice.ts: not a link definition",
      "links/customerDevice.ts: file names are kebab-case",
    ]));
  });

  it("names a module without its service, or with models but no migrations", () => {
    expect(layoutProblems(tree({ ...skeleton, "modules/other/index.ts": "", "modules/other/models/a.ts": "" }))).toEqual([
      "modules/other has no service.ts",
      "modules/other has no migrations",
    ]);
    expect(layoutProblems(tree({ ...skeleton, "modules/client/index.ts": "", "modules/client/service.ts": "" }))).toEqual([]);
  });
});

describe("the import and resolve rules", () => {
  it("keeps domain/ imports inside domain/ and away from I/O", () => {
    expect(isPureImport("domain/a.ts", "./b")).toBe(true);
    expect(isPureImport("domain/x/a.ts", "../b")).toBe(true);
    expect(isPureImport("domain/a.ts", "../modules/demo/service")).toBe(false);
    expect(isPureImport("domain/a.ts", "@medusajs/framework/utils")).toBe(false);
    expect(isPureImport("domain/a.ts", "node:fs")).toBe(false);
    expect(isPureImport("domain/a.ts", "@voltura/domain")).toBe(true);
    expect(isPureImport("domain/a.ts", "zod")).toBe(true);
  });

  it("finds module keys resolved by string, typed or not", () => {
    const keys = new Set(["crm", "repairBilling"]);
    expect(literalModuleResolves('c.resolve("crm"); c.resolve<Svc>("repairBilling"); c.resolve("logger")', keys)).toEqual(["crm", "repairBilling"]);
    expect(moduleKeyOf('export const CRM_MODULE = "crm";')).toBe("crm");
  });

  it("matches export patterns", () => {
    expect(exportsSubpath({ "./*": "./x/*.js" }, "./search/service")).toBe(true);
    expect(exportsSubpath({ "./workflows": "./w.js" }, "./workflows")).toBe(true);
    expect(exportsSubpath({ "./workflows": "./w.js" }, "./search")).toBe(false);
  });
});
