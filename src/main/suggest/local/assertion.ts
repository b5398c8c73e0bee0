// ConText-style assertion status per token: a trigger phrase ("no", "rule out", "history of",
// "mother had", "return if") covers the words after it (or before it, for post-triggers such as
// "was ruled out") until a scope terminator ("but", "however", ";", end of sentence).
import type { Assertion } from '../../../shared/suggest/types';
import { lineEndAt, type Token } from './text';

interface Trigger {
  words: string[];
  assertion: Exclude<Assertion, 'present'>;
  direction: 'forward' | 'backward';
  /** A test result's word ("viral load undetectable") speaks of the test just before it, not across a comma. */
  clause?: true;
  /** It speaks of both alternatives: "cellulitis vs contact dermatitis". */
  both?: true;
  /** A test's name after a disease ("HIV antibody", "C diff PCR"): the disease is what is tested for, unless found. */
  test?: true;
  /** It speaks of its whole line before it, over commas and dashes: "Fibromyalgia, osteopenia - followed by PCP, not addressed today". */
  line?: true;
  /** Not when the line says the condition is managed: "Anxiety - stable on sertraline, managed by PCP" is assessed and treated. */
  unlessManaged?: true;
  /** It names what is written with it ("hepatitis A vaccine"), not across a dash or colon ("Asplenia - vaccine review"). */
  compound?: true;
  /** Only where its sentence goes on to say it was told: "Signs of infection reviewed", "Symptoms of hypoglycemia discussed with pt". */
  toldAfter?: true;
}

