// Finds the headings a note is organised by, so the chart view can show and jump between sections.
// Recognised: markdown headings ("# History of Present Illness"), labels that open a line and end in
// a colon ("Assessment/Plan:", "PMH: HTN x 25 yrs"), well-known bare labels ("HPI"), and short
// ALL-CAPS lines ("CARDIOLOGY CLINIC NOTE").
import type { ChartSection } from '../../shared/review/types';

const MARKDOWN = /^[ \t]*#{1,6}[ \t]+(\S.{0,80}?)[ \t]*#*[ \t]*$/;
const LABEL = /^[ \t]*([A-Za-z][A-Za-z /&()'-]{0,38}[A-Za-z)])[ \t]*:/;
const BARE = /^[ \t]*(HPI|PMH|PSH|ROS|HPI\/ROS|Assessment(?: and | ?\/ ?|&)Plan|Assessment|Plan|History of Present Illness|Past Medical History|Physical Exam(?:ination)?|Hospital Course|Impression|Medications|Allergies|Social History|Family History|Review of Systems|Chief Complaint)[ \t]*$/i;
const MAX_LABEL_WORDS = 5;

function headingOf(line: string): string | null {
  const md = MARKDOWN.exec(line);
  if (md) return md[1]!.trim();
  const label = LABEL.exec(line);
  if (label && label[1]!.trim().split(/\s+/).length <= MAX_LABEL_WORDS && /^[A-Z]/.test(label[1]!)) return label[1]!.trim();
  const bare = BARE.exec(line);
  if (bare) return bare[1]!.trim();
  const t = line.trim();
  // ALL-CAPS: at least three letters, no lower case or digits (a date line is not a heading), short.
  if (t.length <= 60 && /[A-Z].*[A-Z].*[A-Z]/.test(t) && !/[a-z0-9]/.test(t) && /^[A-Z]/.test(t)) return t.replace(/[:\s]+$/, '');
  return null;
}

export function detectSections(text: string): ChartSection[] {
  const starts: Array<{ title: string; start: number }> = [];
  let offset = 0;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const title = headingOf(line);
    if (title) starts.push({ title, start: offset + (line.length - line.trimStart().length) });
    offset += raw.length + 1;
  }
  return starts.map((s, i) => ({ title: s.title, start: s.start, end: i + 1 < starts.length ? starts[i + 1]!.start : text.length }));
}
