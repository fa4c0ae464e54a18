import { describe, expect, it } from "vitest";
import { intakeDevice, recordIntakeDevice } from "../workflows/hooks/record-intake-device";
import { CrmJournal, rollBack } from "../workflows/journal";
import { fakeContainer } from "./fake-container";

const iphone = { id: "cdev_old", device_type: "phone", brand: "Apple", model: "iPhone 13", imei_serial: "352099001761481", colour: null, created_at: "2026-01-01T00:00:00Z" };
const visit = new Date("2026-11-24T02:00:00Z");

describe("intakeDevice", () => {
  it("reads the optional IMEI and colour, normalised, and ignores blanks", () => {
    expect(intakeDevice({ device_type: "phone", brand: " Apple ", model: "iPhone 13", imei_serial: "35-2099", colour: " " })).toEqual({
      device_type: "phone", brand: "Apple", model: "iPhone 13", imei_serial: "352099", colour: null,
    });
    expect(intakeDevice({ device_type: "laptop", brand: "Lenovo", model: "X1" }).imei_serial).toBeNull();
  });
});

describe("recordIntakeDevice", () => {
  it("creates a walk-in profile and the device for a new customer and links the device to the job", async () => {
    const { container, names, calls } = fakeContainer({ customer: [{ id: "cus_1", customer_profile: null, devices: [], repair_jobs: [] }] });
    const journal = new CrmJournal(container);
    const result = await recordIntakeDevice(journal, { jobId: "rjob_1", customerId: "cus_1", device: { device_type: "phone", brand: "Apple", model: "iPhone 13" }, visitedAt: visit });
    expect(result).toMatchObject({ profile_created: true, device_created: true });
    expect(names()).toEqual(["createCustomerProfiles", "link.create", "createDevices", "link.create", "link.create"]);
    expect(calls[0]![1]).toMatchObject({ customer_type: "walk_in", tags: [], last_visit_at: visit });
    expect(calls.at(-1)![1]).toEqual({ crm: { device_id: result.device_id }, repair: { repair_job_id: "rjob_1" } });
    expect(journal.undo.map((u) => u.kind)).toEqual(["delete_profile", "dismiss_link", "delete_device", "dismiss_link", "dismiss_link"]);
  });

  it("reuses the device with the same IMEI and only moves the last visit forward", async () => {
    const profile = { id: "cprof_1", customer_type: "dealer", tags: ["vip"], last_visit_at: "2026-11-01T00:00:00Z" };
    const { container, names, calls } = fakeContainer({ customer: [{ id: "cus_1", customer_profile: profile, devices: [iphone], repair_jobs: [] }] });
    const journal = new CrmJournal(container);
    const result = await recordIntakeDevice(journal, {
      jobId: "rjob_2", customerId: "cus_1", device: { device_type: "phone", brand: "Apple", model: "iPhone 13 Pro?", imei_serial: "352099001761481" }, visitedAt: visit,
    });
    expect(result).toEqual({ profile_id: "cprof_1", device_id: "cdev_old", device_created: false, profile_created: false });
    expect(names()).toEqual(["updateCustomerProfiles", "link.create"]);
    expect(calls[0]![1]).toEqual({ id: "cprof_1", last_visit_at: visit });
    expect(journal.undo[0]).toEqual({ kind: "update_profile", id: "cprof_1", state: { customer_type: "dealer", tags: ["vip"], last_visit_at: "2026-11-01T00:00:00Z" } });

    const later = fakeContainer({ customer: [{ id: "cus_1", customer_profile: { ...profile, last_visit_at: "2026-12-01T00:00:00Z" }, devices: [iphone], repair_jobs: [] }] });
    await recordIntakeDevice(new CrmJournal(later.container), { jobId: "rjob_3", customerId: "cus_1", device: { device_type: "phone", brand: "Apple", model: "iPhone 13" }, visitedAt: visit });
    expect(later.names()).toEqual(["link.create"]);
  });

  it("run again for the same job (intake's outbox after a crash) finds the profile, device and link and adds nothing", async () => {
    const profile = { id: "cprof_1", customer_type: "walk_in", tags: [], last_visit_at: visit.toISOString() };
    const again = fakeContainer({ customer: [{ id: "cus_1", customer_profile: profile, devices: [iphone], repair_jobs: [{ id: "rjob_1" }] }] }, [{ device_id: "cdev_old" }]);
    const result = await recordIntakeDevice(new CrmJournal(again.container), {
      jobId: "rjob_1", customerId: "cus_1", device: { device_type: "phone", brand: "Apple", model: "iPhone 13", imei_serial: "352099001761481" }, visitedAt: visit,
    });
    expect(result).toEqual({ profile_id: "cprof_1", device_id: "cdev_old", device_created: false, profile_created: false });
    expect(again.names()).toEqual([]);
  });

  it("refuses an unknown customer", async () => {
    const { container } = fakeContainer({ customer: [] });
    await expect(recordIntakeDevice(new CrmJournal(container), { jobId: "j", customerId: "cus_x", device: { device_type: "phone", brand: "A", model: "B" }, visitedAt: visit })).rejects.toThrow("Customer cus_x was not found");
  });
});

describe("rollBack", () => {
  it("undoes writes newest first and keeps a device another job has picked up", async () => {
    const { container, names } = fakeContainer({ device: [{ id: "cdev_1", repair_jobs: [{ id: "rjob_other" }] }] });
    await rollBack(container, [
      { kind: "delete_profile", id: "cprof_1" },
      { kind: "delete_device", id: "cdev_1" },
      { kind: "dismiss_link", link: { a: { x: 1 } } },
      { kind: "update_profile", id: "cprof_0", state: { customer_type: "walk_in", tags: [], last_visit_at: null } },
    ]);
    expect(names()).toEqual(["updateCustomerProfiles", "link.dismiss", "deleteCustomerProfiles"]);
  });

  it("deletes a device nobody else uses", async () => {
    const { container, names } = fakeContainer({ device: [{ id: "cdev_1", repair_jobs: [] }] });
    await rollBack(container, [{ kind: "delete_device", id: "cdev_1" }]);
    expect(names()).toEqual(["deleteDevices"]);
  });
});

describe("CrmJournal.rollBackAndThrow", () => {
  it("undoes the journal and rethrows the original failure, logging an undo that fails too", async () => {
    const { container, names } = fakeContainer();
    const journal = new CrmJournal(container);
    await journal.createNote("cprof_1", "hello", "Siti");
    await expect(journal.rollBackAndThrow(new Error("step failed"))).rejects.toThrow("step failed");
    expect(names()).toEqual(["createCustomerNotes", "deleteCustomerNotes"]);

    const broken = fakeContainer();
    (broken.container.resolve("crm") as { deleteCustomerNotes: () => Promise<void> }).deleteCustomerNotes = async () => {
      throw new Error("database gone");
    };
    const second = new CrmJournal(broken.container);
    await second.createNote("cprof_1", "hello", "Siti");
    await expect(second.rollBackAndThrow(new Error("step failed"))).rejects.toThrow("step failed");
    expect(broken.names()).toContain("logger.error");
  });
});
