// A solid cancer removed in the past with no disease left is the patient's history (Z85, guideline
// I.C.2.d): "Prostate cancer s/p radical prostatectomy 2010, no recurrence" is Z85.46, not C61. One
// still treated stays the cancer: "Breast cancer s/p lumpectomy, no recurrence, on tamoxifen" is C50.-.
// Treatment completed at a time the note gives ends it too: "… adjuvant CAPOX, which she completed two
// years ago" (its recurrence would be said apart). A benign neoplasm removed alike is its history too (Z86.01-).

/**
 * Solid malignancies (not those of blood, whose remission has codes of their own, C81–C96), and benign
 * neoplasms removed alike ("History of right frontal meningioma, resected; no recurrence" is Z86.011).
 */
const REMOVABLE_NEOPLASM = /^(?:C(?:[0-7]\d|80|7A|7B)|D(?:[12]\d|3[0-6]))/;
/** The operation or treatment that ended it, in the mention's clause. */
const ENDED = /\b(?:s\/p|status\s+post|resected|excised|removed|treated|completed|\w+ectomy|(?:19|20)\d\d)\b/i;
/** No disease left: "no recurrence", "NED", "no evidence of disease", "disease-free", "cancer-free". */
const NO_DISEASE = /\b(?:no\s+(?:evidence\s+of\s+)?(?:recurrence|recurrent\s+disease|residual\s+disease|disease|metastatic\s+disease)|NED|disease[- ]free|cancer[- ]free|tumor[- ]free|without\s+recurrence|in\s+(?:complete\s+)?remission)\b/i;
/** Still treated: on a drug, receiving or undergoing therapy, adjuvant or maintenance therapy. */
const STILL_TREATED = /\b(?:on|receiving|undergoing|continues?|continuing|started|starting|currently)\s+(?:adjuvant\s+|maintenance\s+|hormonal?\s+|endocrine\s+)?(?:\w+\s+){0,2}(?:therapy|treatment|chemo\w*|radiation|tamoxifen|anastrozole|letrozole|exemestane|leuprolide|enzalutamide|abiraterone|bicalutamide|adt|immunotherapy|pembrolizumab|nivolumab)\b/i;
/** Adjuvant therapy, still given unless the note says it was completed. */
const ADJUVANT = /\badjuvant\b/i;
/** A treatment completed at a time said: "adjuvant CAPOX, which she completed approximately two and a half years ago", "FOLFOX completed in December 2023". */
const COMPLETED_WHEN = /\b(?:completed|finished)\b[^.;]{0,40}\b(?:ago|in\s+(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d)\b/i;

/** Whether the words after a cancer's or benign neoplasm's mention (to its sentence's end) say it was removed and is gone. */
export function neoplasmResectedWithoutDisease(code: string, after: string): boolean {
  if (!REMOVABLE_NEOPLASM.test(code)) return false;
  const completed = COMPLETED_WHEN.test(after);
  return ENDED.test(after) && (NO_DISEASE.test(after) || completed) && !STILL_TREATED.test(after) && !(ADJUVANT.test(after) && !completed);
}