/** What a sentence says was done with the signs it names: told, not found. */
const TOLD_AFTER = /^\s+(?:[\w/'-]+\s+){1,4}?(?:were\s+|was\s+)?(reviewed|discussed|explained|reinforced|taught)\b/i;

/** Words of a line that say its condition was assessed and is treated ("stable on sertraline", "continue lisinopril"). */
const MANAGED_ON_LINE = /\b(stable|controlled|continue[sd]?|cont|refill(ed)?|taking|increase[d]?|decrease[d]?|start(ed)?|on [a-z]{4,})\b/i;

/** Words after a relative or another person that say what they had ("mother had", "partner HIV positive"). */
const SAYS_WHAT_THEY_HAD = ['had', 'has', 'with', 'died', 'diagnosed', 'history', 'hx', 'suffered', 'positive', 'treated', 'developed', 'passed'];

/** Verdicts after a condition that say it ended; a stay's diagnosis so closed was treated in the stay. */
export const RESOLVED_VERDICTS: readonly string[] = ['resolved', 'now resolved', 'since resolved', 'has resolved', 'have resolved', 'had resolved'];

/** Habits said of a person right after their name ("father smokes"). */
const HABITS: ReadonlySet<string> = new Set(['smokes', 'smoke', 'smoked', 'smoking', 'vapes', 'vaping', 'chews', 'drinks', 'dips']);

/** People around the patient who are no blood relatives. */
export const OTHER_PEOPLE: readonly string[] = ['wife', 'husband', 'spouse', 'partner', 'boyfriend', 'girlfriend', 'roommate', 'coworker', 'co worker', 'caregiver', 'friend', 'source patient', 'source pt', 'source individual', 'source person'];

const t = (phrase: string, assertion: Trigger['assertion'], direction: Trigger['direction'] = 'forward'): Trigger => ({ words: phrase.split(' '), assertion, direction });

/** What opens a differential, which covers the whole list after it: "Considered gastroenteritis, pancreatitis, UTI - workup unrevealing". */
const DIFFERENTIAL_OPENERS: readonly string[] = ['ddx', 'differential', 'differential diagnosis', 'differential diagnoses', 'differential dx', 'differential includes', 'differential diagnosis includes', 'differential considerations', 'considered', 'also considered'];
/** Blood relatives as a note names them after a condition. */
export const BLOOD_RELATIVES: readonly string[] = ['mother', 'father', 'sister', 'brother', 'sibling', 'siblings', 'parents', 'son', 'daughter', 'grandmother', 'grandfather', 'aunt', 'uncle', 'mom', 'dad', 'twin'];
/** Any person but the patient, as a regex alternation ("brother", "wife", "roommate"). */
export const SOMEONE_ELSE_WORDS = String.raw`(?:${[...BLOOD_RELATIVES, ...OTHER_PEOPLE].join('|')})s?`;
/** A diagnosis weighed and not made, said after it. */
const WEIGHED: readonly string[] = [
  'was considered',
  'were considered',
  ...['initially', 'briefly', 'also', 'first'].flatMap((how) => [`was ${how} considered`, `were ${how} considered`]),
  // A course's label weighed: "Wernicke encephalopathy: Considered on admission, no ophthalmoplegia".
  'considered on admission',
  'considered on presentation',
  'considered initially',
  'initially considered',
];
/** A rule-out, and what says it is done: "Rule-out endocarditis complete.", "r/o MI negative". */
const RULE_OUT: ReadonlySet<string> = new Set(['rule out', 'r o']);
const RULE_OUT_DONE = /^[^.;\n]{1,60}?\s(?:complete|completed|negative|done)\s*(?:[.;]|$)/i;
/** Words that order a test again; what they cover is the test's name, a few words at most. */
const REPEATS: readonly string[] = ['repeat', 'recheck'];
const REPEAT_REACH = 3;
/**
 * Words that end a repeated test's name: its result ("repeat CT showed pneumonia") or the reason it is
 * repeated, which may well be the patient's ("recheck TSH for hypothyroidism").
 */
const REPEAT_ENDS = new Set(['showed', 'shows', 'revealed', 'reveals', 'demonstrated', 'demonstrates', 'confirmed', 'confirms', 'with', 'was', 'is', 'positive', 'consistent', 'for', 'of', 'to', 'given']);
const TRIGGERS: readonly Trigger[] = [
  ...['no', 'not', 'denies', 'denied', 'deny', 'denying', 'without', 'negative for', 'neg for', 'free of', 'absence of', 'ruled out', 'no evidence of', 'no signs of', 'no sign of', 'never had', 'resolution of', 'neither', 'nor', 'never', 'never a', 'not suspected', 'not likely', 'not favored', 'but ruled out', 'but was ruled out', 'but excluded', 'and ruled out', 'and was ruled out'].map((p) => t(p, 'negated')),
  // A finding said to weigh against a diagnosis: "normal cortisol is reassuring against adrenal insufficiency".
  ...['reassuring against', 'argues against', 'argue against', 'arguing against', 'speaks against', 'evidence against'].map((p) => t(p, 'negated')),
  // A diagnosis said not to have been made settles a doubt raised elsewhere: "Hypertension? - he carries no diagnosis of hypertension".
  ...['no diagnosis of', 'not diagnosed with', 'never diagnosed with', 'no prior diagnosis of', 'no known diagnosis of'].map((p) => t(p, 'negated')),
  // "Type 1 MI rather than demand ischemia": the alternative set aside.
  ...['rather than', 'as opposed to'].map((p) => t(p, 'negated')),
  // A provider's doubt rules a condition out, as "unlikely" does: "Doubt pneumonia", "low suspicion for PE".
  ...['doubt', 'low suspicion for', 'low suspicion of', 'low concern for', 'low likelihood of', 'unlikely to be'].map((p) => t(p, 'negated')),
  ...['considered but ruled out', 'considered and ruled out', 'was considered but ruled out', 'was considered and ruled out', 'considered but excluded', 'considered and excluded', 'but ruled out', 'but was ruled out', 'but excluded', 'but was excluded', 'and ruled out', 'and was ruled out', 'and subsequently ruled out', 'but subsequently ruled out'].map((p) => t(p, 'negated', 'backward')),
  ...['was ruled out', 'is ruled out', 'were ruled out', 'ruled out', 'all ruled out', 'were all ruled out', 'all excluded', 'were all excluded', 'excluded', 'was excluded', 'unlikely', 'not suspected', 'is not suspected', 'which is not suspected', 'which are not suspected', 'was not suspected', 'not likely', 'not favored', 'is negative', 'was negative', 'were negative', 'negative', 'neg', 'not met', 'were not met', 'was not met', 'not confirmed', 'was not confirmed', 'not seen', 'not present', 'was not felt to be present', 'not felt to be present', 'was not thought to be present', 'not thought to be present', 'absent', ...RESOLVED_VERDICTS, 'not diagnosed', 'has not been diagnosed', 'have not been diagnosed', 'had not been diagnosed', 'not been diagnosed', 'not supported', 'is not supported', 'was not supported', 'unsupported', 'will not label'].map((p) => t(p, 'negated', 'backward')),
  // Criteria not met speak of the condition before them ("SIRS … did not meet") or after ("Did not meet sepsis criteria").
  ...['does not meet', 'did not meet', 'not meeting', 'does not meet criteria', 'did not meet criteria', 'not meeting criteria'].map((p) => ({ ...t(p, 'negated', 'backward'), both: true as const })),
  ...['nonreactive', 'non reactive', 'not reactive', 'not detected', 'undetected', 'undetectable', 'none detected'].map((p) => ({ ...t(p, 'negated', 'backward'), clause: true as const })),
  // A finding within what is expected is none: "weight loss within expected range" in a newborn.
  ...['within expected range', 'within the expected range', 'within normal range', 'within the normal range', 'within normal limits'].map((p) => ({ ...t(p, 'negated', 'backward'), clause: true as const })),
  ...['suggest', 'suggests', 'suggesting', 'potential', 'potentially', 'possible', 'possibly', 'probable', 'probably', 'suspected', 'suspect', 'suspicion of', 'suspicious for', 'rule out', 'r o', 'likely', 'questionable', 'query', 'wondered about', 'wonders about', 'wondering about', 'concern for', 'concerning for', 'cannot exclude', 'may have', 'might have', 'could be', 'may be', 'might be', 'consistent with', 'compatible with', 'suggestive of', 'presumed', 'presumptive', 'c w', 'working diagnosis', 'working dx'].map((p) => t(p, 'uncertain')),
  // Written after what it settles, closing it, "r/o" is the verdict: "UTI and PNA r/o." (before it, a doubt: "r/o MI").
  t('r o', 'negated', 'backward'),
  // A differential weighs each of its list: "ddx appendicitis, ovarian torsion, ruptured cyst, PID, UTI".
  ...DIFFERENTIAL_OPENERS.map((p) => t(p, 'uncertain')),
  // A provider still asking: "question of pneumonia on CXR", "worrisome for melanoma", "favor viral URI".
  ...['question of', 'worrisome for', 'favor'].map((p) => t(p, 'uncertain')),
  // What the patient took it for before the visit: "Thought it was food poisoning, took ibuprofen".
  ...['thought it was', 'thought this was', 'thought it might be', 'thinks it is', 'thinks this is', 'believed it was', 'assumed it was'].map((p) => t(p, 'uncertain')),
  // A test's aim: "CT head to exclude subarachnoid hemorrhage" (a provider who excluded it says "excluded").
  ...['to exclude', 'exclude'].map((p) => t(p, 'uncertain')),
  ...['is a concern', 'remains a concern', 'is a consideration'].map((p) => t(p, 'uncertain', 'backward')),
  ...['is suspected', 'was suspected', 'is likely', 'cannot be excluded', 'not excluded', 'is possible', 'is on the differential', 'on the differential', 'in the differential', 'remains on the differential', 'remains in the differential'].map((p) => t(p, 'uncertain', 'backward')),
  // A diagnosis weighed and not made: "Pulmonary embolism was considered; CTA negative" (one weighed
  // and ruled out is negated above).
  ...WEIGHED.map((p) => t(p, 'hypothetical', 'backward')),
  ...['vs', 'versus'].map((p) => ({ ...t(p, 'uncertain'), both: true as const })),
  // After the problem, closing it: "Mitral regurgitation - possible", "ILD - no evidence", "A-fib - doubt, ECG sinus".
  ...['possible', 'probable', 'suspected', 'questionable', 'likely'].map((p) => t(p, 'uncertain', 'backward')),
  ...['no evidence', 'doubt', 'doubtful', 'not favored', 'is not favored', 'less likely', 'felt less likely', 'low suspicion', 'low concern'].map((p) => t(p, 'negated', 'backward')),
  // A template's answer: "Gangrene - none seen" (not a bare "none": "COPD exacerbation in March, none since").
  ...['none seen', 'none noted', 'none found', 'none present', 'none identified'].map((p) => t(p, 'negated', 'backward')),
  // A recurrent problem with no episode now: "Recurrent UTI, currently none" (no N39.0; the coder may add its history, Z87.440).
  ...['currently none', 'none currently', 'none at present', 'none now', 'none active'].map((p) => t(p, 'negated', 'backward')),
  ...['history of', 'hx of', 'hx', 'h o', 's p', 'status post', 'past history of', 'previous history of', 'remote history of', 'former', 'ex', 'quit', 'remote', 'healed'].map((p) => t(p, 'historical')),
  ...['in the past', 'previously', 'cured', 'eradicated', 'svr', 'svr achieved'].map((p) => t(p, 'historical', 'backward')),
  // After the habit, closing it: "30 pk-yr smoker, quit 2010" (Z87.891, not F17.200).
  t('quit', 'historical', 'backward'),
  // What happened back then: "dx ~9 yrs ago when he presented with PJP pneumonia and oral thrush".
  ...['', ' he presented with', ' she presented with', ' pt presented with', ' he was admitted with', ' she was admitted with', ' he had', ' she had'].map((p) => t(`ago when${p}`, 'historical')),
  // A device "in place" is a status ("Pacemaker in place" Z95.0); "in situ" only after a device (DEVICES):
  // a carcinoma in situ is no status.
  t('in place', 'historical', 'backward'),
  t('in situ', 'historical', 'backward'),
  // "Prior DVT 2019", "previous pulmonary embolism", "past kidney stones" (not "prior to admission",
  // "past 3 days", "past medical history").
  ...['prior', 'previous', 'past'].map((p) => t(p, 'historical')),
  ...['family history', 'family hx', 'fh', 'fhx', 'mother', 'father', 'sister', 'brother', 'sibling', 'siblings', 'maternal', 'paternal', 'grandmother', 'grandfather', 'aunt', 'uncle', 'parents', 'son', 'daughter',
    // Relatives as notes abbreviate them: "MGF COPD", "mom with asthma".
    'mgf', 'mgm', 'pgf', 'pgm', 'mom', 'dad', 'grandparent', 'grandparents',
    // A relative unnamed: "1st-degree relative w/ lung CA", "relatives with colon cancer".
    'relative', 'relatives'].map((p) => t(p, 'family')),
  // A relative named after the condition: "premature CAD in father", "breast cancer in her mother".
  ...BLOOD_RELATIVES.flatMap((r) => ['in', 'in his', 'in her', 'in their', 'in the patient'].map((lead) => t(`${lead} ${r}`, 'family', 'backward'))),
  // Someone else's disease who is no blood relative is neither the patient's nor a family history:
  // "wife recently diagnosed with active pulmonary TB" (a contact, Z20.1, by the Index's "Exposure" lines).
  ...OTHER_PEOPLE.map((p) => t(p, 'hypothetical')),
  // Nor is anyone's the patient lives with: "denies living with anyone who smokes".
  ...['anyone who', 'anybody who', 'someone who', 'somebody who', 'others who', 'people who', 'no one who'].map((p) => t(p, 'hypothetical')),
  // A test ordered names what it looks for: "check TSH, HIV and hepatitis C antibody", "AFB culture for TB",
  // "sleep study to evaluate REM sleep behavior disorder".
  // Causes a search looks for are candidates, not findings: "Secondary causes (lupus, hepatitis,
  // malignancy) - workup negative", "reversible causes such as hypothyroidism excluded".
  ...['secondary causes', 'other causes', 'reversible causes', 'possible causes', 'potential causes', 'causes including', 'causes such as', 'etiologies', 'other etiologies', 'secondary etiologies', 'possible etiologies'].map((p) => t(p, 'hypothetical')),
  // A test to be repeated names what it looks for: "Repeat HIV/HCV at 3 mo" (not "repeat CT showed …", below).
  ...REPEATS.map((p) => t(p, 'hypothetical')),
  ...['check', 'test for', 'tested for', 'testing for', 'culture for', 'cultures for', 'pcr for', 'serology for', 'serology of', 'serologies for', 'serologies of', 'workup for', 'to evaluate', 'evaluate'].map((p) => t(p, 'hypothetical')),
  ...['antibody', 'antibodies', 'ab', 'pcr', 'titer', 'titers', 'titres', 'serology', 'serologies', 'screens', 'tests', 'quantiferon', 'igra', 'toxin', 'antigen', 'test', 'testing', 'screen', 'panel', 'immunity', 'result', 'results',
    // A test named by what it looks for, then ordered: "CMP, HBV serologies, HIV ordered", "HIV pending".
    'ordered', 'pending',
    // A virus's nucleic acid measured: "HCV RNA at 3-6 wk", "HBV DNA today".
    'rna', 'dna',
    // An assay for it: "TB interferon-gamma assay", "TB interferon gamma release assay", "HIV assay".
    'assay', 'assays', 'interferon gamma', 'interferon-gamma'].map((p) => ({ ...t(p, 'hypothetical', 'backward'), clause: true as const, test: true as const })),
  // Not immune to a disease is no disease: "Hepatitis A and B nonimmune - Twinrix given".
  ...['nonimmune', 'non immune', 'not immune'].map((p) => ({ ...t(p, 'hypothetical', 'backward'), clause: true as const })),
  // Immune to a disease is no disease either: "Rubella immune", "Rubella IgG positive" on a prenatal panel.
  ...['immune', 'igg positive', 'igg reactive'].map((p) => ({ ...t(p, 'hypothetical', 'backward'), clause: true as const })),
  ...['evaluate for', 'to evaluate for', 'assess for', 'screen for', 'screening for', 'monitor for', 'check for', 'look for', 'if', 'should', 'return if', 'return for', 'return to', 'return with',
    // With the place to return to or a call beside it: "RTC/ED for fever", "Return/911 for lip swelling".
    ...['return ed', 'return er', 'return 911', 'return or call', 'rtc', 'rtc ed', 'rtc er', 'rtc 911', 'rtc or call', 'call ed', 'call er', 'call 911', 'call or return'].flatMap((r) => [`${r} for`, `${r} if`]), 'go to the ed for', 'go to the er for', 'go to the ed if', 'go to the er if', 'go to the emergency department for', 'go to the emergency department if', 'go to ed for', 'go to er for', 'come back if', 'come back for', 'seek care if', 'seek care for', 'seek medical attention if', 'seek medical attention for', 'call if', 'call for', 'call with', 'call back if', 'contact us for', 'contact us if', 'contact us with', 'notify us of', 'notify us if', 'in case of', 'watch for', 'risk of', 'risk for', 'risk factor for', 'risk factors for', 'risk factor of', 'prevent', 'prevention of', 'may reduce', 'might reduce', 'can reduce', 'could reduce', 'help reduce', 'helps reduce', 'to help reduce', 'reduce the risk', 'reduces the risk', 'lower the risk', 'lowers the risk', 'decrease the risk', 'decreases the risk', 'precautions', 'precautions reviewed', 'precautions given', 'precautions discussed', 'to avoid', 'avoid', 'as needed for', 'prn', 'if needed',
    // Advice for what may come: "urgent evaluation for any fever while traveling".
    'for any',
    // A wound check "sooner for redness, swelling or fever"; a "standby course of antibiotics for fever".
    'sooner for', 'sooner if', 'sooner with', 'earlier for', 'earlier if', 'standby', 'stand-by',
    // What a worse course would call for: "go to the ED (would need evaluation for septic joint)".
    'would need', 'would require', 'would warrant', 'need evaluation for', 'needs evaluation for'].map((p) => t(p, 'hypothetical')),
  // What advice keeps away: "rabies avoidance", "trigger avoidance".
  t('avoidance', 'hypothetical', 'backward'),
  // A malformation or injury repaired before is past: "Inguinal hernia repaired prior to NICU discharge",
  // "AV canal defect repaired at 4 months of age".
  ...['repaired prior', 'repaired in', 'repaired at', 'repaired as'].map((p) => t(p, 'historical', 'backward')),
  // What a procedure or a drug might do, as consent and counseling list it: "risks incl. bleeding,
  // infection, scar", "possible side effects including nausea".
  ...['risks', 'risks including', 'risks include', 'risks and benefits', 'risks, benefits', 'possible complications', 'potential complications', 'complications including', 'side effects', 'side effects including', 'adverse effects including'].map((p) => t(p, 'hypothetical')),
  // What is being planned is not there yet: "referred for AV fistula planning" (a dialysis access). A
  // condition a planned operation treats stays ("scheduled for hernia repair": the hernia is there).
  t('planning', 'hypothetical', 'backward'),
  // Nor what the patient may be offered: "candidate for ICD if EF stays below 35%".
  ...['candidate for', 'a candidate for', 'eligible for', 'would benefit from'].map((p) => t(p, 'hypothetical')),
  // A treatment ruled out by time or status: "outside window for tPA", "not a candidate for tPA".
  ...['outside window for', 'outside the window for', 'not a candidate for', 'not candidate for', 'not eligible for', 'ineligible for', 'no tpa'].map((p) => t(p, 'negated')),
  // Nor the visit booked after this one: "Next visit 1 mo WCC".
  ...['next visit', 'next appointment', 'next appt', 'at next visit'].map((p) => t(p, 'hypothetical')),
  // What the coder taught or screened for is a topic, not a finding: "educated on signs of infection".
  // What a screening test looks for: "screening colonoscopy for colon cancer" (Z12.11, I.C.21.c.5).
  ...[...['colonoscopy', 'mammogram', 'mammography', 'psa', 'pap', 'test', 'exam', 'ct', 'ldct'].flatMap((w) => [`screening ${w} for`, `${w} screening for`]),
    'screened for', 'educated on', 'educated about', 'education on', 'education about', 'counseled on', 'counseled about', 'counseling on', 'counseling about', 'counseled re', 'counseling re', 'educated re', 'education re',
    // A patient's question names a topic: "Pt asks about ADHD", "asked about shingles vaccine".
    'asks about', 'asked about', 'asking about', 'inquires about', 'inquired about', 'questions about',
    // A worry names a topic too: "Concerned about gastroparesis", "worried about skin cancer".
    'concerned about', 'worried about', 'worries about', 'worrying about', 'anxious about', 'instructed on', 'instructed about', 'signs and symptoms of', 'warning signs of', 'discussed signs of', 'reviewed signs of', 'discussed symptoms of', 'reviewed symptoms of', 'discussed signs and symptoms of', 'reviewed signs and symptoms of'].map((p) => t(p, 'hypothetical')),
  // …and the signs the sentence goes on to say were told: "Signs of infection reviewed".
  ...['signs of', 'symptoms of', 'sx of'].map((p) => ({ ...t(p, 'hypothetical'), toldAfter: true as const })),
  // …and after it: "Reviewed agranulocytosis warning signs", "DVT precautions", "stroke red flags", "Valve thrombosis/stroke sx reviewed".
  ...['warning', 'warnings', 'warning signs', 'warning symptoms', 'red flags', 'precautions', 'sx reviewed', 'sxs reviewed', 'symptoms reviewed', 'signs reviewed', 'symptoms discussed', 'sx discussed'].map((p) => t(p, 'hypothetical', 'backward')),
  // A problem the provider set aside this visit has no evidence of being managed: "Fibromyalgia,
  // osteopenia - followed by PCP, not addressed today", "Hx DVT, obesity - no active issues".
  ...['not addressed', 'not addressed today', 'not discussed', 'not discussed today', 'not discussed this visit', 'not discussed at this visit', 'not addressed this visit', 'not addressed at this visit', 'not assessed today', 'not evaluated today', 'no active issues', 'deferred to pcp', 'deferred to primary care',
    // A stay's list of what it did not treat: "Chronic, not active this admission: OA bilateral knees".
    'not active this admission', 'not active this visit', 'not addressed this admission', 'not treated this admission', 'inactive this admission']
    .map((p) => ({ ...t(p, 'hypothetical', 'backward'), line: true as const })),
  ...['followed by', 'managed by'].flatMap((by) => ['', 'her ', 'his ', 'their '].flatMap((whose) => ['pcp', 'primary care', 'primary care physician', 'primary care provider', 'primary care doctor'].map((who) => `${by} ${whose}${who}`)))
    .map((p) => ({ ...t(p, 'hypothetical', 'backward'), line: true as const, unlessManaged: true as const })),
  // A consult letter's conditions the referring doctor looks after: "You already manage her hypothyroidism".
  ...['you manage', 'you already manage', 'you are managing', 'you are already managing', 'you follow', 'you already follow', 'you are following', 'you are already following'].map((p) => t(p, 'hypothetical')),
  // …or said after them: "notable for hypertension and hyperlipidemia, which you manage".
  ...['which you manage', 'which you already manage', 'which you are managing', 'which you follow', 'which you are following', 'which you treat', 'both of which you manage', 'which are managed by you', 'which you continue to manage'].map((p) => ({ ...t(p, 'hypothetical', 'backward'), line: true as const })),
  // A diagnosis weighed and let go, said after it: "Septic arthritis considered but felt unlikely".
  ...['considered but', 'considered but felt', 'considered but thought', 'considered but deemed', 'considered but felt to be', 'considered but thought to be'].map((v) => t(`${v} unlikely`, 'negated', 'backward')),
  // Evidence of a kind denied: "no clinical evidence of BK nephropathy", "no convincing evidence of Graves' orbitopathy".
  ...['clinical', 'radiographic', 'imaging', 'convincing', 'definite', 'objective', 'laboratory', 'histologic', 'endoscopic', 'sonographic'].map((k) => t(`no ${k} evidence of`, 'negated')),
  // A source or kind the provider leans to without confirming: "pituitary (Cushing's disease) favored but MRI equivocal".
  ...['favored', 'is favored', 'favored but', 'most favored'].map((p) => t(p, 'uncertain', 'backward')),
  // A screening already done: "Age-appropriate cancer screening up to date (colonoscopy 2024)".
  ...['up to date', 'is up to date', 'are up to date', 'utd'].map((p) => t(p, 'hypothetical', 'backward')),
  // …or said before it: "he is up to date on colonoscopy and age-appropriate cancer screening".
  ...['up to date on', 'up to date with', 'is up to date on', 'is up to date with', 'are up to date on', 'are up to date with', 'utd on', 'utd with'].map((p) => t(p, 'hypothetical')),
  // A finding watched for, not found: "Hypogammaglobulinemia watch - IgG still acceptable".
  { ...t('watch', 'hypothetical', 'backward'), clause: true as const },
  // A drug's risk talked over names no condition of the patient's: "Osteonecrosis of the jaw risk reviewed".
  ...['risk reviewed', 'risks reviewed', 'risk discussed', 'risks discussed', 'risk counseled', 'risk explained'].map((p) => t(p, 'hypothetical', 'backward')),
  // A disease's course as a topic, no past of the patient's: "discussed the natural history of HSV".
  ...['natural history of', 'natural course of'].map((p) => t(p, 'hypothetical')),
  // A diagnosis whose criteria are not met: "doesn't meet MDD criteria", "does not meet criteria for a major depressive episode".
  ...['does not meet', "doesn't meet", 'did not meet', "didn't meet", 'not meeting', 'does not fulfill', 'not fulfilling'].map((p) => t(p, 'negated')),
  // Free of it, said right after it: "infection-free", "seizure free for 2 years", "pain free".
  { ...t('free', 'negated', 'backward'), clause: true as const },
  // A vaccine names the disease it prevents: "shingles vaccine", "vaccinated for COVID-19".
  ...['vaccinated for', 'vaccinated against', 'vaccine for', 'vaccine against', 'vaccination for', 'vaccination against', 'immunized against', 'immunization against'].map((p) => t(p, 'hypothetical')),
  // Written right before it, as a test's target is ("hepatitis A vaccine", "flu/pneumococcal vaccines"): not across
  // a dash or colon ("Asplenia - vaccine review" is the asplenia the vaccines are for).
  ...['vaccine', 'vaccines', 'vaccination', 'vaccinations', 'immunization', 'booster'].map((p) => ({ ...t(p, 'hypothetical', 'backward'), compound: true as const })),
];

const BY_FIRST = new Map<string, Trigger[]>();
for (const tr of TRIGGERS) {
  const list = BY_FIRST.get(tr.words[0]!);
  if (list) list.push(tr);
  else BY_FIRST.set(tr.words[0]!, [tr]);
}

// Verbs that start a new clause about the visit: "no relevant history, admitted for stroke".
const TERMINATORS = new Set(['but', 'however', 'although', 'though', 'except', 'which', 'whereas', 'yet', 'presents', 'presented', 'reports', 'complains', 'complained', 'admits', 'now', 'admitted', 'consulted', 'came', 'attended', 'who']);
/**
 * Words that turn from what is absent to what was found: "without voiding syndrome and accompanied by
 * hematuria". A condition ("call if she develops a fever") runs on over them.
 */
const NEGATION_TERMINATORS = new Set(['accompanied', 'developed', 'revealed', 'showed', 'showing']);
/** Words that turn from a past condition to what it left: "prior CVA with residual left hemiparesis". */
/** Words that give the reason for advice, ending its scope. */
const ADVICE_REASONS = new Set(['given', 'because', 'since', 'due', 'as']);
const HISTORY_TERMINATORS = new Set(['residual', 'sequela', 'sequelae', 'still', 'currently', 'persistent']);
/** Words that qualify the condition a line names, not another thing denied: "migraine without aura, intractable". */
const QUALIFIERS = new Set(['intractable', 'refractory', 'pharmacoresistant', 'uncontrolled', 'poorly', 'chronic', 'acute', 'recurrent', 'severe', 'moderate', 'mild', 'right', 'left', 'bilateral']);
const FORWARD_REACH = 10;
/** How far a negation reaches over a list it opens ("No fever, chills, …, or rectal bleeding"). */
const LIST_REACH = 30;
/** The negations that open such a list; not a clause's "not" ("continued not to drink …, complained of"). */
const LIST_OPENERS: ReadonlySet<string> = new Set(['no', 'deny', 'denies', 'denied', 'denying', 'negative', 'neg', 'without']);
/** The first words of a return precaution, which covers the list of warning signs after it. */
const PRECAUTION_OPENERS: ReadonlySet<string> = new Set(['return', 'rtc', 'call', 'seek', 'come', 'watch', 'go']);
/** An "if" clause ("call if her headaches worsen or she develops a fever") runs on further than a negation. */
const CONDITIONAL_REACH = 20;
/**
 * How close a later trigger must follow a negation to be negated with it: "no family history of",
 * "denies any history of". Further on it opens a clause of its own: "no family history of interest
 * and personal history of hypertension".
 */
const NEGATION_CHAIN_REACH = 2;
const BACKWARD_REACH = 6;
/** How many more words of a phrase a backward verdict's reach cut into it may take. */
const PHRASE_REST = 3;

export interface TokenAssertion {
  assertion: Assertion;
  /** Index of the trigger that set it (−1 for none); a match that contains the trigger's own words is not covered by it. */
  trigger: number;
}

export interface AssertionMap {
  tokens: TokenAssertion[];
  /** Token ranges [start, end) of each trigger occurrence. */
  triggers: Array<[number, number]>;
}

/** Units and vague counts of a span of time ("the past few weeks"). */
const TIME_SPAN = ['year', 'years', 'month', 'months', 'week', 'weeks', 'day', 'days', 'decade', 'few', 'several', 'couple'];
const counts = (upTo: number): string[] => Array.from({ length: upTo }, (_, n) => String(n + 1));

const PAST_WORDS = new Set(['prior', 'previous', 'past']);
/** Words after "prior", "past" or "previous" that make it no past condition: a time, a heading, a sequence. */
const NOT_PAST_AFTER = new Set([...TIME_SPAN, 'night', 'hour', 'hours', 'to', 'medical', 'surgical', 'history', 'hx', 'visit', 'visits', 'note', 'notes', 'exam', 'imaging', 'study', 'studies', 'labs', 'episode', 'episodes', 'the', ...counts(60)]);

/** Words after "in the past" that make it a span of time. */
const SPAN_WORDS = new Set([...TIME_SPAN, 'two', 'three', 'six', 'twelve', ...counts(24)]);

/** A date, a time ago or a "for now" right after a trigger: it closes the trigger's clause ("Preeclampsia ruled out at this time"). */
const WHEN_AFTER = /^(?:in )?(?:19|20)\d\d\b|^\d+ (?:y|yr|yrs|year|years|mo|mos|month|months) ago\b|^(?:years|months) ago\b|^(?:at this (?:time|point)|for now|at present)\b/;
/** Words after "ruled out" or "excluded" that say how, so the trigger speaks of what came before it. */
const SHOWN_BY = new Set(['with', 'by', 'on', 'per', 'after', 'via', 'given', 'clinically', 'radiographically', 'radiologically', 'today']);

/**
 * Tests whose result a backward trigger right after them speaks of, and not what comes before a
 * comma: "atypical chest pain, troponin negative" ("hepatitis B, C, HIV negative" is a list). A tumour's
 * receptors and markers too: "Breast cancer, left, ER/PR positive, HER2 negative" has its cancer.
 */
const TEST_WORDS = new Set([
  'troponin', 'troponins', 'culture', 'cultures', 'test', 'testing', 'screen', 'swab', 'panel', 'xray', 'x-ray', 'ray', 'cxr', 'ct', 'cta', 'duplex', 'doppler', 'mri', 'ultrasound', 'echo', 'ekg', 'ecg', 'ua', 'urinalysis', 'dimer', 'bnp', 'labs', 'workup', 'work-up', 'strep', 'pcr', 'antigen', 'serology', 'biopsy', 'scan',
  'her2', 'her-2', 'er', 'pr', 'pgr', 'egfr', 'alk', 'kras', 'braf', 'ros1', 'msi', 'brca', 'brca1', 'brca2',
]);

/** How far back a test's name reaches for the disease it tests: "hepatitis C antibody", "C diff PCR". */
const TEST_TARGET_REACH = 3;
/** Words that end a test's target: "elevated on her lipid panel" tests no elevation. */
const TEST_TARGET_STOPS = new Set(['on', 'in', 'of', 'from', 'with', 'her', 'his', 'the', 'a', 'was', 'were', 'is']);

/** Tests named in the plural, which a list before them shares: "HIV, HBV serologies". */
const PLURAL_TESTS = new Set(['serologies', 'titers', 'titres', 'screens', 'tests']);
/** Words in a list item at most: a test's target is named shortly ("HCV RNA/genotype", "hep B"). */
const TESTED_ITEM_WORDS = 2;

/**
 * Where a list of test targets before the plural test at `test` starts, or `test` when no list of two
 * or more short items stands there: "HCV RNA/genotype, LFTs, HIV, HBV serologies today".
 */
function testedListStart(text: string, tokens: readonly Token[], lower: readonly string[], test: number): number {
  if (!PLURAL_TESTS.has(lower[test]!)) return test;
  let start = test;
  let items = 1;
  let words = 0;
  for (let k = test - 1; k >= 0; k--) {
    const between = text.slice(tokens[k]!.end, tokens[k + 1]!.start);
    const separated = /^\s*,\s*$/.test(between) || lower[k + 1] === 'and' || lower[k + 1] === 'or';
    if (!separated && /[^\s/]/.test(between)) break;
    if (separated) {
      if (words === 0) break;
      items++;
      words = 0;
    }
    if (lower[k] === 'and' || lower[k] === 'or') continue;
    if (TEST_TARGET_STOPS.has(lower[k]!) || ++words > TESTED_ITEM_WORDS) break;
    start = k;
  }
  return items >= 2 ? start : test;
}

/** Results after a test's name that say it found the disease. */
const FOUND = new Set(['positive', 'pos', 'detected', 'reactive', 'confirmed', 'confirms', 'showed', 'revealed']);

/** A search for a cause: a negative one rules out causes, not the finding searched. */
const WORKUP_WORDS = new Set(['workup', 'work-up', 'evaluation', 'eval']);
/** An adjective before a workup names the kind of cause searched for, which it then rules out: "Infectious w/u neg". */
const SEARCHED_FOR = /^[a-z]{4,}(?:ious|ic|al)$/;

/**
 * Punctuation between two tokens that ends a trigger's scope. A spaced dash ends a forward scope but
 * not a backward one: "Pneumonia - ruled out" says of pneumonia what "Hypertension - no change" does not.
 */
function breaksScope(text: string, a: Token, b: Token, direction: Trigger['direction'] = 'forward'): boolean {
  const between = text.slice(a.end, b.start);
  return /[;:]|\n/.test(between) || (direction === 'forward' && /\s[-–—]\s|—/.test(between));
}

/** A severity, course or side between commas. */
const COMMA_MODIFIER = /,\s*(?:mild|moderate|severe|chronic|acute|stable|controlled|uncontrolled|left|right|bilateral)\s*(?=,)/gi;

/** Assertions a verdict labelling its line may carry. */
const LABEL_VERDICTS: ReadonlySet<Assertion> = new Set(['negated', 'hypothetical']);

/** Whether a position sits in a short label opening its line, before any colon: "Chronic, stable (". */
function inLineLabel(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return /^[ \t\d.)*•-]*[A-Za-z][A-Za-z ,/&-]{0,40}\(\s*$/.test(text.slice(lineStart, at));
}

/** Whether at most two words stand between the line's start and a position: "Strict return (precautions)", "Chronic, (not active)". */
function shortLineLead(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return /^[ \t\d.)*•-]*([A-Za-z]+,?\s+){1,2}$/.test(text.slice(lineStart, at));
}

/** Whether a sentence opens with "return precautions" just before a position: "Avoid NSAIDs. Strict return (precautions) - pain, bleeding". */
function opensWithReturnPrecautions(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return /(?:^[ \t\d.)*•-]*|[.!?]\s+)(?:strict\s+)?(?:ed\s+|er\s+)?return\s+$/i.test(text.slice(lineStart, at));
}

