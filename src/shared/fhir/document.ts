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

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Plain text of an HTML/XHTML fragment: block ends become line breaks, other tags vanish, entities are
 * decoded. Tag bodies exclude "<", so a run of unclosed brackets cannot make the scan quadratic.
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<(?:br|\/p|\/div|\/li|\/tr|\/h[1-6])\b[^<>]{0,200}>/gi, '\n')
    .replace(/<[^<>]{0,2000}>/g, '')
    .replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,6});/gi, (whole, name: string) => {
      if (name.startsWith('#')) {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const MARKUP = /^(?:text\/html|application\/xhtml\+xml)/;

/**
 * The note text: the first embedded text attachment (text/plain, text/markdown…; HTML is reduced to
 * text), else the resource's own narrative (DocumentReference.text.div). A missing or undecodable
 * attachment is an error; a non-text or linked one is skipped.
 */
export function documentText(doc: DocumentReference): DocumentText {
  const narrative = typeof doc.text === 'object' && doc.text !== null && typeof doc.text.div === 'string' && doc.text.status !== 'empty' ? htmlToText(doc.text.div) : '';
  if (!Array.isArray(doc.content) || doc.content.length === 0) {
    return narrative ? { ok: true, text: narrative } : { ok: false, error: 'DocumentReference has no content' };
  }
  let sawLink = false;
  let sawOther = false;
  for (const content of doc.content) {
    const att = content?.attachment;
    if (!att || typeof att !== 'object') continue;
    const type = typeof att.contentType === 'string' ? att.contentType.toLowerCase() : 'text/plain';
    const markup = MARKUP.test(type);
    if (!type.startsWith('text/') && !markup) {
      sawOther = true;
      continue;
    }
    if (typeof att.data !== 'string') {
      if (typeof att.url === 'string') sawLink = true;
      continue;
    }
    const text = decodeBase64Text(att.data);
    if (text === null) return { ok: false, error: 'DocumentReference attachment is not valid base64 UTF-8 text' };
    return { ok: true, text: markup ? htmlToText(text) : text };
  }
  if (narrative) return { ok: true, text: narrative };
  if (sawOther) return { ok: false, skip: 'non-text attachment' };
  if (sawLink) return { ok: false, skip: 'attachment linked by URL, not embedded' };
  return { ok: false, error: 'DocumentReference has no attachment' };
}
