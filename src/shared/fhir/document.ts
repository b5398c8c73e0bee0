// The note text inside a DocumentReference: inline base64 text attachments (text/plain, text/markdown…).
import type { DocumentReference } from './types';

export type DocumentText = { ok: true; text: string } | { ok: false; skip: string } | { ok: false; error: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeBase64Text(data: string): string | null {
  const compact = data.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) return null;
  let binary: string;
  try {
    binary = atob(compact);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/** The first text attachment's content. A missing or undecodable one is an error; a non-text or linked one is skipped. */
export function documentText(doc: DocumentReference): DocumentText {
  if (!Array.isArray(doc.content) || doc.content.length === 0) return { ok: false, error: 'DocumentReference has no content' };
  let sawLink = false;
  let sawOther = false;
  for (const content of doc.content) {
    const att = content?.attachment;
    if (!att || typeof att !== 'object') continue;
    const type = typeof att.contentType === 'string' ? att.contentType.toLowerCase() : 'text/plain';
    if (!type.startsWith('text/')) {
      sawOther = true;
      continue;
    }
    if (typeof att.data !== 'string') {
      if (typeof att.url === 'string') sawLink = true;
      continue;
    }
    const text = decodeBase64Text(att.data);
    if (text === null) return { ok: false, error: 'DocumentReference attachment is not valid base64 UTF-8 text' };
    return { ok: true, text };
  }
  if (sawOther) return { ok: false, skip: 'non-text attachment' };
  if (sawLink) return { ok: false, skip: 'attachment linked by URL, not embedded' };
  return { ok: false, error: 'DocumentReference has no attachment' };
}