/** Devices a note says are "in situ" ("ICD in situ", "stent in situ"). */
const DEVICES = new Set(['icd', 'aicd', 'defibrillator', 'pacemaker', 'ppm', 'stent', 'stents', 'des', 'port', 'catheter', 'picc', 'line', 'shunt', 'filter', 'pump', 'implant', 'graft', 'device', 'tube', 'valve', 'lens', 'prosthesis', 'crt', 'crt-d', 'lvad', 'drain']);

/** Whether token `i` opens its line. */
function startsLine(text: string, tokens: readonly Token[], i: number): boolean {
  const before = i === 0 ? text.slice(Math.max(0, tokens[0]!.start - 40), tokens[0]!.start) : text.slice(tokens[i - 1]!.end, tokens[i]!.start);
  return i === 0 ? /(^|\n)[ \t\d.)*•-]*$/.test(before) : /\n[ \t\d.)*•-]*$/.test(before);
}

/** Verbs of telling or noticing right after a relative: what follows is the patient's. */
const TELLS = new Set(['reports', 'reported', 'states', 'stated', 'says', 'said', 'notes', 'noted', 'noticed', 'notices', 'brought', 'brings', 'concerned', 'worried', 'called', 'calls', 'denies', 'thinks', 'feels', 'asks', 'asked', 'requests', 'describes', 'endorses', 'observed', 'witnessed', 'found']);

