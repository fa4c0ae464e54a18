#!/bin/sh
# Run by the one-shot minio-bucket service: the backup bucket, and a MinIO user (the worker's
# BACKUP_S3_* keys) whose policy allows listing, reading, writing and deleting in that bucket only.
# Idempotent: every step accepts what an earlier start made.
set -eu
: "${BACKUP_S3_BUCKET:?}" "${BACKUP_S3_ACCESS_KEY_ID:?}" "${BACKUP_S3_SECRET_ACCESS_KEY:?}"
mc alias set local http://minio:9000 "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD" >/dev/null
mc mb --ignore-existing "local/$BACKUP_S3_BUCKET"
mc version enable "local/$BACKUP_S3_BUCKET" >/dev/null
policy=/tmp/voltura-backups-policy.json
printf '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:ListBucket","s3:GetBucketLocation"],"Resource":["arn:aws:s3:::%s"]},{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject","s3:DeleteObject","s3:AbortMultipartUpload","s3:ListMultipartUploadParts"],"Resource":["arn:aws:s3:::%s/*"]}]}' \
  "$BACKUP_S3_BUCKET" "$BACKUP_S3_BUCKET" > "$policy"
mc admin policy create local voltura-backups "$policy" >/dev/null
mc admin user add local "$BACKUP_S3_ACCESS_KEY_ID" "$BACKUP_S3_SECRET_ACCESS_KEY" >/dev/null
mc admin policy attach local voltura-backups --user "$BACKUP_S3_ACCESS_KEY_ID" >/dev/null 2>&1 || true
echo "bucket $BACKUP_S3_BUCKET ready for $BACKUP_S3_ACCESS_KEY_ID"
