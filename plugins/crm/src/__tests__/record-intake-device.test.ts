import { describe, expect, it } from "vitest";
import { intakeDevice } from "../domain/intake-device";
import { addCustomerNoteWorkflow } from "../workflows/add-customer-note";
import { undoIntakeWrites } from "../workflows/hooks/repair-job-created";
import { recordIntakeDeviceWorkflow, type RecordIntakeInput } from "../workflows/record-intake-device";
import { deleteCreatedDevice } from "../workflows/steps/create-customer-device";
import { fakeContainer } from "./fake-container";

const iphone = { id: "cdev_old", device_type: "phone", brand: "Apple", model: "iPhone 13", imei_serial: "352099001761481", colour: null, created_at: "2026-01-01T00:00:00Z" };
const visit = new Date("2026-11-24T02:00:00Z");

async function recordIntake(container: ReturnType<typeof fakeContainer>["container"], input: RecordIntakeInput) {
  const { result } = await recordIntakeDeviceWorkflow(container).run({ input });
  return result;
}

describe("intakeDevice", () => {
  it("reads the optional IMEI and colour, normalised, and ignores blanks", () => {
    expect(intakeDevice({ device_type: "phone", brand: " Apple ", model: "iPhone 13", imei_serial: "35-2099", colour: " " })).toEqual({
      device_type: "phone", brand: "Apple", model: "iPhone 13", imei_serial: "352099", colour: null,
    });
    expect(intakeDevice({ device_type: "laptop", brand: "Lenovo", model: "X1" }).imei_serial).toBeNull();
  });
});

describe("recordIntakeDeviceWorkflow", () => {
  it("creates a walk-in profile and the device for a new customer and links the device to the job", async () => {
    const { container, names, calls } = fakeContainer({ customer: [{ id: "cus_1", customer_profile: null, devices: [], repair_jobs: [] }] });
    const { intake, written } = await recordIntake(container, { jobId: "rjob_1", customerId: "cus_1", device: { device_type: "phone", brand: "Apple", model: "iPhone 13" }, visitedAt: visit });
    expect(intake).toMatchObject({ profile_created: true, device_created: true });
    expect(names()).toEqual(["createCustomerProfiles", "link.create", "createDevices", "link.create", "link.create"]);
    expect(calls[0]![1]).toMatchObject({ customer_type: "walk_in", tags: [], last_visit_at: visit });
    expect(calls.at(-1)![1]).toEqual({ crm: { device_id: intake.device_id }, repair: { repair_job_id: "rjob_1" } });
    // What the hook's compensation undoes: the profile, the device and the three links it made.
    expect(written).toEqual({
      created_profile_id: intake.profile_id, updated_profile: null, created_device_id: intake.device_id,
      links: calls.filter((c) => c[0] === "link.create").map((c) => c[1]),
    });
  });

  it("reuses the device with the same IMEI and only moves the last visit forward", async () => {
    const profile = { id: "cprof_1", customer_type: "dealer", tags: ["vip"], last_visit_at: "2026-11-01T00:00:00Z" };
    const { container, names, calls } = fakeContainer({ customer: [{ id: "cus_1", customer_profile: profile, devices: [iphone], repair_jobs: [] }] });
    const { intake, written } = await recordIntake(container, {
      jobId: "rjob_2", customerId: "cus_1", device: { device_type: "phone", brand: "Apple", model: "iPhone 13 Pro?", imei_serial: "352099001761481" }, visitedAt: visit,
    });
    expect(intake).toEqual({ profile_id: "cprof_1", device_id: "cdev_old", device_created: false, profile_created: false });
    expect(names()).toEqual(["updateCustomerProfiles", "link.create"]);
    expect(calls[0]![1]).toEqual({ id: "cprof_1", last_visit_at: visit });
    expect(written.updated_profile).toEqual({ id: "cprof_1", state: { customer_type: "dealer", tags: ["vip"], last_visit_at: "2026-11-01T00:00:00Z" } });

    const later = fakeContainer({ customer: [{ id: "cus_1", customer_profile: { ...profile, last_visit_at: "2026-12-01T00:00:00Z" }, devices: [iphone], repair_jobs: [] }] });
    await recordIntake(later.container, { jobId: "rjob_3", customerId: "cus_1", device: { device_type: "phone", brand: "Apple", model: "iPhone 13" }, visitedAt: visit });
    expect(later.names()).toEqual(["link.create"]);
  });

  it("run again for the same job (intake's outbox after a crash) finds the profile, device and link and adds nothing", async () => {
    const profile = { id: "cprof_1", customer_type: "walk_in", tags: [], last_visit_at: visit.toISOString() };
    const again = fakeContainer({ customer: [{ id: "cus_1", customer_profile: profile, devices: [iphone], repair_jobs: [{ id: "rjob_1" }] }] }, [{ device_id: "cdev_old" }]);
    const { intake } = await recordIntake(again.container, {
      jobId: "rjob_1", customerId: "cus_1", device: { device_type: "phone", brand: "Apple", model: "iPhone 13", imei_serial: "352099001761481" }, visitedAt: visit,
    });
    expect(intake).toEqual({ profile_id: "cprof_1", device_id: "cdev_old", device_created: false, profile_created: false });
    expect(again.names()).toEqual([]);
  });

  it("refuses an unknown customer", async () => {
    const { container } = fakeContainer({ customer: [] });
    await expect(recordIntake(container, { jobId: "j", customerId: "cus_x", device: { device_type: "phone", brand: "A", model: "B" }, visitedAt: visit })).rejects.toThrow("Customer cus_x was not found");
  });
});