/** Words after a relative that make them a teller or a visitor, not whose condition follows: "Mother reports fever". */
const RELATIVE_DOES = new Set(['reports', 'reported', 'states', 'stated', 'says', 'said', 'notes', 'noted', 'noticed', 'brought', 'brings', 'is', 'was', 'are', 'were', 'concerned', 'worried', 'called', 'calls', 'present', 'at', 'accompanies', 'accompanied', 'here', 'gives', 'gave', 'provides', 'provided', 'denies', 'thinks', 'feels', 'wants', 'asks', 'asked', 'helps', 'manages', 'lives', 'in', 'and', 'who', 'also', 'requests', 'requested', 'agrees', 'declined', 'prefers']);

/**
 * A relative opening a statement that names only their condition, family-history style: "Father CAD.",
 * "Mother: breast cancer at 52", "Sister - type 1 diabetes". Not a relative who tells or does something.
 */
function relativeListsCondition(text: string, tokens: readonly Token[], lower: readonly string[], i: number, length: number): boolean {
  const before = i === 0 ? '\n' : text.slice(tokens[i - 1]!.end, tokens[i]!.start);
  if (!startsLine(text, tokens, i) && !/[.;]\s*$/.test(before)) return false;
  const last = i + length - 1;
  if (/^\s*[:–—-]/.test(text.slice(tokens[last]!.end, tokens[last + 1]?.start ?? text.length))) return true;
  const words: string[] = [];
  for (let k = last + 1; k < tokens.length && words.length <= 5; k++) {
    words.push(lower[k]!);
    if (/[.;\n]/.test(text.slice(tokens[k]!.end, tokens[k + 1]?.start ?? text.length))) return words.length <= 5 && !words.some((w) => RELATIVE_DOES.has(w));
  }
  return false;
}

