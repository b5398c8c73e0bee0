// Phone and fax numbers, e-mail addresses, URLs, IP addresses and social security numbers: identifiers
// with a recognisable shape. Patterns are anchored on cheap characters and bounded, so hostile input
// stays linear.
import type { PhiKind } from '../chart';
import type { Detection } from './types';

const PHONE = /(?<![\w.+/-])(?:\+?1[ .-]?)?(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4}(?![\w/]|[.-]\d)/g;
const LABELLED_PHONE = /\b(?:phone|tel|telephone|cell|mobile|ph|fax|pager|beeper)\b\.?\s{0,2}(?:#|no\.?|number)?\s{0,2}[:.]?\s{0,2}(\+?\d[\d ().-]{6,16}\d)(?![\d])/gi;
const FAX_CUE = /\bfax\b[^\n]{0,12}$/i;
const SSN = /(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])/g;
const LABELLED_SSN = /\b(?:SSN|SS#|SS No\.?|social security(?: number| no\.?| #)?)\s{0,2}[:#]?\s{0,2}(\d{3}[ -]?\d{2}[ -]?\d{4})(?!\d)/gi;
const URL = /\b(?:(?:https?|ftp):\/\/|www\.)[^\s<>"'()[\]{}]{2,2048}/gi;
const IPV4 = /(?<![\d.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\d]|\.\d)/g;
const IPV6 = /(?<![\w:])(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}(?![\w:])/g;

function push(out: Detection[], kind: PhiKind, start: number, end: number): void {
  out.push({ kind, start, end });
}

function phoneKind(text: string, start: number): PhiKind {
  return FAX_CUE.test(text.slice(Math.max(0, start - 24), start)) ? 'fax' : 'phone';
}

function findEmails(text: string, out: Detection[]): void {
  // Walk from each "@" outwards instead of using one regex: a regex for e-mails backtracks badly on
  // long runs of word characters.
  const local = /[A-Za-z0-9._%+-]/;
  const domain = /[A-Za-z0-9.-]/;
  let at = text.indexOf('@');
  while (at !== -1) {
    let s = at;
    while (s > 0 && at - s < 64 && local.test(text[s - 1]!)) s--;
    let e = at + 1;
    while (e < text.length && e - at < 255 && domain.test(text[e]!)) e++;
    while (e > at + 1 && (text[e - 1] === '.' || text[e - 1] === '-')) e--;
    const host = text.slice(at + 1, e);
    const dot = host.lastIndexOf('.');
    if (s < at && dot > 0 && /^[A-Za-z]{2,24}$/.test(host.slice(dot + 1))) push(out, 'email', s, e);
    at = text.indexOf('@', Math.max(e, at + 1));
  }
}

export function findContacts(text: string): Detection[] {
  const out: Detection[] = [];
  let m: RegExpExecArray | null;
  for (const re of [PHONE, SSN, URL, IPV4, IPV6]) re.lastIndex = 0;
  while ((m = PHONE.exec(text)) !== null) push(out, phoneKind(text, m.index), m.index, m.index + m[0].length);
  LABELLED_PHONE.lastIndex = 0;
  while ((m = LABELLED_PHONE.exec(text)) !== null) {
    const value = m[1]!;
    const digits = value.replace(/\D/g, '').length;
    if (digits < 7 || digits > 15) continue;
    const start = m.index + m[0].length - value.length;
    push(out, /fax/i.test(m[0]) ? 'fax' : 'phone', start, start + value.length);
  }
  while ((m = SSN.exec(text)) !== null) push(out, 'ssn', m.index, m.index + m[0].length);
  LABELLED_SSN.lastIndex = 0;
  while ((m = LABELLED_SSN.exec(text)) !== null) {
    const start = m.index + m[0].length - m[1]!.length;
    push(out, 'ssn', start, start + m[1]!.length);
  }
  while ((m = URL.exec(text)) !== null) {
    let end = m.index + m[0].length;
    while (end > m.index && /[.,;:!?]/.test(text[end - 1]!)) end--;
    push(out, 'url', m.index, end);
  }
  while ((m = IPV4.exec(text)) !== null) {
    if ([m[1], m[2], m[3], m[4]].every((o) => Number(o) <= 255)) push(out, 'ip', m.index, m.index + m[0].length);
  }
  while ((m = IPV6.exec(text)) !== null) push(out, 'ip', m.index, m.index + m[0].length);
  findEmails(text, out);
  return out;
}
