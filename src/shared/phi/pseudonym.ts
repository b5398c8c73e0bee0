// Stable pseudonyms for source records. HMAC-SHA256 keyed with the installation's secret: the same source
// patient always gets the same id and date offset, and neither can be reversed or recomputed without the
// secret.
import { hmacSha256, utf8 } from '../crypto/sha256';

/** UUID-formatted (version 8, RFC 9562 "custom") HMAC of the source system and id. */
export function pseudonymousId(secret: string, sourceSystem: string, sourceId: string): string {
  const mac = hmacSha256(utf8(secret), utf8(`id\u0000${sourceSystem}\u0000${sourceId}`));
  const b = mac.slice(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x80;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Dates move back by 1–30 days (never 0, never forward). A small window keeps most dates of service in
 * their real fiscal year, which decides the code-set edition a chart is coded against; a date within 30
 * days after 1 October can still land in the previous fiscal year, and the importer warns when it does.
 * The year is allowed by Safe Harbor; the shift hides the day and, mostly, the month.
 */
export const DATE_SHIFT_MIN_DAYS = -30;
export const DATE_SHIFT_MAX_DAYS = -1;

export function dateShiftDaysFor(secret: string, patientKey: string): number {
  const mac = hmacSha256(utf8(secret), utf8(`date-shift\u0000${patientKey}`));
  const n = ((mac[0]! << 24) | (mac[1]! << 16) | (mac[2]! << 8) | mac[3]!) >>> 0;
  const span = DATE_SHIFT_MAX_DAYS - DATE_SHIFT_MIN_DAYS + 1;
  return DATE_SHIFT_MIN_DAYS + (n % span);
}
