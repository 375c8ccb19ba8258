import { MAX_IMPORT_BYTES } from '../../../shared/schemas/import';

/** A picked file as the import procedures take it; null when it is over the size limit. */
export async function fileForUpload(file: File): Promise<{ fileName: string; contentBase64: string } | null> {
  if (file.size > MAX_IMPORT_BYTES) return null;
  return { fileName: file.name, contentBase64: toBase64(new Uint8Array(await file.arrayBuffer())) };
}

/** btoa over chunks: String.fromCharCode(...bytes) of a whole 20 MB file would overflow the stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