/** Whether the words before a backward trigger are a list: two commas, or a comma and an "and"/"or". */
function isList(text: string, tokens: readonly Token[], from: number, to: number): boolean {
  // A modifier set off by commas is no item: "COPD, severe, recent exacerbation now resolved".
  const span = text.slice(tokens[from]!.start, tokens[to]!.start).replace(COMMA_MODIFIER, '');
  const commas = span.split(',').length - 1;
  return commas >= 2 || (commas === 1 && /\b(and|or|nor)\b/i.test(span.slice(span.indexOf(','))));
}

export function assertTokens(text: string, tokens: readonly Token[]): AssertionMap {
  // A possessive is its word: "father's" is "father".
  const lower = tokens.map((tk) => tk.raw.toLowerCase().replace(/['’]s$/, ''));
  const out: TokenAssertion[] = tokens.map(() => ({ assertion: 'present', trigger: -1 }));
  const triggers: Array<[number, number]> = [];
  const isTrigger = new Uint8Array(tokens.length);
  /** Tokens a verdict labelling its line covers: a later trigger on that line does not undo it ("Not active this admission: OA knees, s/p cataract extraction"). */
  const labelled = new Uint8Array(tokens.length);
  const found: Array<{ start: number; end: number; tr: Trigger; label?: true; closing?: true }> = [];
  for (let i = 0; i < tokens.length; i++) {
    let best: Trigger | undefined;
    // A trigger that closes its clause ("pneumonia - ruled out.") looks back; otherwise ahead ("ruled out MI").
    // So does one followed by how it was shown ("pancreatitis ruled out with normal lipase", "… by CT", "… clinically").
    const closes = (tr: Trigger): boolean => {
      if (i + tr.words.length >= tokens.length) return true;
      const after = text.slice(tokens[i + tr.words.length - 1]!.end, tokens[i + tr.words.length]!.start);
      // A precaution labelling what follows opens it: "Return precautions: fever, spreading redness".
      if (tr.assertion === 'hypothetical' && /^\s*:/.test(after)) return false;
      // A relative's clause says what they had: "his father, who died of a ruptured aneurysm".
      if (tr.assertion === 'family' && lower[i + tr.words.length] === 'who') return false;
      return (
        breaksScope(text, tokens[i + tr.words.length - 1]!, tokens[i + tr.words.length]!) ||
        // A comma or an opening parenthesis closes it too: "Pneumonia - ruled out, chest x-ray clear",
        // "Preeclampsia ruled out (UPC 0.12)".
        /[,([]/.test(after) ||
        SHOWN_BY.has(lower[i + tr.words.length]!) ||
        // Or by a "but" that turns to something else: "SIADH possible but cannot assess while on thiazide".
        lower[i + tr.words.length] === 'but' ||
        // Or by when: "smoker, quit 2010", "quit in 2015", "quit 10 years ago".
        WHEN_AFTER.test(lower.slice(i + tr.words.length, i + tr.words.length + 3).join(' '))
      );
    };
    for (const tr of BY_FIRST.get(lower[i]!) ?? []) {
      if (!tr.words.every((w, k) => lower[i + k] === w)) continue;
      const better = !best || tr.words.length > best.words.length || (tr.words.length === best.words.length && tr.direction === 'backward' && closes(tr));
      if (better) best = tr;
    }
    if (!best) continue;
    if (best.toldAfter && !TOLD_AFTER.test(text.slice(tokens[i + best.words.length - 1]!.end))) continue;
    // "In the past year" counts what happened over a span ("2 exacerbations in the past year"); it does
    // not put the condition in the past as "treated in the past" does.
    if (best.words.join(' ') === 'in the past' && SPAN_WORDS.has(lower[i + 3] ?? '')) continue;
    if (best.words.length === 1 && PAST_WORDS.has(best.words[0]!) && NOT_PAST_AFTER.has(lower[i + 1] ?? '')) continue;
    // A quit still to come is no past habit: "ready to quit", "wants to quit", "advised to quit", "plans to quit".
    if (best.words.length === 1 && best.words[0] === 'quit' && lower[i - 1] === 'to') continue;
    // A test that found what it looked for ("COVID PCR positive") says the disease is there; a check-up checks no disease.
    if (best.test && FOUND.has(lower[i + 1] ?? '')) continue;
    // Nor one said found before it: "positive serology for EBV", "positive culture for MRSA".
    if (best.assertion === 'hypothetical' && best.direction === 'forward' && FOUND.has(lower[i - 1] ?? '') && /^(serolog|culture|pcr|test)/.test(best.words[0]!)) continue;
    if (best.words[0] === 'check' && lower[i + 1] === 'up') continue;
    if (best.words[0] === 'in' && best.words[1] === 'situ' && !DEVICES.has(lower[i - 1] ?? '')) continue;
    // Family words only count when they say what the relative had ("mother had breast cancer", "given
    // father's colon cancer").
    let habit = false;
    if ((best.assertion === 'family' && best.direction === 'forward' && best.words[0] !== 'family' && best.words[0] !== 'fh' && best.words[0] !== 'fhx') || OTHER_PEOPLE.includes(best.words.join(' '))) {
      const next = lower.slice(i + 1, i + 4);
      const possessive = /['’]s$/.test(tokens[i + best.words.length - 1]!.raw);
      // A relative's habit is the patient's exposure, not the patient's own nor a family history:
      // "Father smokes outside the home" (Z77.22 where said), no F17.
      habit = !possessive && HABITS.has(next[0] ?? '');
      // A relative who tells is no relative's history: "Mother says he has had a cough".
      if (!possessive && TELLS.has(next[0] ?? '')) continue;
      // "Relative" has other senses ("relative hypotension", "relative contraindication"): a relative says what they had right after.
      if (best.words[0]!.startsWith('relative') && !SAYS_WHAT_THEY_HAD.includes(next[0] ?? '')) continue;
      // A plus sign says it as "positive" does: "F partner +chlamydia".
      const plus = i + best.words.length < tokens.length && /^\s*\+\s*$/.test(text.slice(tokens[i + best.words.length - 1]!.end, tokens[i + best.words.length]!.start));
      if (!possessive && !habit && !plus && !next.some((w) => SAYS_WHAT_THEY_HAD.includes(w)) && !relativeListsCondition(text, tokens, lower, i, best.words.length)) continue;
    }
    // A verdict that labels its line ("Ruled out: PE; influenza", "Not addressed today: fibromyalgia,
    // osteopenia") speaks of the whole line after it, over its semicolons and commas.
    const afterTrigger = i + best.words.length < tokens.length ? text.slice(tokens[i + best.words.length - 1]!.end, tokens[i + best.words.length]!.start) : '';
    // Or a remark in a label's brackets: "Chronic, stable (not addressed): BPH, osteoarthritis".
    // A hypothetical label may have a word or two before it: "Return precautions: fever, persistent vomiting",
    // "Strict return precautions - abdominal pain, bleeding".
    const opens = startsLine(text, tokens, i) || (best.assertion === 'hypothetical' && ((/^\s*:/.test(afterTrigger) && shortLineLead(text, tokens[i]!.start)) || (/^\s*(?::|[-–—]\s)/.test(afterTrigger) && opensWithReturnPrecautions(text, tokens[i]!.start))));
    const label = !habit && LABEL_VERDICTS.has(best.assertion) && ((opens && /^\s*(?::|[-–—]\s)/.test(afterTrigger)) || (/^\s*\)\s*:/.test(afterTrigger) && inLineLabel(text, tokens[i]!.start)));
    if (habit) found.push({ start: i, end: i + best.words.length, tr: { ...best, assertion: 'hypothetical' } });
    else if (label) found.push({ start: i, end: i + best.words.length, tr: { ...best, direction: 'forward' }, label: true });
    else found.push({ start: i, end: i + best.words.length, tr: best, ...(best.direction === 'backward' && closes(best) ? { closing: true as const } : {}) });
    for (let k = i; k < i + best.words.length; k++) isTrigger[k] = 1;
    i += best.words.length - 1;
  }
  // A negation reaching over a later trigger negates what that trigger covers: "denies any history
  // of diabetes", "no family history of colon cancer" (the id of the negation, so a concept that
  // contains the later trigger, Z80.0, is negated too).
  const negatedBy = new Map<number, number>();
  const startsAt = new Map(found.map((f) => [f.start, f]));
  for (const f of found) {
    const id = triggers.length;
    triggers.push([f.start, f.end]);
    const by = negatedBy.get(f.start);
    // A rule-out the note says it finished has found nothing: "Rule-out endocarditis complete".
    const ruledOutDone = by === undefined && RULE_OUT.has(f.tr.words.join(' ')) && RULE_OUT_DONE.test(text.slice(tokens[f.end - 1]!.end, lineEndAt(text, tokens[f.end - 1]!.end)));
    const as: TokenAssertion = by !== undefined ? { assertion: 'negated', trigger: by } : { assertion: ruledOutDone ? 'negated' : f.tr.assertion, trigger: id };
    if (by !== undefined) for (let k = f.start; k < f.end; k++) out[k] = as;
    if (f.tr.direction === 'forward' || f.tr.both) {
      // A denied list runs on to its last item: "No new breast lumps, bone pain, cough, headaches,
      // abdominal pain, change in bowel habits or rectal bleeding."
      const deniesList = as.assertion === 'negated' && LIST_OPENERS.has(f.tr.words[0]!) && f.end < tokens.length - 1 && isList(text, tokens, f.end, Math.min(tokens.length - 1, f.end + FORWARD_REACH));
      // So do a differential's and a return precaution's: "Return for drooling, trouble breathing, inability to swallow fluids, muffled voice, or rash".
      const listOpener = (as.assertion === 'uncertain' && DIFFERENTIAL_OPENERS.includes(f.tr.words.join(' '))) || (as.assertion === 'hypothetical' && PRECAUTION_OPENERS.has(f.tr.words[0]!));
      const weighsList = listOpener && f.end < tokens.length - 1 && isList(text, tokens, f.end, Math.min(tokens.length - 1, f.end + FORWARD_REACH));
      const reach = REPEATS.includes(f.tr.words[0]!) ? REPEAT_REACH : f.tr.words.includes('if') ? CONDITIONAL_REACH : deniesList || weighsList || f.label ? LIST_REACH : FORWARD_REACH;
      for (let k = f.end; k < tokens.length && k < f.end + reach; k++) {
        // A relative named in a family history, then a dash, names what they had: "FHx: father - lung CA".
        const relativesDash = as.assertion === 'family' && BLOOD_RELATIVES.includes(lower[k - 1]!) && /^\s*[-–—]\s/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start));
        if (k > f.end && !relativesDash && (f.label ? text.slice(tokens[k - 1]!.end, tokens[k]!.start).includes('\n') : breaksScope(text, tokens[k - 1]!, tokens[k]!))) break;
        // A parenthesis closing after the trigger closes its scope: "prostate cancer (no recurrence), former smoker".
        if (k > f.end && text.slice(tokens[k - 1]!.end, tokens[k]!.start).includes(')') && !text.slice(tokens[f.end - 1]!.end, tokens[k - 1]!.end).includes('(')) break;
        // A colon right after the trigger introduces what it covers: "Denies: fever, chills". So does a
        // relative's clause: "his father, who died at 74 of a ruptured abdominal aortic aneurysm".
        // A label's dash does too, and a relative's: "Strict return precautions - abdominal pain, bleeding", "father - lung CA".
        if (k === f.end && k > 0 && breaksScope(text, tokens[k - 1]!, tokens[k]!) && !/^\s*\)?\s*:/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start)) && !((f.label || as.assertion === 'family') && /^\s*[-–—]\s/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start))) && !(as.assertion === 'family' && lower[k] === 'who')) break;
        if (TERMINATORS.has(lower[k]!) && !(k === f.end && lower[k] === 'who' && as.assertion === 'family')) break;
        if (as.assertion === 'historical' && HISTORY_TERMINATORS.has(lower[k]!)) break;
        // Advice's reason is a fact: "Avoid beta-lactams given PCN allergy hx".
        if (as.assertion === 'hypothetical' && f.tr.words[0] === 'avoid' && ADVICE_REASONS.has(lower[k]!)) break;
        if (REPEATS.includes(f.tr.words[0]!) && REPEAT_ENDS.has(lower[k]!)) break;
        if (as.assertion === 'negated') {
          if (NEGATION_TERMINATORS.has(lower[k]!)) break;
          // "Laceration without foreign body of left hand": the wound's site is there.
          if (lower[k] === 'of' && lower[k - 1] === 'body' && lower[k - 2] === 'foreign') break;
          // "Without arthritis activity, with anemia": a "with" after a comma turns to what is present.
          if (lower[k] === 'with' && k > f.end && text.slice(tokens[k - 1]!.end, tokens[k]!.start).includes(',')) break;
          // Nor over a qualifier of the condition after a comma: "migraine without aura, intractable".
          // Only a qualifier standing alone: a denied list's items may be qualified ("No fever, chills, chronic cough").
          if (QUALIFIERS.has(lower[k]!) && text.slice(tokens[k - 1]!.end, tokens[k]!.start).includes(',') && (tokens[k + 1] === undefined || /[,;(.\-–]/.test(text.slice(tokens[k]!.end, tokens[k + 1]!.start)))) break;
          // Nor over a history after a comma: "CAD without angina, hx of MI" (the MI is the patient's old one).
          if (isTrigger[k] && startsAt.get(k)?.tr.assertion === 'historical' && text.slice(tokens[f.end - 1]!.end, tokens[k]!.start).includes(',')) break;
        }
        if (!isTrigger[k] && !labelled[k]) {
          out[k] = as;
          if (f.label) labelled[k] = 1;
        } else if (as.assertion === 'negated' && k - f.end <= NEGATION_CHAIN_REACH && startsAt.get(k)?.tr.direction === 'forward' && !negatedBy.has(k)) negatedBy.set(k, as.trigger);
      }
    }
    if (f.tr.direction === 'backward' || f.tr.both) {
      // "HTN, OSA - resolved, no tx": a "resolved" after a dash closes the whole item before it.
      const resolvesItem = f.start > 0 && RESOLVED_VERDICTS.includes(f.tr.words.join(' ')) && /\s[-–—]\s*$/.test(text.slice(tokens[f.start - 1]!.end, tokens[f.start]!.start));
      const list = resolvesItem || isList(text, tokens, Math.max(0, f.start - BACKWARD_REACH), f.start);
      // "Chest pain workup negative": the search for a cause found none; the chest pain stands.
      // A test's name tests the name just before it ("hepatitis C antibody"), not what a sentence says of it.
      // A "resolved" closing its clause speaks of the whole clause, however long its condition's name:
      // "Septic shock due to pneumococcal pneumonia 2 months ago, resolved."
      const wholeClause = f.closing && !list && RESOLVED_VERDICTS.includes(f.tr.words.join(' '));
      // A plural test after a list tests every item: "HIV, HBV serologies today" orders an HIV test, not a diagnosis.
      const testedFrom = f.tr.test ? testedListStart(text, tokens, lower, f.start) : f.start;
      for (let k = testedFrom; k < f.start; k++) if (!isTrigger[k] && out[k]!.assertion === 'present') out[k] = { assertion: f.tr.assertion, trigger: id };
      const reach = WORKUP_WORDS.has(lower[f.start - 1] ?? '') ? (SEARCHED_FOR.test(lower[f.start - 2] ?? '') ? 2 : 1) : f.tr.test ? TEST_TARGET_REACH : f.tr.line || wholeClause ? LIST_REACH : BACKWARD_REACH;
      // "Gastroparesis suspected on admission but ruled out": past the "but", only the doubt is settled.
      let pastBut = false;
      // Past its reach, a verdict still takes the rest of the words it cut into: "Acute kidney injury,
      // prerenal, secondary to dehydration - resolved" resolves the acute kidney injury, not half of it.
      const cutInto = (k: number): boolean =>
        reach === BACKWARD_REACH && k >= f.start - reach - PHRASE_REST && out[k + 1]!.trigger === id && /^[ \t]+$/.test(text.slice(tokens[k]!.end, tokens[k + 1]!.start));
      const managed = f.tr.unlessManaged === true && MANAGED_ON_LINE.test(text.slice(text.lastIndexOf('\n', tokens[f.start]!.start - 1) + 1, tokens[f.start]!.start));
      for (let k = f.start - 1; k >= 0 && !managed && (k >= f.start - reach || cutInto(k)); k--) {
        // A verdict closing its sentence after a colon or semicolon settles what came before it:
        // "Sepsis: ruled out.", "Endocarditis was considered; ruled out."
        const verdictAfter = k + 1 === f.start && f.closing && f.tr.assertion === 'negated' && /^\s*[;:]\s*$/.test(text.slice(tokens[k]!.end, tokens[k + 1]!.start));
        if (f.tr.line) {
          if (text.slice(tokens[k]!.end, tokens[k + 1]!.start).includes('\n')) break;
          if (!isTrigger[k] && out[k]!.assertion === 'present') out[k] = { assertion: f.tr.assertion, trigger: id };
          continue;
        }
        if (!verdictAfter && breaksScope(text, tokens[k]!, tokens[k + 1]!, 'backward')) break;
        if (k === f.start - 1 && lower[k] === 'but' && f.tr.assertion === 'negated') {
          // "Pneumonia suspected but ruled out": the doubt said just before the "but" is the one settled.
          pastBut = !DOUBTED.has(lower[k - 1] ?? '');
          continue;
        }
        const between = text.slice(tokens[k]!.end, tokens[k + 1]!.start);
        if ((f.tr.clause || TEST_WORDS.has(lower[f.start - 1] ?? '')) && between.includes(',')) break;
        if (f.tr.compound && /\s[-–—]\s|[:;]/.test(between)) break;
        // "Chest pain - ACS ruled out", "Abdominal pain, appendicitis ruled out": the verdict is on what
        // follows the comma or dash. Right after one ("Pneumonia - ruled out"), or across a list ("MI,
        // PE and dissection ruled out"), it speaks of what came before.
        if ((between.includes(',') || /\s[-–—]\s/.test(between)) && k + 1 !== f.start && !list) break;
        if (TERMINATORS.has(lower[k]!)) break;
        // A test's target is written right before its name, with no punctuation between ("C. diff" aside),
        // or several joined by slashes ("HIV/HCV screen").
        if (f.tr.test && (TEST_TARGET_STOPS.has(lower[k]!) || /[^\s./]/.test(between))) break;
        // A doubt settled: "possible aspiration pneumonia - ruled out by CXR" is no diagnosis, even at discharge.
        // So is one only weighed: "Possible acute prostatitis was considered - prostate nontender" (not "probable", coded at discharge).
        const settles = (f.tr.assertion === 'negated' || WEIGHED.includes(f.tr.words.join(' '))) && out[k]!.assertion === 'uncertain';
        if (!isTrigger[k] && ((out[k]!.assertion === 'present' && !pastBut) || settles)) out[k] = { assertion: f.tr.assertion, trigger: id };
      }
      // A doubt a negative test settles: "Possible PE - CTA negative", "Suspected DVT; duplex negative".
      if (f.tr.assertion === 'negated' && !f.tr.clause && TEST_WORDS.has(lower[f.start - 1] ?? '')) settleDoubt(text, tokens, out, isTrigger, f.start - 1, id);
    }
  }
  markLabelAnswers(text, tokens, lower, out, triggers);
  markQueried(text, tokens, out, triggers);
  return { tokens: out, triggers };
}