describe("compensation", () => {
  it("a failing step undoes the earlier writes newest first and keeps a device another job has picked up", async () => {
    const { container, names } = fakeContainer(
      { customer: [{ id: "cus_1", customer_profile: null, devices: [], repair_jobs: [] }], device: [{ id: "cdev_2", repair_jobs: [{ id: "rjob_other" }] }] },
      [], { "link.create": 3 },
    );
    await expect(recordIntake(container, { jobId: "rjob_1", customerId: "cus_1", device: { device_type: "phone", brand: "Apple", model: "iPhone 13" }, visitedAt: visit }))
      .rejects.toThrow("link.create failed");
    // Medusa compensates the device branch first (its link; the device stays), then the profile branch.
    expect(names()).toEqual(["createCustomerProfiles", "link.create", "createDevices", "link.create", "link.create", "link.dismiss", "deleteCustomerProfiles", "link.dismiss"]);
  });

  it("the intake hook's compensation undoes what the run wrote, newest first", async () => {
    const { container, names } = fakeContainer({ device: [{ id: "cdev_1", repair_jobs: [{ id: "rjob_other" }] }] });
    await undoIntakeWrites(container, {
      created_profile_id: "cprof_1", created_device_id: "cdev_1", links: [{ a: { x: 1 } }],
      updated_profile: { id: "cprof_0", state: { customer_type: "walk_in", tags: [], last_visit_at: null } },
    });
    expect(names()).toEqual(["link.dismiss", "updateCustomerProfiles", "deleteCustomerProfiles"]);
  });

  it("deletes a device nobody else uses", async () => {
    const { container, names } = fakeContainer({ device: [{ id: "cdev_1", repair_jobs: [] }] });
    await deleteCreatedDevice(container, "cdev_1");
    expect(names()).toEqual(["deleteDevices"]);
  });

  it("a failure after the note undoes it and the caller sees the original failure", async () => {
    const customer = [{ id: "cus_1", customer_profile: { id: "cprof_1", customer_type: "walk_in", tags: [], last_visit_at: null }, devices: [], repair_jobs: [] }];
    const { container, names } = fakeContainer({ customer }, [], { "event_bus.emit": 1 });
    await expect(addCustomerNoteWorkflow(container).run({ input: { customer_id: "cus_1", body: "hello", author: "Siti" } })).rejects.toThrow("event_bus.emit failed");
    expect(names()).toEqual(["createCustomerNotes", "event_bus.emit", "deleteCustomerNotes"]);
  });
});
