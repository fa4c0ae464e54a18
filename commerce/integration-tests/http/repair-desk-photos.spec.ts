import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { MAX_PHOTO_BYTES } from "@voltura/domain";
import { addRepairJobPhotosWorkflow } from "@voltura/plugin-repair/workflows";
import { jobBody, settle } from "./helpers";
import { IMAGES, photoForm, staff, type Headers } from "./repair-desk-helpers";

// The local file provider writes under commerce/static (upload_dir "static", relative to the app).
const STATIC_DIR = path.resolve(process.cwd(), "static");
const stored = (fileId: string) => path.join(STATIC_DIR, fileId);
const listStatic = () => (existsSync(STATIC_DIR) ? readdirSync(STATIC_DIR) : []);
/** Files written since `before` was listed. */
const newFiles = (before: string[]) => listStatic().filter((f) => !before.includes(f));

medusaIntegrationTestRunner({
  dbName: "voltura_it_repair_desk_photos",
  testSuite: ({ api, getContainer }) => {
    let cashier: Headers;
    let tech: Headers;

    beforeEach(async () => {
      cashier = (await staff(getContainer(), "cashier")).headers;
      tech = (await staff(getContainer(), "technician", "Ravi Kumar")).headers;
    });

    describe("photos", () => {
      it("uploads tagged photos through the file module, shows them on the job and deletes them with their files", async () => {
        const job = (await api.post("/admin/repair-jobs", jobBody(), cashier)).data.repair_job;
        const form = photoForm([{ name: "front.jpg", bytes: IMAGES.jpeg }, { name: "../../back.png", bytes: IMAGES.png, type: "image/png" }], { tag: "before", caption: "As received" });
        const r = await api.post(`/admin/repair-jobs/${job.id}/photos`, form, tech);
        expect(r.status).toBe(201);
        expect(r.data.photos).toHaveLength(2);
        for (const photo of r.data.photos) {
          expect(photo).toMatchObject({ tag: "before", caption: "As received", taken_by: "Test technician" });
          expect(photo.file_id).toMatch(new RegExp(`${job.job_number}-before-[A-Za-z0-9_-]{22}\\.(jpg|png)$`));
          expect(photo.url).toContain(photo.file_id);
          expect(existsSync(stored(photo.file_id))).toBe(true);
        }
        expect(r.data.photos.map((p: { mime_type: string }) => p.mime_type).sort()).toEqual(["image/jpeg", "image/png"]);
        await api.post(`/admin/repair-jobs/${job.id}/photos`, photoForm([{ name: "done.webp", bytes: IMAGES.webp, type: "image/webp" }], { tag: "after" }), tech);

        const detail = (await api.get(`/admin/repair-jobs/${job.id}`, cashier)).data.repair_job;
        expect(detail.photos.map((p: { tag: string }) => p.tag)).toEqual(["before", "before", "after"]);
        expect((await api.get(`/admin/repair-jobs/${job.id}/photos`, cashier)).data.photos).toHaveLength(3);

        const [first] = r.data.photos;
        const del = await api.delete(`/admin/repair-jobs/${job.id}/photos/${first.id}`, tech);
        expect(del.data).toEqual({ id: first.id, object: "repair_job_photo", deleted: true });
        expect(existsSync(stored(first.file_id))).toBe(false);
        expect((await api.get(`/admin/repair-jobs/${job.id}`, cashier)).data.repair_job.photos).toHaveLength(2);
        expect((await settle(api.delete(`/admin/repair-jobs/${job.id}/photos/${first.id}`, tech))).status).toBe(404);

        for (const p of detail.photos.slice(1)) await api.delete(`/admin/repair-jobs/${job.id}/photos/${p.id}`, tech);
        for (const p of detail.photos) expect(existsSync(stored(p.file_id))).toBe(false);
      });

      it("answers 400 naming the field: unknown tag, not an image, too large, no file, wrong field", async () => {
        const job = (await api.post("/admin/repair-jobs", jobBody(), cashier)).data.repair_job;
        const url = `/admin/repair-jobs/${job.id}/photos`;
        const before = listStatic();
        const cases: Array<[FormData, string]> = [
          [photoForm([{ name: "a.jpg", bytes: IMAGES.jpeg }], { tag: "sideways" }), "tag"],
          [photoForm([{ name: "a.gif", bytes: IMAGES.gif, type: "image/jpeg" }], { tag: "before" }), "files: a.gif is not a JPEG, PNG or WebP image"],
          [photoForm([{ name: "huge.jpg", bytes: Buffer.concat([IMAGES.jpeg, Buffer.alloc(MAX_PHOTO_BYTES)]) }], { tag: "before" }), "files: a photo is larger than 8 MB"],
          [photoForm([], { tag: "before" }), "files: attach at least one photo"],
          [photoForm([{ name: "a.jpg", bytes: IMAGES.jpeg }], { tag: "before" }, "photo"), 'files: send the images in the "files" field'],
        ];
        for (const [form, message] of cases) {
          const r = await settle(api.post(url, form, tech));
          expect(r.status, message).toBe(400);
          expect(r.data.message).toContain(message);
        }
        expect((await api.get(`/admin/repair-jobs/${job.id}`, cashier)).data.repair_job.photos).toEqual([]);
        expect(newFiles(before)).toEqual([]);
        expect((await settle(api.post(`/admin/repair-jobs/rjob_missing/photos`, photoForm([{ name: "a.jpg", bytes: IMAGES.jpeg }], { tag: "before" }), tech))).status).toBe(404);
      });

      it("removes the uploaded files when recording the photos fails (compensation)", async () => {
        const job = (await api.post("/admin/repair-jobs", jobBody(), cashier)).data.repair_job;
        const before = listStatic();
        await expect(addRepairJobPhotosWorkflow(getContainer()).run({
          input: {
            repair_job_id: job.id, tag: "sideways" as never, caption: null, actor: { id: null, name: "test" },
            files: [{ filename: `${job.job_number}-x.jpg`, mime_type: "image/jpeg", size_bytes: IMAGES.jpeg.length, content_base64: IMAGES.jpeg.toString("base64") }],
          },
        })).rejects.toThrow();
        expect(newFiles(before)).toEqual([]);
      });
    });

    describe("GET /public/track/:token", () => {
      it("shows the job to anyone with the link: status, ETA, device and the first name only", async () => {
        const job = (await api.post("/admin/repair-jobs", jobBody({
          customer: { name: "Aisyah binti Rahman", phone: "013-777 8899" }, issue: "Water damage after the flood", eta: "2026-12-03T12:00:00Z",
        }), cashier)).data.repair_job;
        await api.post(`/admin/repair-jobs/${job.id}/status`, { status: "in_progress" }, tech);
        const r = await api.get(`/public/track/${job.tracking_token}`);
        expect(r.status).toBe(200);
        expect(r.headers["cache-control"]).toBe("no-store");
        expect(r.data).toEqual({
          tracking: {
            job_number: job.job_number, status: "in_progress", status_label: "In Progress", eta: "2026-12-03T12:00:00.000Z",
            updated_at: expect.any(String), brand: "Apple", model: "iPhone 13", customer_first_name: "Aisyah",
          },
        });
        const text = JSON.stringify(r.data);
        for (const secret of ["Rahman", "binti", "+60137778899", "777", "Water", job.id, job.tracking_token]) expect(text).not.toContain(secret);
      });

      it("answers 404 for an unknown or malformed token", async () => {
        expect((await settle(api.get(`/public/track/${"A".repeat(43)}`))).status).toBe(404);
        expect((await settle(api.get("/public/track/short"))).status).toBe(404);
        expect((await settle(api.get("/public/track/%27%20OR%201%3D1--aaaaaaaaaaaaaaaaaaa"))).status).toBe(404);
      });
    });
  },
});