/** A doubt said right before "but ruled out". */
const DOUBTED = new Set(['suspected', 'possible', 'considered', 'questioned', 'entertained', 'likely', 'probable']);

/** How far back before a negative test its doubt may stand. */
const SETTLE_REACH = 8;

/**
 * Negates the doubt nearest before a test found negative, within its line and sentence: the run of
 * uncertain words closest to the test ("possible pneumonia vs UTI - UA negative" settles the UTI).
 * What the note states as present stays ("chest pain - troponin negative").
 */
function settleDoubt(text: string, tokens: readonly Token[], out: TokenAssertion[], isTrigger: Uint8Array, test: number, id: number): void {
  let seen = false;
  for (let k = test - 1; k >= 0 && k >= test - SETTLE_REACH; k--) {
    if (/\n|\.\s/.test(text.slice(tokens[k]!.end, tokens[k + 1]!.start))) break;
    const doubt = !isTrigger[k] && out[k]!.assertion === 'uncertain';
    if (doubt) {
      out[k] = { assertion: 'negated', trigger: id };
      seen = true;
    } else if (seen) break;
  }
}

/** Answers a template gives a label after its colon that say the condition is not there. */
const NO_ANSWER = new Set(['none', 'no', 'denied', 'denies', 'negative', 'neg', 'absent', 'nil', 'never']);
/** Answers of several words: "#Urinary retention - not an issue". */
const NO_ANSWER_PHRASES: ReadonlyArray<readonly string[]> = [['not', 'an', 'issue'], ['not', 'a', 'problem'], ['not', 'a', 'concern'], ['not', 'present']];

