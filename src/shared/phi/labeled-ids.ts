// Record, account, plan, licence, certificate and device numbers are only recognisable by the label
// written before them ("MRN: 123456", "Acct # A-99812", "S/N 55X1"). The label stays, the value goes.
// Safe Harbor kinds without a PhiKind of their own are folded in: health-plan beneficiary numbers →
// account, certificate numbers → license, vehicle identifiers and plates → device.
import type { PhiKind } from '../chart';
import type { Detection } from './types';

// Case-insensitive labels: words unlikely to be followed by a number for any other reason.
const LABELS: Array<[PhiKind, string]> = [
  ['mrn', String.raw`medical record(?: number| no\.?| #)?|med(?:ical)? rec(?:ord)? (?:no\.?|#|number)|MRN|MR#|MR no\.?|chart (?:no\.?|number|#)|patient id|hospital (?:no\.?|number|#)|unit (?:no\.?|number)`],
  ['account', String.raw`account(?: number| no\.?| #)?|acct\.?(?: no\.?| #)?|member(?:ship)? (?:id|no\.?|number|#)|subscriber (?:id|no\.?|number|#)|policy(?: number| no\.?| #| id)?|group (?:no\.?|number|#)|health plan(?: id| number| no\.?)?|beneficiary (?:id|no\.?|number|#)|insurance (?:id|no\.?|number|#)|medicaid (?:id|no\.?|number|#)|medicare (?:id|no\.?|number|#)|claim (?:id|no\.?|number|#)|HICN|MBI`],
  ['license', String.raw`driver'?s licen[cs]e(?: number| no\.?| #)?|licen[cs]e(?: number| no\.?| #)?|passport(?: number| no\.?| #)?|certificate(?: number| no\.?| #)?|cert\.? (?:no\.?|#)|DEA(?: number| no\.?| #)?|NPI(?: number| no\.?| #)?`],
  ['device', String.raw`serial(?: number| no\.?| #)?|device (?:id|identifier|serial|no\.?|number|#)|UDI|model (?:no\.?|number|#)|VIN|vehicle (?:id|identification number)|plate(?: number| no\.?| #)?`],
];

// Short labels that are also ordinary abbreviations ("mg/dL", "SN" for sinus node, "a lot of") count only
// in exact case and with an explicit ":" or "#".
const STRICT_LABELS: Array<[PhiKind, string]> = [
  ['license', 'DL|Lic'],
  ['device', 'S/N|SN|Lot'],
  ['mrn', 'MR'],
];

const VALUE = String.raw`([A-Za-z0-9][A-Za-z0-9-]{2,30})(?![A-Za-z0-9-])`;

const LOOSE = LABELS.map(([kind, labels]) => ({
  kind,
  re: new RegExp(String.raw`\b(?:${labels})(?![A-Za-z])\s{0,2}(?:[:#=]|no\.|is)?\s{0,2}${VALUE}`, 'gi'),
}));
const STRICT = STRICT_LABELS.map(([kind, labels]) => ({
  kind,
  re: new RegExp(String.raw`\b(?:${labels})\s{0,2}[:#]\s{0,2}${VALUE}`, 'g'),
}));

export function findLabeledIds(text: string): Detection[] {
  const out: Detection[] = [];
  for (const { kind, re } of [...LOOSE, ...STRICT]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const value = m[1]!;
      // An identifier has a digit; "Policy reviewed" or "License current" do not.
      if (!/\d/.test(value)) continue;
      const start = m.index + m[0].length - value.length;
      out.push({ kind, start, end: start + value.length });
    }
  }
  return out;
}
