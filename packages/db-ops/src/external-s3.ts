import fs from "node:fs";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  AbortMultipartUploadCommand, CompleteMultipartUploadCommand, CreateMultipartUploadCommand, DeleteObjectCommand,
  GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client, UploadPartCommand,
} from "@aws-sdk/client-s3";
import type { ExternalTarget } from "./config.js";

/** Files above this size go up in parts (S3 refuses single PUTs above 5 GB). */
export const MULTIPART_PART_BYTES = 64 * 1024 * 1024;

export function externalClient(target: ExternalTarget): S3Client {
  return new S3Client({
    endpoint: target.endpoint,
    region: target.region,
    forcePathStyle: target.forcePathStyle,
    credentials: { accessKeyId: target.accessKeyId, secretAccessKey: target.secretAccessKey },
    // Only send/expect checksums when an API requires them: MinIO releases and other S3-compatible servers differ
    // in what they accept. Integrity is checked end to end with the sidecar's sha256 and the file's GCM tags.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === "NotFound" || e?.name === "NoSuchKey" || e?.$metadata?.httpStatusCode === 404;
}

/** Size of an object, or null when absent. */
export async function headObject(client: S3Client, bucket: string, key: string): Promise<{ bytes: number; metadata: Record<string, string> } | null> {
  try {
    const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return { bytes: head.ContentLength ?? 0, metadata: head.Metadata ?? {} };
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

export async function listKeys(client: S3Client, bucket: string, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
    for (const item of page.Contents ?? []) if (item.Key) keys.push(item.Key);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return keys;
}

export async function getObjectText(client: S3Client, bucket: string, key: string): Promise<string | null> {
  try {
    const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return answer.Body ? await answer.Body.transformToString("utf8") : "";
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

export async function downloadObject(client: S3Client, bucket: string, key: string, file: string): Promise<void> {
  const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  if (!answer.Body) throw new Error(`Empty answer for s3://${bucket}/${key}`);
  await pipeline(answer.Body as Readable, fs.createWriteStream(file));
}

export async function putText(client: S3Client, bucket: string, key: string, text: string): Promise<void> {
  await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: text, ContentType: "application/json" }));
}

/** Uploads a file: one PUT when small, else a multipart upload (aborted on failure so no parts linger). */
export async function uploadFile(client: S3Client, bucket: string, key: string, file: string,
  options: { partBytes?: number; metadata?: Record<string, string> } = {}): Promise<void> {
  const partBytes = options.partBytes ?? MULTIPART_PART_BYTES;
  const size = (await fs.promises.stat(file)).size;
  if (size <= partBytes) {
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: fs.createReadStream(file), ContentLength: size,
      ContentType: "application/octet-stream", Metadata: options.metadata }));
    return;
  }
  const created = await client.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ContentType: "application/octet-stream", Metadata: options.metadata }));
  const uploadId = created.UploadId;
  if (!uploadId) throw new Error(`No upload id for s3://${bucket}/${key}`);
  try {
    const parts: Array<{ ETag: string; PartNumber: number }> = [];
    for (let start = 0, number = 1; start < size; start += partBytes, number++) {
      const end = Math.min(start + partBytes, size);
      const part = await client.send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId: uploadId, PartNumber: number,
        Body: fs.createReadStream(file, { start, end: end - 1 }), ContentLength: end - start }));
      if (!part.ETag) throw new Error(`No ETag for part ${number} of s3://${bucket}/${key}`);
      parts.push({ ETag: part.ETag, PartNumber: number });
    }
    await client.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId, MultipartUpload: { Parts: parts } }));
  } catch (error) {
    await client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId })).catch(() => undefined);
    throw error;
  }
}

export async function deleteObject(client: S3Client, bucket: string, key: string): Promise<void> {
  await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
}