/** How many words of a no-answer start at token i (0 when none does). */
function noAnswerAt(lower: readonly string[], i: number): number {
  if (NO_ANSWER.has(lower[i]!)) return 1;
  return NO_ANSWER_PHRASES.find((p) => p.every((w, k) => lower[i + k] === w))?.length ?? 0;
}

/**
 * "Chest pain: none.", "Preeclampsia: none", "Suicidal ideation: denied", "#Post-op delirium - none;":
 * a template's label answered alone with a no, after a colon or a spaced dash, is negated, up to the
 * start of its line or clause (or of the list it names).
 */
function markLabelAnswers(text: string, tokens: readonly Token[], lower: readonly string[], out: TokenAssertion[], triggers: Array<[number, number]>): void {
  for (let i = 1; i < tokens.length; i++) {
    weighedLabel(text, tokens, lower, out, triggers, i);
    const n = noAnswerAt(lower, i);
    if (n === 0 || !/^\s*:\s*$|^\s+[-–—]\s+$/.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start))) continue;
    // Alone: the answer ends its clause.
    const last = i + n - 1;
    if (last + 1 < tokens.length && !/[,.;\n]/.test(text.slice(tokens[last]!.end, tokens[last + 1]!.start))) continue;
    const id = triggers.length;
    triggers.push([i, i + n]);
    // "Hepatitis B, C and HIV: negative" answers for the whole list.
    const list = isList(text, tokens, Math.max(0, i - 1 - BACKWARD_REACH), i - 1);
    for (let k = i - 1; k >= 0 && k >= i - BACKWARD_REACH; k--) {
      const between = text.slice(tokens[k]!.end, tokens[k + 1]!.start);
      if (k < i - 1 && (/[.;:()]|\n/.test(between) || (between.includes(',') && !list))) break;
      if (out[k]!.assertion === 'present') out[k] = { assertion: 'negated', trigger: id };
    }
  }
}

