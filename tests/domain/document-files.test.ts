import { contentDisposition, isAllowedDocumentType, isPreviewable } from '../../domain/documents/document-files';

describe('contentDisposition', () => {
  it.each([
    ['inline', 'contract.pdf', `inline; filename="contract.pdf"; filename*=UTF-8''contract.pdf`],
    ['attachment', 'Offer (final).docx', `attachment; filename="Offer (final).docx"; filename*=UTF-8''Offer%20%28final%29.docx`],
    ['attachment', '"; rm -rf.pdf', `attachment; filename="__ rm -rf.pdf"; filename*=UTF-8''%22%3B%20rm%20-rf.pdf`],
    ['inline', 'Müller.pdf', `inline; filename="M_ller.pdf"; filename*=UTF-8''M%C3%BCller.pdf`],
    ['attachment', 'a\r\nSet-Cookie: x=1', `attachment; filename="a__Set-Cookie: x=1"; filename*=UTF-8''a__Set-Cookie%3A%20x%3D1`],
    ['attachment', '..\\..\\boot.ini', `attachment; filename=".._.._boot.ini"; filename*=UTF-8''.._.._boot.ini`],
    ['attachment', '   ', `attachment; filename="document"; filename*=UTF-8''document`],
  ] as const)('%s %j → %s', (type, fileName, expected) => {
    expect(contentDisposition(type, fileName)).toBe(expected);
  });
});

describe('the allowed types', () => {
  it.each([
    ['application/pdf', true, true],
    ['image/png', true, true],
    ['image/jpeg', true, true],
    ['image/heic', true, false],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', true, false],
    ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', true, false],
    ['text/plain', true, false],
    ['text/html', false, false],
    ['application/x-msdownload', false, false],
    ['image/svg+xml', false, false],
  ])('%s: allowed %s, previewed %s', (mimeType, allowed, previewed) => {
    expect(isAllowedDocumentType(mimeType)).toBe(allowed);
    expect(isPreviewable(mimeType)).toBe(previewed);
  });
});
