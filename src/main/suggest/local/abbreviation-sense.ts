// Abbreviations with a second, everyday sense in notes that the words around them give away: "on RA"
// is room air, "RA and LA dilated" the right atrium, "PE unremarkable" the physical exam, "CAP 320" a
// liver-fat score, "CT CAP" a scan of chest, abdomen and pelvis and "(UC/PCP)" urgent care. Read there,
// they are no disease.

interface OtherSense {
  /** Text just before the abbreviation that gives the other sense away. */
  before?: RegExp;
  /** Text just after it. */
  after?: RegExp;
}

/** A device weighed or planned, not in place: "for ICD", "consider ICD", "ICD candidacy", "ICD placement scheduled". */
const DEVICE_WEIGHED_BEFORE = /\b(for|consider(ing|ed)?|discuss(ed|ing)?|recommend(ed|s)?|possible|potential|needs?|plan(ned)?|offer(ed)?|declined?|refused?)\s*$/i;
const DEVICE_WEIGHED_AFTER = /^\s*(candida\w*|placement|implant\w*|eval\w*|referral|consult\w*|indicat\w*|consideration)/i;

const OTHER_SENSES: Readonly<Record<string, OtherSense>> = {
  // Room air ("SpO2 95% on RA", "wean to RA", "RA resting SpO2 87%"); the right atrium beside the left or its size.
  // and a GLP-1 receptor agonist ("GLP-1 RA").
  ra: { before: /(\b(on|to|at|of)|%|GLP-?1)\s*$/i, after: /^\s*(and|\/|,)\s*LA\b|^\s*(is |was )?(dilat|enlarg|size|pressure|normal)|^\s*(?:resting\s+|at rest\s+)?(?:spo2|sao2|o2 sat\w*|sats?|saturation)\b/i },
  // The physical exam and what it found.
  pe: { before: /\b(on|per|the)\s*$/i, after: /^\s*(unremarkable|normal|wnl|benign|otherwise|notable|reveals?|revealed|shows?|showed|significant|findings|exam)\b/i },
  // The controlled attenuation parameter of a FibroScan ("CAP 320 dB/m"); capillary refill ("cap refill brisk").
  // A scan of the chest, abdomen and pelvis ("CT CAP showed no metastatic disease", "CT C/A/P").
  cap: { before: /\b(ct|cts|pet[-/ ]?ct|imaging|scans?|mri)\s*(scan\s*)?(of\s*(the\s*)?)?$/i, after: /^\s*(score\s*)?(of\s*)?\d|^\s*refill|^\s*(with|w\/o?|without)\s+(iv\s+)?contrast\b/i },
  // A positive HIV status is the Index's "HIV > positive, seropositive" (Z21, guideline I.C.1.a.2.d),
  // read from the word itself; "HIV disease" and "AIDS" stay B20. Its pre- or post-exposure
  // prophylaxis is a service for someone without it, which the word itself reads as.
  // Polyethylene glycol, the laxative, by its dose or its line's constipation ("PEG 3350 17 g daily",
  // "Chronic constipation - continue PEG"): no gastrostomy.
  peg: { before: /\b(constipation|constipated|laxatives?|bowel regimen|stool softeners?|bowel movements?|senna|sennosides|docusate|colace|bisacodyl|dulcolax|lactulose|miralax)\b[^.\n]*$/i, after: /^\s*(-?\s*3350|17\s*g|\d+\s*g\b|powder|capful|laxative|daily|qd|bid|prn|nightly|as needed|once daily)/i },
  // Sequential compression devices, a DVT prophylaxis ("Prophylaxis: heparin SQ, SCDs"), not sickle-cell disease.
  scd: { before: /\b(prophylaxis|ppx|dvt|vte|heparin|enoxaparin|lovenox)\b[^.\n]{0,40}$/i, after: /^s?\s*(on|in place|(?:while |when )?in bed|at night|bilateral(ly)?|applied|ordered|to (both|bilateral|lower))\b/i },
  // Morphine sulfate ("MS Contin 15 mg BID", "MS IR"), not multiple sclerosis.
  // And the mental status ("MS back to baseline", "MS changes", "MS improved"), not multiple sclerosis.
  // And the mitral valve's stenosis beside its cause or its regurgitation ("rheumatic MS", "MS/MR").
  ms: { before: /\b(altered|change in|changes in|baseline|his|her|improved|improving|declining|worsening|waxing and waning|rheumatic)\s*$/i, after: /^\s*(contin|ir|er)\b|^\s*(\/|and)\s*MR\b|^\s*(is |was |now |remains )?(back|at|to|returned|returning|improv\w*|worse\w*|declin\w*|chang\w*|intact|clear\w*|waxing|fluctuat\w*|baseline|wnl|normal)\b/i },
  // The toe-brachial index beside the ankle-brachial one ("ABI/TBI", "TBI 0.45"), not a brain injury.
  // "Also known as" ("metoprolol succinate, AKA Toprol XL"): an above-knee amputation only after its side or an "s/p" ("s/p R AKA 2019").
  aka: { before: /^(?![\s\S]*\b(?:s\/p|status post|r|l|rt|lt|right|left|bilat(?:eral)?|prior|old|hx|history of|h\/o)\.?\s*$)/i },
  tbi: { before: /\bABIs?\s*(\/|and|,)?\s*$/i, after: /^\s*(\/|and|,)?\s*ABI\b|^\s*(of\s*)?0?\.\d/i },
  // Advanced life support, the ambulance's level ("transfer by ALS ambulance", "ALS transport"), not the motor neuron disease.
  als: { before: /\b(by|via|per)\s*$/i, after: /^\s*(ambulance|transport|unit|crew|medics?|rig|level|team|intercept)\b/i },
  // Magnetic resonance ("MR angiography", "MR brain", "MR enterography"), not mitral regurgitation.
  // Nor an organism's methicillin resistance ("MR S. epidermidis", "MR coag-neg staph").
  mr: { before: /\b(by|on|per|with|and|ct|cta)\s*\/?\s*$/i, after: /^\s*(angio\w*|imaging|enterograph\w*|cholangio\w*|arthrogra\w*|venogra\w*|brain|head|spine|pelvis|abdomen|abd|chest|knee|shoulder|hip|cardiac|scan|study|elastograph\w*|spectroscop\w*|guided|#|\d)|^\s*(?:S\.?\s*(?:epi\w*|aureus|haemo\w*|hemo\w*|lugdun\w*)|staph\w*|CoNS\b|coag\w*|organisms?\b)/i },
  // A glucose monitor's time above range ("TAR 31%"), not the TAR syndrome (Q87.2).
  tar: { after: /^\s*[:=]?\s*\d/ },
  // Durable medical equipment ("DME order for walker", "DME supplier"), not diabetic macular edema.
  dme: { before: /\b(order(?:ed)?|needs?|request(?:ed)?|via|through|from|home|(?:letter|note|form|forms|order|request|sent|faxed|faxes?)\s+to)\s*$/i, after: /^\s*(suppl\w*|compan\w*|orders?|equipment|vendors?|providers?|items?|needs?|for\s+(?:a\s+)?(?:walker|wheelchair|cane|commode|hospital bed|cpap|oxygen|rollator))\b/i },
  // Peritoneal dialysis ("on PD", "PD catheter", "nightly PD via cycler") and the PD-1 / PD-L1 of immunotherapy, not Parkinson's disease.
  pd: { before: /\b(on|via|home|nightly|cycler|start(?:ed|ing)?|for|with|of|to)\s*$/i, after: /^\s*(-?\s*L?1\b|catheter|cath|exchanges?|fluid|cycler|prescription|rx|peritonitis|access|dialysate|training|nurse|rn|clinic|effluent|bags?|schedule|regimen|adequacy)/i },
  // Physical medicine and rehabilitation ("referred to PMR", "PMR consult"), not polymyalgia rheumatica.
  pmr: { before: /\b(to|by|from|per|with)\s*$/i, after: /^\s*(consult\w*|referral|clinic|physician|doctor|service|team|evaluation|eval)\b/i },
  // Calcium by its value or its kind ("Ca 8.1", "Ca >1 mg/dL above ULN", "ionized Ca", "Ca/Cr ratio"), not cancer.
  ca: { before: /\b(?:ionized|corrected|serum|urine|urinary|total|low|high|elevated|albumin-corrected)\s*$/i, after: /^\s*(?:[<>≥≤=:~]|\d|\/\s*cr|\+\+|2\+|level|carbonate|citrate|channel|supplement|x\s*phos|phos)/i },
  // A hospital day ("weaned to RA by HD 2", "taken to the OR HD#3"), not hemodialysis. Nor a
  // hemodialysis still to come ("start date for HD", "pre-HD planning", "HD education"), no dependence yet.
  hd: {
    before: /\b(?:start(?:ing)?(?:\s+date)?(?:\s+(?:for|of|on))?|initiat\w*(?:\s+of)?|begin(?:ning)?|prepar\w*\s+for|plan(?:ning|ned)?(?:\s+for)?|pre|eventual|future|need\s+for|declin\w*|refus\w*|consider\w*|discuss\w*)\s*-?\s*$/i,
    after: /^\s*#?\s*\d|^\s*(?:education|teaching|planning|initiation|start|options?|candidacy|modality|access planning|readiness)\b/i,
  },
  // The classification itself ("ICD-10", "ICD 10 code", "ICD codes"), not a defibrillator. Nor a
  // defibrillator only weighed or planned ("ICD candidacy", "consider ICD", "ICD placement scheduled"),
  // which is no device in place (Z95.810).
  icd: {
    before: DEVICE_WEIGHED_BEFORE,
    after: new RegExp(String.raw`^\s*[- ]?\s*(9|10|11|o\b|cm\b|pcs\b|codes?\b|coding\b|diagnos)|${DEVICE_WEIGHED_AFTER.source}`, 'i'),
  },
  aicd: {
    before: DEVICE_WEIGHED_BEFORE,
    after: DEVICE_WEIGHED_AFTER,
  },
  // A carrier of MRSA, not an infection: "MRSA colonization of nares", "MRSA nasal colonization",
  // "colonized with MRSA", a nares screen's "MRSA positive", read as the Index's "Colonization > MRSA"
  // (Z22.322) with the abbreviation kept as written.
  mrsa: {
    before: /\b(?:(?:colonized|colonised|colonization|colonisation|carrier)\s+(?:with|of|by)?|nares?\b[^.;\n]{0,24})\s*$/i,
    // Only the word's start after a site: the words after an abbreviation are read 16 characters deep.
    after: /^\s*(?:(colonization|colonisation|colonized|colonised|carrier|carriage)\b|(?:nasal|nares|groin|axillary|skin|rectal|perianal)\s+(?:coloni|carri))/i,
  },
  // The gastroenterology service ("per GI", "followed by GI", "GI consulted", "GI recs"), not the
  // digestive tract: "Colon cancer surveillance per GI" names no cancer of the digestive system (C26.9).
  gi: {
    before: /\b(per|by|(referred|referral|discussed|discussion|spoke|consult(ed)?|appointment|appt|follow[- ]?up|f\/u)\s+(to|with))\s*$/i,
    after: /^\s*(consult(ed|ation|s)?|recs?|recommend(s|ed|ations?)?|following|follows|team|service|clinic|fellow|attending|office|was consulted|is following|saw|evaluated|to (scope|perform|see|follow|evaluate))\b/i,
  },
  // Urgent care ("recheck in 48 h (UC/PCP)", "seen at UC yesterday"), not ulcerative colitis.
  uc: {
    before: /(\b(at|from|seen in|presented to|went to|go to|local|nearest)|\b(PCP|ED|ER)\s*(\/|or))\s*$/i,
    after: /^\s*(\/|or)\s*(PCP|ED|ER|clinic|primary care)\b|^\s*(visit|clinic|center|centre|provider|note|triage)\b/i,
  },
  // A prolapsed intervertebral disc ("L4-5 PID", "lumbar PID with radiculopathy") and a primary
  // immunodeficiency ("PID on IVIG"), not pelvic inflammatory disease.
  pid: {
    before: /\b(lumbar|cervical|thoracic|[CLT]\d(\s*[-/]\s*[CLST]?\d)?|discs?|spine|spinal|immunodeficiency)\s*$/i,
    after: /^\s*(at\s+)?([CLT]\d|lumbar|cervical|thoracic|discs?\b|with\s+(radicul|sciatica|cord|nerve)|on\s+(ivig|scig|immunoglobulin)|\(?primary immuno)/i,
  },
  // The anterior fontanelle of an infant's exam ("AF soft, flat"), not atrial fibrillation.
  af: { after: /^\s*(is\s+)?(soft|flat|open|closed|bulging|sunken|full|patent)\b/i },
  // A child's innocent vibratory murmur ("Still's murmur", "Innocent (Still's) murmur": R01.0), not Still's disease (M08.2-).
  "still's": { after: /^\W*murmur/i },
  hiv: { after: /^\s*(positive\b|seropositive\b|status\s*(:\s*)?positive\b|prep\b|pep\b|ppx\b|prophylaxis\b|(pre|post)[- ]?exposure\b)/i },
};

/** Whether `key` (lower case) has another sense the words around it may give away. */
export function hasOtherSense(key: string): boolean {
  return Object.hasOwn(OTHER_SENSES, key);
}

/** Whether the abbreviation `key` (lower case) between `before` and `after` is meant in its other sense. */
export function meansOtherSense(key: string, before: string, after: string): boolean {
  const sense = OTHER_SENSES[key];
  return sense !== undefined && ((sense.before?.test(before) ?? false) || (sense.after?.test(after) ?? false));
}
