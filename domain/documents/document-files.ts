/** The file types a document may be, by the MIME type sniffed from its content: what the page calls them. */
export const ALLOWED_DOCUMENT_TYPES = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/heic': 'HEIC',
  'image/heif': 'HEIC',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'text/plain': 'TXT',
} as const satisfies Record<string, string>;
export type DocumentMimeType = keyof typeof ALLOWED_DOCUMENT_TYPES;

export const DEFAULT_DOCUMENT_MAX_BYTES = 25 * 1024 * 1024;

/** The upload limit in megabytes as people read it: 25, 1, 0.5. */
export const documentMaxMegabytes = (maxBytes: number): number => Math.round((maxBytes / 1024 / 1024) * 10) / 10;

/** The refusal of a file over the limit: the API's 413 and the page's check before sending say the same. */
export const fileTooLargeMessage = (maxBytes: number): string => `The file is larger than ${documentMaxMegabytes(maxBytes)} MB; upload a smaller file`;

/** The allow-list as a sentence for refusals: "PDF, PNG, JPEG, HEIC, DOCX, XLSX or TXT". */
export const ALLOWED_DOCUMENT_TYPE_NAMES = [...new Set(Object.values(ALLOWED_DOCUMENT_TYPES))].join(', ').replace(/, (\w+)$/, ' or $1');

export function isAllowedDocumentType(mimeType: string): mimeType is DocumentMimeType {
  return Object.hasOwn(ALLOWED_DOCUMENT_TYPES, mimeType);
}

/** PDFs and images the browser shows in the page (inline); everything else is downloaded. */
export function isPreviewable(mimeType: string | null): boolean {
  return mimeType === 'application/pdf' || mimeType === 'image/png' || mimeType === 'image/jpeg';
}

// RFC 5987 attr-char: what may stand unescaped in filename*.
const encodeAttr = (text: string): string =>
  encodeURIComponent(text).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * A `Content-Disposition` that no file name can break out of: the quoted `filename` keeps only
 * printable ASCII without quotes or backslashes (others become `_`), and `filename*` carries the
 * real name percent-encoded in UTF-8. Path separators and control characters never survive.
 */
export function contentDisposition(type: 'inline' | 'attachment', fileName: string): string {
  const name =
    [...fileName]
      .map((char) => (char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f || char === '/' || char === '\\' ? '_' : char))
      .join('')
      .trim() || 'document';
  const ascii = name.replace(/[^\u0020-\u007e]|["%;\\]/g, '_');
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeAttr(name)}`;
}
