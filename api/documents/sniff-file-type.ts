import { isUtf8 } from 'node:buffer';
import fs from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';

// Enough of a text file to tell text from markup or binary.
const TEXT_SAMPLE_BYTES = 64 * 1024;
// What a browser would render as a page or script: never served back as text/plain from here.
const MARKUP = /^\s*(<!doctype|<html|<head|<body|<script|<svg|<\?xml|<iframe|<object|<embed|<[a-z]+[\s>/])/i;

/**
 * The MIME type of a file from its content, never from its name or the client's Content-Type:
 * the magic numbers file-type knows (PDF, PNG, JPEG, HEIC, the Office zip formats …), else
 * `text/plain` for UTF-8 text without NUL bytes that does not open like HTML or XML, else null.
 */
export async function sniffFileType(filePath: string): Promise<string | null> {
  const detected = await fileTypeFromFile(filePath);
  if (detected) return detected.mime;
  const handle = await fs.open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(TEXT_SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, TEXT_SAMPLE_BYTES, 0);
    if (bytesRead === 0) return null;
    let sample = buffer.subarray(0, bytesRead);
    // A sample may end inside a multi-byte character: drop up to 3 trailing continuation bytes.
    for (let trim = 0; trim < 3 && !isUtf8(sample) && bytesRead === TEXT_SAMPLE_BYTES; trim += 1) sample = sample.subarray(0, sample.length - 1);
    if (!isUtf8(sample) || sample.includes(0)) return null;
    return MARKUP.test(sample.toString('utf8').replace(/^\uFEFF/, '')) ? null : 'text/plain';
  } finally {
    await handle.close();
  }
}