/** Words opening a label's body that weigh the label's condition: "Wernicke encephalopathy: Considered on admission, …". */
const LABEL_WEIGHED: ReadonlyMap<string, Assertion> = new Map([['considered', 'hypothetical'], ['excluded', 'negated']]);

/** A label opening its line, answered by a word that weighs it: the label's words take that word's assertion. */
function weighedLabel(text: string, tokens: readonly Token[], lower: readonly string[], out: TokenAssertion[], triggers: Array<[number, number]>, i: number): void {
  const assertion = LABEL_WEIGHED.get(lower[i]!);
  if (!assertion || !/^\s*:\s*$/.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start))) return;
  const lineStart = text.lastIndexOf('\n', tokens[i - 1]!.start - 1) + 1;
  if (!/^[\s\d.)#*•-]*[A-Za-z][^:;.\n]{0,60}$/.test(text.slice(lineStart, tokens[i - 1]!.end))) return;
  const id = triggers.length;
  triggers.push([i, i + 1]);
  for (let k = i - 1; k >= 0 && tokens[k]!.start >= lineStart; k--) if (out[k]!.assertion === 'present') out[k] = { assertion, trigger: id };
}

/** How many words a question mark makes uncertain, within their clause. */
const QUERY_REACH = 6;

/**
 * A question mark queries the words it stands against: "?gout", "? subclinical hypothyroidism" ahead
 * of it, "Gout?" before it, up to a comma, dash or the clause's start. Its trigger has no words of
 * its own, so no concept contains it.
 */
function markQueried(text: string, tokens: readonly Token[], out: TokenAssertion[], triggers: Array<[number, number]>): void {
  if (!text.includes('?')) return;
  const gap = (a: number, b: number): string => text.slice(tokens[a]!.end, tokens[b]!.start);
  const ends = (between: string): boolean => /[,;:()\n]|\s[-–—]\s/.test(between);
  for (let i = 0; i < tokens.length; i++) {
    const before = text.slice(i > 0 ? tokens[i - 1]!.end : Math.max(0, tokens[i]!.start - 2), tokens[i]!.start);
    const ahead = /(^|[\s(:])\?\s?$/.test(before);
    const behind = text[tokens[i]!.end] === '?';
    if (!ahead && !behind) continue;
    const id = triggers.length;
    triggers.push([i, i]);
    // A question the note answers no: "Long-term insulin at home? No", "CKD? No."
    const answeredNo = behind && /^\?\s*(no|none|negative)\b/i.test(text.slice(tokens[i]!.end, tokens[i]!.end + 12));
    const as: TokenAssertion = { assertion: answeredNo ? 'negated' : 'uncertain', trigger: id };
    if (ahead) {
      for (let k = i; k < tokens.length && k < i + QUERY_REACH; k++) {
        if (k > i && ends(gap(k - 1, k))) break;
        if (out[k]!.assertion === 'present') out[k] = as;
      }
    } else {
      for (let k = i; k >= 0 && k > i - QUERY_REACH; k--) {
        if (k < i && ends(gap(k, k + 1))) break;
        if (out[k]!.assertion === 'present') out[k] = as;
      }
    }
  }
}
