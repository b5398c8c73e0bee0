// A transplanted organ's status beside what the transplant changed.
// - A working kidney transplant ends the end stage renal disease it treated: "ESRD from FSGS, s/p kidney
//   transplant 2017, CKD 3b of the allograft" is Z94.0 with the allograft's stage (I.C.14.a.2), not
//   N18.6, unless the patient is back on dialysis or the graft failed.
// - A complication of the transplanted organ (T86.-) already says the organ is transplanted: no Z94.-
//   status beside it (I.C.21.c.3, status codes are not used with a code that carries their information).
import type { Candidate } from './candidate';

/** Each transplant status and its organ's complication codes. */
const STATUS_COMPLICATION: ReadonlyArray<[string, RegExp]> = [
  ['Z940', /^T861/],
  ['Z941', /^T862/],
  ['Z942', /^T8681/],
  ['Z943', /^T863/],
  ['Z944', /^T864/],
  ['Z947', /^T8684/],
  ['Z9481', /^T860/],
];

export function transplantedOrgan(cands: Map<string, Candidate>): void {
  const codes = [...cands.keys()];
  const graftFailed = codes.some((c) => /^T861/.test(c));
  // Only where the note stages the allograft's own CKD: a case story that runs from dialysis to the
  // transplant stay still has its end stage disease.
  const allograftStage = codes.some((c) => /^N18[1-5]/.test(c));
  if (cands.has('Z940') && cands.has('N186') && allograftStage && !cands.has('Z992') && !graftFailed) cands.delete('N186');
  for (const [status, complication] of STATUS_COMPLICATION) if (cands.has(status) && codes.some((c) => complication.test(c))) cands.delete(status);
}
