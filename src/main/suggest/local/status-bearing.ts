// Statuses and old conditions that bear on a condition the provider treats at this visit. Guideline
// I.C.21.c.3 reports a status when it influences care: a coronary stent or bypass on the coronary
// disease being managed, home oxygen on the lung disease, dialysis or a kidney transplant on the
// kidney disease. Such a status is usually stated once, in the HPI or past history, and seldom in the
// assessment; case reports (the corpus the priors learn from) rarely code it, so it needs this rule.

/** A status (or old condition) and the conditions it bears on, by undotted code prefix. */
const BEARS_ON: ReadonlyArray<readonly [status: RegExp, conditions: RegExp]> = [
  // Coronary bypass, stent, angioplasty, old myocardial infarction: coronary disease and angina.
  [/^(Z951|Z955|Z9861|I252)$/, /^I2[0-5]/],
  // Pacemaker, defibrillator and other cardiac devices: conduction disorders, arrhythmias, cardiomyopathy, heart failure.
  [/^(Z950|Z9581)/, /^(I4[2-9]|I50|I255|I11|I13)/],
  // Heart valve prostheses: valve disease, atrial fibrillation, and the anticoagulant they ask for.
  [/^Z95[234]$/, /^(I0[5-9]|I3[4-9]|I48|Z7901)/],
  // Oxygen at home: chronic lung disease, respiratory failure, pulmonary hypertension.
  [/^Z9981$/, /^(J4[0-7]|J6[0-9]|J8[0-4]|J96|I27)/],
  // Dialysis, a transplanted kidney: chronic kidney disease and the hypertensive and diabetic kidney disease codes.
  [/^(Z992|Z940)$/, /^(N18|I1[23]|E1[0-3]2|D631|N25|T861)/],
  // A transplanted organ: the immunosuppression that keeps it (Z79.62-).
  [/^Z94/, /^Z7962/],
  // A limb's absence: the diabetes or arterial disease that took it.
  [/^Z89[4-6]/, /^(E1[0-3]5|E1[0-3]62|I70|I73)/],
];

/** Whether `status` bears on `condition`, so that treating the condition makes the status reportable. */
export function bearsOn(status: string, condition: string): boolean {
  return status !== condition && BEARS_ON.some(([s, c]) => s.test(status) && c.test(condition));
}
