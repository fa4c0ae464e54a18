// The package itself, by path: `@medusajs/test-utils` is aliased to this file (vitest.config.mts).
import type { MedusaContainer } from "@medusajs/framework/types";
import * as upstream from "@medusajs/test-utils/dist/index.js";
import { copyDatabase, dropDatabases, restoreDatabase, snapshotDatabase } from "./database-copies";
import { MIGRATED_TEMPLATE_ENV, SHARED_DATABASE_PREFIX } from "./migrated-template";

export * from "@medusajs/test-utils/dist/index.js";

type RunnerOptions = Parameters<typeof upstream.medusaIntegrationTestRunner>[0];
type SuiteOptions = Parameters<RunnerOptions["testSuite"]>[0];
type Hook = () => Promise<void>;

/** Medusa's own runner, booted once: its hooks and the options it gives a suite. */
interface BootedApp {
  key: string;
  dbName: string;
  /** The database right after boot, before any suite's own setup: every suite sharing the app starts from it. */
  bootTemplate: string;
  envAfterBoot: NodeJS.ProcessEnv;
  /** The container's registrations right after boot: a suite may swap one (a fake Temporal) and not put it back. */
  registrationsAfterBoot: MedusaContainer["registrations"];
  options: SuiteOptions;
  afterEach: Hook;
  /** Medusa's own cleanup (the app stopped, its databases dropped), for a process that boots one suite only. */
  shutdown: Hook;
}

/**
 * Builds Medusa's runner without registering its describe block: its hooks are taken out and called
 * by the suites that share it (see medusaIntegrationTestRunner below).
 */
function captureUpstreamRunner(options: RunnerOptions): { beforeAll: Hook; beforeEach: Hook; afterEach: Hook; afterAll: Hook; options: SuiteOptions } {
  const hooks: Record<string, Hook> = {};
  let suiteOptions: SuiteOptions | undefined;
  const globals = globalThis as typeof globalThis & Record<string, unknown>;
  const saved = Object.fromEntries(["describe", "beforeAll", "beforeEach", "afterEach", "afterAll"].map((k) => [k, globals[k]]));
  try {
    globals.describe = (_name: string, body: () => void) => body();
    for (const name of ["beforeAll", "beforeEach", "afterEach", "afterAll"]) globals[name] = (fn: Hook) => { hooks[name] = fn; };
    upstream.medusaIntegrationTestRunner({ ...options, testSuite: (given) => { suiteOptions = given; } });
  } finally {
    Object.assign(globals, saved);
  }
  return { beforeAll: hooks.beforeAll, beforeEach: hooks.beforeEach, afterEach: hooks.afterEach, afterAll: hooks.afterAll, options: suiteOptions! };
}

/** What a boot depends on: the process environment as the suite left it, and the runner's options. */
/** Set by a library the first time a suite imports it, not by the suite: no reason for a boot of its own. */
const LIBRARY_SET_ENV = new Set(["MIKRO_ORM_COLORS"]);

function bootKey(options: RunnerOptions): string {
  const env = Object.entries({ ...process.env, ...(options.env ?? {}) })
    .filter(([name]) => !LIBRARY_SET_ENV.has(name))
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([env, options.cwd ?? null, options.medusaConfigFile ?? null, options.schema ?? "public", options.debug ?? false]);
}

function bootDifference(before: string, after: string): string {
  const [envBefore, ...restBefore] = JSON.parse(before) as [Array<[string, string]>, ...unknown[]];
  const [envAfter, ...restAfter] = JSON.parse(after) as [Array<[string, string]>, ...unknown[]];
  const a = new Map(envBefore);
  const b = new Map(envAfter);
  const changed = [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k));
  const options = JSON.stringify(restBefore) === JSON.stringify(restAfter) ? [] : ["runner options"];
  return [...changed.map((k) => `$${k}`), ...options].join(", ") || "same key";
}

function setProcessEnv(env: NodeJS.ProcessEnv): void {
  for (const key of Object.keys(process.env)) if (!(key in env)) delete process.env[key];
  Object.assign(process.env, env);
}

/** `voltura_it_shared_<vitest pid>_<worker pid>`: global-setup.ts drops the run's ones at the end. */
export function sharedDatabaseName(): string {
  return `${SHARED_DATABASE_PREFIX}${process.ppid}_${process.pid}`;
}

function containerOf(options: SuiteOptions): MedusaContainer {
  return options.getContainer();
}

function restoreRegistrations(app: BootedApp): void {
  const container = containerOf(app.options);
  const now = container.registrations;
  for (const key of Reflect.ownKeys(app.registrationsAfterBoot)) {
    if (now[key] !== app.registrationsAfterBoot[key]) container.register(key, app.registrationsAfterBoot[key]);
  }
}

const state = globalThis as typeof globalThis & { __vshBootedApp?: BootedApp };

/** Boots Medusa on `dbName`, a fresh copy of the migrated template, and keeps it for later suites with the same key. */
async function bootApp(options: RunnerOptions, key: string, dbName: string): Promise<BootedApp> {
  const template = process.env[MIGRATED_TEMPLATE_ENV];
  const bootTemplate = `${dbName}_boot`;
  const suiteTemplate = `${dbName}-template`;
  await dropDatabases(dbName, bootTemplate, suiteTemplate);
  if (template) await copyDatabase(template, dbName);
  const runner = captureUpstreamRunner({ ...options, dbName });
  await runner.beforeAll();
  await snapshotDatabase(dbName, bootTemplate);
  return {
    key,
    dbName,
    bootTemplate,
    envAfterBoot: { ...process.env },
    registrationsAfterBoot: { ...containerOf(runner.options).registrations },
    options: runner.options,
    afterEach: runner.afterEach,
    shutdown: async () => {
      await runner.afterAll();
      await dropDatabases(dbName, bootTemplate, suiteTemplate);
    },
  };
}

/**
 * Medusa's runner, with one boot of the app shared by the suites of a Vitest worker (`isolate: false`):
 * booting costs ~10 s, a suite's tests often less. Every suite still starts from the same state as
 * with a boot of its own: the database as it was right after the boot (a copy of the one
 * global-setup.ts migrates once), the process environment and the container's registrations as they
 * were right after the boot, and, as
 * Medusa's runner does, the database restored before each test to what it was after the suite's
 * `beforeAll` hooks. A suite whose environment differs (a variable set at the top of the file, the
 * runner's `env`) needs a boot of its own, in a process of its own: vitest.config.mts runs such files
 * in the `own-boot` project (one process per file); a mismatch in the shared worker is an error.
 */
export function medusaIntegrationTestRunner(options: RunnerOptions): void {
  if (!options.dbName) throw new Error("Every suite names its database (dbName)");
  if (options.hooks || options.inApp) throw new Error("Suites with runner hooks or inApp are not supported by the shared boot");
  let app: BootedApp;
  let snapshotTaken = false;
  describe("", () => {
    beforeAll(async () => {
      const key = bootKey(options);
      const current = state.__vshBootedApp;
      if (current && current.key === key) {
        setProcessEnv(current.envAfterBoot);
        restoreRegistrations(current);
        await restoreDatabase(current.bootTemplate, current.dbName);
        app = current;
      } else {
        // Medusa keeps its database connection in a process-wide container that a shutdown does not
        // clear: a second boot in one process would find the closed connection.
        if (current) throw new Error(`${options.dbName}: Medusa was booted with another environment (${bootDifference(current.key, key)}); a suite that sets the environment at its top level or passes \`env\` must run in the own-boot project (vitest.config.mts)`);
        // The shared app's database is the worker's own (another run on the same server may use the
        // suite's name); a suite booting alone keeps its name (vault.spec.ts hands it to a CLI).
        const ownBoot = process.env.VOLTURA_IT_OWN_BOOT === "1";
        app = await bootApp(options, key, ownBoot ? options.dbName! : sharedDatabaseName());
        state.__vshBootedApp = app;
      }
    });
    beforeEach(async () => {
      // As Medusa's runner: the first test snapshots the database the suite's beforeAll hooks left,
      // every later one starts from that snapshot.
      const suiteTemplate = `${app.dbName}-template`;
      if (snapshotTaken) return restoreDatabase(suiteTemplate, app.dbName);
      await snapshotDatabase(app.dbName, suiteTemplate);
      snapshotTaken = true;
    });
    afterEach(async () => {
      await app.afterEach();
    });
    afterAll(async () => {
      if (!app) return;
      if (process.env.VOLTURA_IT_OWN_BOOT === "1") return app.shutdown();
      await app.options.utils.waitWorkflowExecutions();
    });
    options.testSuite(lateOptions());
  });
}

/** The booted app, once a suite's beforeAll has run. */
function booted(): BootedApp {
  const app = state.__vshBootedApp;
  if (!app) throw new Error("Medusa is not booted yet: use the suite's options inside hooks and tests");
  return app;
}

/**
 * A suite reads its options while it registers its tests, before any boot: every option resolves
 * against the booted app when used.
 */
function lateOptions(): SuiteOptions {
  const functions = new Set<string | symbol>(["getContainer", "getMedusaApp"]);
  return new Proxy({} as SuiteOptions, {
    get: (_target, option) => {
      const of = (): unknown => Reflect.get(booted().options, option);
      if (functions.has(option)) {
        return (...args: unknown[]) => {
          const fn = of();
          if (typeof fn !== "function") throw new Error(`The suite option ${String(option)} is not a function`);
          return fn(...args);
        };
      }
      return new Proxy({}, { get: (_t, prop) => { const value = of(); return typeof value === "object" && value !== null ? Reflect.get(value, prop) : undefined; } });
    },
  });
}
