// The offline engine: reads the chart with the code set's own Index, applies the coding conventions,
// weighs each candidate with learned priors and hands everything to grounding. Deterministic, no network.
import type Database from 'better-sqlite3';
import type { CodeSetLookup } from '../../../shared/codeset/types';
import { normalizeCode } from '../../../shared/codeset/format';
import { emptyDrops, groundSuggestions, type RawSuggestion } from '../../../shared/suggest/grounding';
import { accessComplications } from './access-complication';
import { withExaminationFindings } from './examination-findings';
import { withTobaccoProduct } from './tobacco-product';
import { withOpenBites } from './open-bite';
import { withMultipleSinuses } from './sinusitis';
import type { Assertion, SuggestInput, SuggestionRun } from '../../../shared/suggest/types';
import { adjustByGroup, priorPhrase, scoreCandidate, type Priors } from '../learn/priors';
import { bearsOn } from './status-bearing';
import { applyRanker, rankContext, rankFeatures, type Features, type RankContext } from '../learn/ranker';
import { BACKGROUND_SECTIONS, sentenceKey, shareSentence, type Candidate, type CandidateMention } from './candidate';
import { additionalCodeRanges, applyCombinations, codedBesideItsCause, inRanges, requiredCodeFirstRanges, titleWordSet } from './combine';
import { BMI_CONDITIONS, measuredBmi } from './bmi';
import { excludes1Names, excludes1Pairs, exclusionWithoutDescribes, injuriesOfOtherDigits, unrelatedConditions } from './excludes';
import { addsUnsaidDetail } from './learned-alternative';
import { bilateralTwin, handedness, lateralCodes, sideOf, titleSide, withBilateralCodes, withHandedness, type Side } from './laterality';
import { CodeTable } from './code-table';
import { buildDictionary, learnedDictionary, subDictionary, type Dictionary } from './dictionary';
import { matchSentence, readSentence, type Mention, type ReadSentence } from './match';
import { statedDependences } from './dependence';
import { displayCode } from '../../../shared/codeset/format';
import { allergyStatus, loadDrugAllergyStatus } from './allergy-status';
import { adverseEffectOf } from './adverse-effect';
import { intentStatement, poisoningCodes, statedPoisonings, type StatedPoisoning } from './poisoning';
import { loadDrugCodes, type DrugCodes } from './drug-names';
import { statedUnderdosings } from './underdosing';
import { receptorStatus } from './receptor-status';
import { ambiguityQuery, type AmbiguityQuery } from './ambiguous';
import { readsApart, severityQuery, type SeverityQuery } from './severity';
import { acuteOpioid, antibioticProphylaxis, asNeededOnly, loadMedications, startedInStay, OPIOID_THERAPY, shortTermOpioidChart, namesNoTherapy, saysNotTaking, saysShortCourse, saysTakingNow, scaledOnly, takenBySomeoneElse, weighedOnly } from './medications';
import { collectMeat, type SentenceSpan } from './meat';
import { treatedInPast } from './treated-infection';
import { RESOLVED_VERDICTS } from './assertion';
import { datedBeforeThisStay, infarctionDatedOld, operatedOnBefore, reasonForPastProcedure, withoutPastEpisodes } from './past-episode';
import { ruledOutLabels } from './settled-item';
import { neoplasmResectedWithoutDisease } from './resected-cancer';
import { chemotherapyKinds } from './chemotherapy-kinds';
import { diabetesDrugCodes, integralTo, isIntegralKind, isSymptom, withInitialStrokeScale, withoutIntegralBleeding, withoutIntegralCounseling, withoutIntegralPain, withoutTravelRisks, withoutUlcerAsWound, withoutOrphanUlcerLink, withoutOutcomeDenied, withoutReadingBesideHypertension, withoutUnsaidCourse, withoutUnspecifiedSibling, withFallHistoryBesideInjury, withoutAgentRestated, withGallbladderAndDuctStones, withAnticoagulantEffect, withLiverDiseaseCodes, withResolvedClot, withFeverOfCondition, withSpecifiedPneumonia } from './shown-together';
import { dueToCode } from './due-to-condition';
import { episodeOf, withEpisode, type Episode } from './encounter';
import { AFTER_BIRTH, gestationWeeks, hasDelivered, trimesterOf, weeksCode, withChildbirth, withPuerperium, withTrimester, type Gestation } from './pregnancy';
import { inPregnancy } from './pregnancy-routing';
import { deliveryOutcome } from './delivery-outcome';
import { newbornBirth, newbornObservation } from './newborn-birth';
import { withPrematurityDetail } from './prematurity';
import { withoutJointReplacedThisStay } from './joint-aftercare';
import { burnExtent, SITED_BURN } from './burn-extent';
import { chartExternalCauses } from './external-cause';
import { bloodAlcohol } from './blood-alcohol';
import { PRESSURE_CHART, stagedSiteUlcers } from './pressure-ulcer-site';
import { withEyelidsNamed } from './eyelid';
import { contraceptionDone } from './contraception';
import { examinationForAge } from './routine-exam-age';
import { phraseWords, splitSentences, tokenize, type SectionKind, type Token } from './text';
import { classifiedHistoryCode, deepTissue, historyCode, localizedCode, namesNoCondition, namesProcedureAfter, remissionNamed, sentenceContext, severityNamed, stageNamed, useSeverityNamed, vaccinesGiven, wordsNear } from './mention-context';

/** What the engine needs of a code set: lookups plus the read-only database it builds its dictionary from. */
export type EngineCodeSet = CodeSetLookup & { readonly db: Database.Database };

export interface LocalEngine {
  suggest(input: SuggestInput): SuggestionRun;
  /** Every code the chart points at, before priors and the threshold (learning counts these). */
  candidates(input: SuggestInput): Candidate[];
  /** Priors in use; `recordDecision` on it keeps improving them. */
  readonly priors: Priors;
}

interface Resources {
  dict: Dictionary;
  table: CodeTable;
  medications: Map<string, string>;
  /** Allergy status (Z88.-) per drug name, from the Table of Drugs. */
  drugAllergy: Map<string, string>;
  /** Poisoning codes by intent, and underdosing codes, per drug name, from the Table of Drugs. */
  drugCodes: Map<string, DrugCodes>;
}

// Building the dictionary reads the whole Index (seconds); one per open database.
const cache = new WeakMap<Database.Database, Resources>();

export function engineResources(codeSet: EngineCodeSet): Resources {
  let r = cache.get(codeSet.db);
  if (!r) {
    const table = new CodeTable(codeSet.db);
    r = { dict: buildDictionary(codeSet.db, table), table, medications: loadMedications(), drugAllergy: loadDrugAllergyStatus(codeSet.db), drugCodes: loadDrugCodes(codeSet.db) };
    cache.set(codeSet.db, r);
  }
  return r;
}


/** The side's codes of an entry whose part of the body the code set splits only by side; both for "bilateral". */
function sidedCodes(table: CodeTable, e: Mention['entry'], side: Side | undefined): string[] {
  if (!e.sided || !side) return [];
  if (side !== 'bilateral') return [e.sided[side]];
  const both = e.sided.bilateral ?? bilateralTwin(table, e.sided.right);
  return both ? [both] : [e.sided.right, e.sided.left];
}

/** A medication list is current therapy, so it is this visit's evidence for a Z79 code. */
function isForeground(c: Candidate, m: CandidateMention): boolean {
  return !BACKGROUND_SECTIONS.has(m.section) || c.via === 'family' || c.via === 'history' || (c.via === 'medication' && m.section === 'meds') || (m.section === 'social' && TOBACCO_NOW.test(c.code));
}
/** A patient's smoking, now or given up, which the social history states for the visit as much as the assessment does ("Smokes 1/2 ppd", "quit cigs 6 yrs ago"). */
const TOBACCO_NOW = /^(F172|Z720|Z87891)/;
/** Candidates with a mention outside the background sections: what this visit is about. */
function thisVisit(cands: ReadonlyMap<string, Candidate>): Candidate[] {
  return [...cands.values()].filter((c) => c.mentions.some((m) => isForeground(c, m)));
}
/** Cues saying a condition ended, not that it never was. */
const RESOLVED_CUES: ReadonlySet<string> = new Set([...RESOLVED_VERDICTS, 'resolution of']);
/** History cues that do not say a condition ended ("history of hypertension" usually still has it). */
const ONGOING_HISTORY: ReadonlySet<string> = new Set(['history of', 'hx of', 'hx', 'h o', 'past history of', 'previous history of']);
/** Episodes, not conditions: a "history of status epilepticus" or of an exacerbation is over, whatever goes on. */
const EPISODE_WORDS = ['epilepticus', 'exacerbation'];
/**
 * Words that put a condition named in the same sentence in the past, with what it left behind; an age
 * ("a 51-year-old woman admitted for stroke") is not an old stroke, nor is an acute one a deficit
 * follows ("hemiparesis following acute ischemic stroke" is this stroke's, G81 with I63).
 */
const STROKE = String.raw`(?:cerebral infarct(?:ion)?|stroke|cva|(?:intracerebral|subarachnoid|intracranial|brain|intraparenchymal) (?:hemorrhage|bleed)|ich|sah)`;
const PAST_CUE = new RegExp(String.raw`\b((?<!\b(?:year|month|week|day)s?[-\s])old|prior|previous|remote|history of|h\/o|late effects?|sequelae?|residual|post[-\s]?stroke|(?:following|after|s\/p|status post) (?:(?:a|an|the|his|her|their) )?(?:(?!acute\b|new\b|recent\b)[\w-]+ ){0,3}?${STROKE}|${STROKE},? (?:\(?(?:in )?(?:\d{1,2}\/)?(?:19|20)\d\d\)?|(?:\d+|a|one|two|three|several) (?:years?|months?) ago|last (?:year|month))|(?:19|20)\d\d (?:(?:ischemic|hemorrhagic|embolic|lacunar|left|right|mca|pca)\s+){0,2}${STROKE})\b`, 'i');
/** A stroke the sentence calls acute: what it left ("acute ischemic stroke with residual hemiparesis") is this stroke's. */
const ACUTE_STROKE = /\b(acute|new|evolving)\b(?:\s+[\w-]+){0,3}?\s+(stroke|cva|(cerebral )?infarct(ion)?)\b/i;

/** A past stroke's sentence that says it left deficits ("rehab for deficits following L MCA stroke"), not "no residual deficits". */
const NAMES_DEFICITS = /(?<!\b(?:no|without|denies)\s(?:\w+\s){0,2})\bdeficits\b/i;

/** Words that say a condition was repaired or corrected. */
const REPAIRED_NEAR = /\b(?:repair(?:ed)?|corrected|correction|closure|closed surgically|device closure|ligat(?:ed|ion))\b/i;
/** A search after a condition's name: "sepsis evaluation", "PE workup", "sepsis w/u". */
const SEARCH_AFTER = /^\s*(?:work-?up|w\/u|evaluation|eval)\b/i;
/** A note titled as an emergency or urgent-care visit: "ED PROVIDER NOTE", "EMERGENCY DEPARTMENT RECORD". */
const EMERGENCY_TITLE = /^\s*(?:[A-Z]+[ /-]+){0,2}(?:ED|ER|EMERGENCY|URGENT CARE)\b/;
/** A condition this visit treated until it went: "hypothermia - resolved with rewarming". */
const TREATED_AWAY = /\bresolved (?:with|after|following)\b/i;
/** On a baby's chart "maternal fever", "maternal GBS colonization" are the mother's (on hers, her own). */
const MOTHERS_BEFORE = /\b(?:maternal|mother's|mom's)\s+(?:[\w-]+\s+)?$/i;
/** A chart about a newborn. */
const NEWBORN = /\b(?:newborn|neonat\w*)\b/i;
/** How sure a code is that a guideline rule gives from the chart's words, with no reading of its own to score. */
const RULE_CONFIDENCE = 0.8;

/** Last words too general to say which condition was ruled out ("heart disease ruled out"). */
const GENERIC_HEADS: ReadonlySet<string> = new Set(['disease', 'disorder', 'syndrome', 'condition', 'infection', 'injury', 'lesion', 'abnormality', 'process']);

/** The last word of a phrase, lower-cased. */
function headWord(phrase: string): string {
  return /(\w+)\W*$/.exec(phrase)?.[1]?.toLowerCase() ?? '';
}

/**
 * An old infarct named alone in a chart that has told of a past stroke is that stroke: "Oropharyngeal
 * dysphagia d/t old infarct" after "s/p R MCA ischemic stroke 2/2025". Not the heart's.
 */
const OLD_INFARCT = /\b(?:old|prior|previous|remote)\s+(?:[\w-]+\s+){0,2}infarcts?\b(?![^.;\n]{0,30}\b(?:myocardial|heart|cardiac|MI|STEMI|NSTEMI)\b)/i;

/** The sentence speaks of a stroke in the past, not of residual deficits of an acute one it names. */
function saysPastStroke(sentence: string): boolean {
  const cue = PAST_CUE.exec(sentence);
  return cue !== null && !(/^residual$/i.test(cue[0]) && ACUTE_STROKE.test(sentence) && !PAST_CUE.test(sentence.slice(cue.index + cue[0].length)));
}

/** Words right after a past condition that say it was fixed: an operation's name, not an ongoing problem. */
const FIXED_AFTER = /^\s*(repair|repaired|resection|resected|excision|excised|removal|removed|ablation|ablated|correction|corrected|surgery|clipping|coiling|ligation|reconstruction)\b/i;
/** Words after a past condition, in its sentence, that say it ended: "history of migraine, resolved; no treatment", "Hx migraine as teen, none in >5 yrs". */
const RESOLVED_AFTER = /^[^.;\n]{0,40}?\b(resolved|no recurrence|no longer|(fully )?recovered|none (?:in|for|since)|outgrew|as an? (?:child|teen\w*|kid|adolescent)|as (?:child|teen\w*|kid)|in childhood)\b/i;
/**
 * A date right after a past condition that places the episode then: "history of MRSA abscess of right
 * thigh (2020)", "hx of pneumonia 3 years ago". Not the year it was diagnosed or began.
 */
const DATED_EPISODE_AFTER = /^[^.;\n]{0,16}?(?<!(?:diagnosed|dx|since|onset|began|started)\s*(?:in\s*)?)(?:\(?\b(?:19|20)\d\d\b|\b\w+\s+(?:months?|years?|yrs?)\s+ago\b)/i;
/** History cues that state a status after a procedure. */
const STATUS_CUES: ReadonlySet<string> = new Set(['s p', 'status post', 'post', 'history of', 'hx of', 'hx', 'h o', 'in place', 'in situ']);
/** Verdicts that settle a doubt against the diagnosis: "ruled out", "excluded", "not confirmed". */
const SETTLED_AGAINST = /\b(ruled out|excluded|not confirmed|not supported|unsupported|(no|no prior|no known) diagnosis of|(not|never) diagnosed with)$/;
/** Words after a device that say it is there now. */
const IN_PLACE_AFTER = /^\s*(?:is |remains )?(?:in place|in situ)\b/i;
/** A device dated by its placement: "Pacemaker (placed 2021 for sick sinus)", "ICD implanted 3/2019". */
const PLACED_AFTER = /^\s*[(,-]?\s*(?:placed|implanted|inserted)\s+(?:in\s+)?(?:(?:19|20)\d\d|\d{1,2}\/(?:\d{1,2}\/)?\d{2,4})\b/i;
/** Words after a replaced joint or implant that say it works now: "5. L TKA - functioning well". */
const FUNCTIONING_AFTER = /^\s*[-–:,]?\s*(?:is |remains )?(?:functioning|working|performing)\s+well\b|^\s*[-–:,]?\s*well[- ]functioning\b/i;
/** A device the patient uses day to day: a hearing aid or ear implant, an artificial limb, an insulin pump, home oxygen or CPAP. */
const DEVICE_IN_USE = /^(?:Z974|Z962|Z971|Z9641|Z9981|Z9989)/;
/** Words around a device that say it is in use: "Hearing aid user, L", "wears a behind-the-ear hearing aid". */
const USER_AFTER = /^\s*(?:user|wearer)\b/i;
const WORN_BEFORE = /\b(?:wears|wearing|uses|using)\s+(?:an?\s+|her\s+|his\s+|bilateral\s+|both\s+)?(?:[\w-]+\s+){0,3}$/i;
/** The operation an aftercare follows is done: "Aftercare following right TKA" is also the knee's status (Z47.1 asks for Z96.6-). */
const AFTERCARE_OF = /\baftercare\s+(?:following|after|s\/p|status post)\b[^.;]*$/i;
/** Nontraumatic hemorrhage and infarction of the brain (I60–I63). */
const ACUTE_STROKE_CODE = /^I6[0-3]/;
/** What a stroke leaves: aphasia and other speech deficits, dysphagia, facial weakness, neglect, hemi- and monoplegia, a visual field defect. */
const STROKE_DEFICIT_CODE = /^(R47|R131|R29810|R414|G81|G83[1-4]|H534)/;
/** A preprocedural examination (Z01.81-), and the operation's reason said after it. */
const PREPROCEDURAL_EXAM = /^Z0181/;
const SURGERY_FOR = /\b(?:arthroplasty|replacement|surgery|operation|procedure|repair|resection|fixation|fusion|[a-z]+ectomy|[a-z]+otomy|[a-z]+plasty)\b[^.;\n]{0,40}?\bfor\s+(?:(?:his|her|their|the|a|an)\s+)?$/i;
/** The time since an operation, said before it: "now six years after orthotopic liver transplantation", "3 months post CABG". */
const TIME_SINCE = /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|many)\s+(?:years?|yrs?|months?|mos?|weeks?|wks?)\s+(?:after|since|following|post)\b[^.;]{0,40}$/i;
/** Words before a symptom that make it a drug's indication ("Motrin for pain/fever", "ibuprofen for pain and fever"). */
const INDICATION = /\bfor\s+(?:any\s+)?(?:[a-z]+(?:\s*\/\s*|\s+(?:or|and)\s+|\s+))?$/i;
/** Mentions from the assessment are what the provider concluded: a coder trusts them more. */
const ASSESSMENT_LIFT = 0.5;
const MEDICATION_LIST_FLOOR = 0.7;
const ASSESSED_STATUS_FLOOR = 0.7;
const CONVENTION_FLOOR = 0.7;
/** Tobacco use, which a nicotine dependence (F17.2-) said anywhere in the chart replaces. */
const TOBACCO_USE = 'Z720';
const SEVERE_SEPSIS = /^R652/;
/**
 * Conditions coded only when confirmed, in any setting: HIV (I.C.1.a.1), Zika (I.C.1.f), COVID-19
 * (I.C.1.g.1.a), influenza due to certain identified viruses (I.C.10.c.1).
 */
const CONFIRMED_ONLY = /^(B20|A925|U071|J09)/;
/**
 * Influenza due to an identified virus is coded only when confirmed (I.C.10.c): a suspected or
 * probable one is influenza with its virus unidentified ("probable influenza A pneumonia" J11.00, not J10.00).
 */
function unconfirmedInfluenza(table: CodeTable, code: string): string {
  const unidentified = code.startsWith('J10') ? `J11${code.slice(3)}` : code;
  return table.byCode.get(unidentified)?.billable ? unidentified : code;
}
/**
 * Codes always reported when documented, which case reports never code: immunization (Z23), or one the
 * patient refused (Z28.21), Rho(D) immune globulin given (Z29.13), DNR (Z66), palliative care given (Z51.5), a contraceptive placed,
 * removed, given or first prescribed (Z30.-).
 */
const DOCUMENTED_STATUS = /^(Z23|Z2821|Z2913|Z66|Z515|Z3043[023]|Z30017|Z30011|Z3046|Z3042)$/;
/**
 * A screening for something named (infections Z11.-, cancers Z12.-, other Z13.-; not the unnamed X.9),
 * read where the note says "screening": a "surveillance" of a known lesion is its follow-up.
 */
const SCREENING = /^Z1[1-3](?!9$)/;
/** The Index's poisoning by an unspecified substance, and a suicide attempt of unknown method (T14.91). */
const UNNAMED_POISON = /^(T659[1-4]|T1491)/;
/** What a drug or chemical did (T36–T65), or the organism that caused a condition (B95–B97): never a diagnosis its symptoms are part of. */
const NAMES_A_CAUSE = /^(T(3[6-9]|[45]\d|6[0-5])|B9[5-7])/;
/** A patient's noncompliance with a medication regimen (Z91.12-–Z91.14-). */
const NONCOMPLIANCE = /^Z911[2-4]/;
/**
 * What a visit is for, named as a line of its own: a routine examination (Z00.0-, Z00.1-; I.C.21.c.13),
 * one of the eyes, ears or a gynecological one (Z01.0-, Z01.1-, Z01.4-), an examination before a
 * procedure (Z01.81-), an administrative one (Z02.-, a sports physical), travel counseling (Z71.84), HIV
 * PrEP (Z29.81), a cardiac device's check or adjustment (Z45.0-), a routine postpartum follow-up (Z39.2), a contraceptive prescribed or checked (Z30.0-,
 * Z30.4-), a session of antineoplastic chemotherapy, immunotherapy or radiotherapy (Z51.0, Z51.11,
 * Z51.12; I.C.2.e.2), or the supervision of a pregnancy (Z34.-, high-risk O09.-; I.C.15.b). Not a
 * follow-up (Z08, Z09): a "follow-up visit" is mostly of a condition still treated. Case reports, which
 * tell a disease's course, never code any of them.
 */
const VISIT_REASON = /^(Z00[01]|Z01[014]|Z0181|Z02|Z2981$|Z34|O09|Z392$|Z30[04]|Z450|Z510$|Z511[12]$|Z7184$)/;
/** Supervision of a normal pregnancy (Z34.-). */
const NORMAL_PREGNANCY = /^Z34/;
/** Psychoactive substance use, unspecified, uncomplicated (F10.90 … F19.90; tobacco is F17.2- dependence). */
const UNCOMPLICATED_USE = /^F1[0-689]90$/;
/**
 * A symptom the note calls a part of a diagnosis: "Nausea, gait instability and confusion are
 * manifestations of the hyponatremia" (I.B.5), "Worry / somatic complaints - likely part of depressive
 * picture" (the link is hedged, the depression is not). Not one of a diagnosis in doubt ("symptoms of possible
 * UTI": outpatient, the symptom is the code). "Due to" only toward a condition named as such ("her exertional
 * dyspnea and presyncope are due to the valve"): "nausea is due to metformin" ties a symptom to a drug's
 * adverse effect, where the symptom is the code.
 */
const MANIFESTATION_OF = /^[^.;]{0,80}?(?:(?:\b(?:is|are|was|were|as)\s+(?:all\s+)?|\s[-–—:]\s*(?:(?:likely|probably|most likely)\s+)?)(?:a\s+|the\s+)?(?:manifestations?|symptoms?|signs?|features?|part)\s+of|\b(?:is|are|was|were)\s+(?:all\s+|both\s+)?(?:due to|secondary to|attributed to|attributable to|caused by)\s+(?:the|her|his|their|this|that|underlying)\b(?!\s+fact\b))\s*(?![^.;]{0,30}\b(?:possible|possibly|probable|likely|suspected|presumed|r\/o|rule out|versus|vs)\b)/i;
/** Words tying a substance use to a condition it bears on. */
const USE_LINKED = /\b(due to|related|associated|induced|causing|caused|contribut\w*|secondary|worsen\w*|exacerbat\w*|complicat\w*|affecting|in setting of)\b/i;
/**
 * Codes that are no condition a drug could cause: injuries and poisonings themselves, external causes,
 * factors. Not the reactions filed among them (angioedema T78.3, allergy T78.4-, a drug's anaphylaxis
 * or adverse effect T88.6/T88.7), which take the drug's adverse-effect code beside them.
 */
const NOT_A_CONDITION = /^(?:S|T(?!78[234]|88[67])|[VWXYZ])/;
/** Conditions whose drug-caused kind is another code than the Index's "drug-induced" line gives: an anaphylactic shock due to a drug properly taken is T88.6 (Index: Shock > anaphylactic > due to drug or medicinal substance > correct substance properly administered). */
const DRUG_CAUSED_KIND: Readonly<Record<string, string>> = { T782XXA: 'T886XXA' };
/** Solid malignancies (C00–C80) and benign neoplasms (D10–D36), whose removal with no disease left makes them history (Z85.-, Z86.01-). */
const REMOVABLE_NEOPLASM = /^(?:C(?:[0-7]\d|80)|D(?:[12]\d|3[0-6]))/;
/** Long term (current) use of antibiotics. */
const LONG_TERM_ANTIBIOTIC = 'Z792';
/** Family and personal history, status, absence and dependence codes (Z80–Z99), HIV-positive status (Z21), the carrier states (Z22; statuses by I.C.21.c.3) and a genetic susceptibility to cancer (Z15.0-). */
const STATUS_CODE = /^(Z[89]\d|Z2[12]|Z150)/;
/** Social determinants of health: education, employment, housing and economic circumstances, social environment, upbringing, family (Z55–Z65). */
const SOCIAL_DETERMINANT = /^Z(5[5-9]|6[0-5])/;
/** Personal history codes (Z85–Z87). */
const PERSONAL_HISTORY = /^Z8[5-7]/;
/** A latent infection or carrier state (Z22.-), which a history of it may replace. */
const LATENT_CARRIER = /^Z22/;
/** A question about the drug just named, answered no. */
const ANSWERED_NO = /^[^.;?\n]{0,30}\?\s*(no|none|negative|denies)\b/i;
/** Chapter 20's supplementary factors (Y90–Y99), and the injuries and poisonings they explain (S00–T88). */
const SUPPLEMENTARY_FACTOR = /^Y9/;
const INJURY_OR_POISONING = /^[ST]/;
/** Injuries whose external causes are coded beside them (not a drug's poisoning or adverse effect, T36–T65, nor a complication of care), at an encounter the 7th character names. */
/** A code shown, with its confidence and the candidate it was read as. */
interface Chosen {
  conf: number;
  cand: Candidate;
}
// An injury, and a fracture of osteoporotic bone from the fall that broke it (M80.0-).
const INJURY_WITH_CAUSE = /^(?:S\d\d|T(?:[0-2]\d|3[0-4]|6[6-9]|7[0-5])|M80)[0-9A-Z]{3}[A-HJKMNP-S]$/;
/** An external cause has only three encounters: an open fracture's initial (B, C) is A, every subsequent one (delayed healing G, nonunion K …) is D. */
const causeEncounter = (injury: string): string => (/[ABC]$/.test(injury) ? 'A' : injury.endsWith('S') ? 'S' : 'D');
/** Gestational diabetes (O24.4-), and the diabetes a bare "DM" reads as (E11.9). */
const GESTATIONAL_DIABETES = /^O244/;
const UNTYPED_DIABETES = 'E119';
/** Carrier of group B streptococcus. */
const GBS_CARRIER = 'Z22330';
/** The hypertensions a pregnancy brings (gestational, preeclampsia, eclampsia, unspecified maternal) and the pre-existing one with preeclampsia. */
const PREGNANCY_HYPERTENSION = /^O1[13-6]/;
const ESSENTIAL_HYPERTENSION = 'I10';
const PUERPERAL_ANEMIA = 'O9081';
/** Words that put a condition in the pregnancy, before the birth. */
const BEFORE_BIRTH = /\b(?:prenatal|antepartum|antenatal|of pregnancy|in pregnancy|during (?:the |her )?pregnancy|(?:diagnosed|found|noted) at \d+\s*(?:weeks?|wks?)|(?:first|second|third|1st|2nd|3rd) trimester)\b/i;
/** Anemias (D50–D64) a delivery stay may find after the birth. */
const ANEMIA = /^D(5\d|6[0-4])/;
/** Codes only a current pregnancy has: its high-risk supervision (O09) and the maternal care of a previous cesarean's scar (O34.2-). */
const CURRENT_PREGNANCY_ONLY = /^O(09|342)/;
/** Words that say she is pregnant now or delivering. */
const PREGNANT_NOW = /\b(pregnan\w*|gestation\w*|trimester|antepartum|prenatal|IUP|EDD|TOLAC|VBAC|in labor|labor and delivery|L&D|intrapartum|induction of labor)\b/i;
/** The status of an artificial opening, a device, an implant or a graft (Z93–Z97). */
const DEVICE_STATUS = /^Z9[3-7]/;
/** Words that put a procedure in the stay the note reports. */
const PLACED_THIS_STAY = /\b(?:this|current|the present) (?:admission|hospitali[sz]ation|stay|encounter)\b|\bduring (?:the|this) (?:stay|admission|hospitali[sz]ation)\b/i;
/** A drug the stay gave and the discharge does not go on with: "no insulin at discharge". */
const NONE_AT_DISCHARGE = /\bno\s+\S+\s+(?:at|on|upon|for)\s+discharge\b/i;
/** A hospital course's discharge medications: "She is discharged on insulin glargine plus metformin." */
const DISCHARGED_ON = /\b(discharged (home )?on|sent home on|discharge (meds|medications) (include|are))\b/i;
const MAX_CHARS = 2_000_000;
const MAX_SENTENCE_TOKENS = 120;
/** Mentions kept per code: enough evidence to judge, bounded work on very long charts. */
const MAX_MENTIONS = 40;

export function candidateClass(c: Candidate): string {
  if (c.via !== 'match') return c.via;
  if (c.mentions.every((m) => m.assertion === 'historical')) return 'historical';
  const best = c.mentions.reduce((a, m) => (m.words.length > a.words.length ? m : a), c.mentions[0]!);
  return `${best.source}:${Math.min(best.words.length, 4)}`;
}

export const MENTION_GROUPS = ['mentions:1', 'mentions:2+'] as const;

/** Whether the note names the condition once or in several sentences. */
export function mentionGroup(c: Candidate): (typeof MENTION_GROUPS)[number] {
  const sentences = new Set(c.mentions.map(sentenceKey));
  return sentences.size > 1 ? 'mentions:2+' : 'mentions:1';
}

/**
 * How sure the engine is that a coder would code this candidate, and as which code. With a learned
 * ranker and the chart's context, the count-based confidence is one of the ranker's features;
 * `features` receives what the ranker read (learning uses it).
 */
export function candidateConfidence(
  priors: Priors,
  c: Candidate,
  seen: ReadonlySet<Candidate> = new Set(),
  ctx?: RankContext,
  features?: (f: Features) => void,
): { code: string; confidence: number } | undefined {
  const foreground = c.mentions.filter((m) => isForeground(c, m));
  if (foreground.length === 0) return undefined;
  const phrases = foreground.map((m) => priorPhrase(m.phrase, m.assertion));
  const cls = candidateClass(c);
  // A combination the guidelines presume is not re-coded by what a corpus's coders used instead
  // (CodiEsp codes I10 where "with" presumes I11.0).
  const scored = scoreCandidate(priors, phrases, c.code, cls, c.via !== 'combination' && !c.parts?.length);
  let confidence = adjustByGroup(priors, scored.confidence, mentionGroup(c), MENTION_GROUPS);
  if (ctx && (priors.ranker || features)) {
    const f = rankFeatures(priors, c, scored.code, confidence, phrases, cls, ctx);
    features?.(f);
    if (priors.ranker) confidence = applyRanker(priors.ranker, f);
  }
  // Coding conventions stand above what any corpus taught: a drug on the medication list is current
  // therapy (Z79, guideline I.C.21.c.3, which case reports without medication lists cannot unlearn),
  // the provider's assessment, and the combinations the guidelines presume.
  // So is one the history of the present illness says the patient is on (read there only so: "T2DM on metformin").
  if (c.via === 'medication' && foreground.some((m) => m.section === 'meds' || m.section === 'subjective')) confidence = Math.max(confidence, MEDICATION_LIST_FLOOR);
  // Severe sepsis, read as such ("severe sepsis", "sepsis with acute organ dysfunction"), is coded
  // after its infection (I.C.1.d.1.a.ii), however seldom case reports coded it.
  if (c.via === 'match' && SEVERE_SEPSIS.test(c.code)) confidence = Math.max(confidence, CONVENTION_FLOOR);
  // A vaccine given at the visit is its immunization encounter (I.C.21.c.2); a do-not-resuscitate
  // order is reported wherever documented, and so is a screening the note gives as the visit's
  // reason or indication, or does at the visit (I.C.21.c.5; read only there). Case reports code none of them. Nor a routine examination, which
  // is this visit's where a line names it alone ("Annual exam.", "1. Well child exam."), not in
  // passing ("annual exams up to date"); so is a chemotherapy session ("Reason for visit: chemotherapy").
  if (c.via === 'match' && DOCUMENTED_STATUS.test(c.code)) confidence = Math.max(confidence, CONVENTION_FLOOR);
  if (c.via === 'match' && SCREENING.test(c.code) && foreground.some((m) => /\bscreen/i.test(m.phrase))) confidence = Math.max(confidence, CONVENTION_FLOOR);
  // A drug the note says was taken wrongly, named: the Table's poisoning code (I.C.19.e.5.b).
  if (c.via === 'match' && c.mentions.some((m) => m.source === 'drug-table')) confidence = Math.max(confidence, CONVENTION_FLOOR);
  if (c.via === 'match' && VISIT_REASON.test(c.code) && foreground.some((m) => m.item)) confidence = Math.max(confidence, CONVENTION_FLOOR);
  // So is a pregnancy the assessment calls normal: its supervision is the visit ("IUP at 9w2d, normal first pregnancy, low risk").
  if (c.via === 'match' && NORMAL_PREGNANCY.test(c.code) && foreground.some((m) => m.section === 'assessment')) confidence = Math.max(confidence, CONVENTION_FLOOR);
  if (foreground.some((m) => m.section === 'assessment')) {
    confidence = 1 - (1 - confidence) * ASSESSMENT_LIFT;
    // A diagnosis the provider lists as an item of the assessment is this visit's diagnosis (IV.C, IV.J),
    // however a corpus of case reports used the words in its narrative. Not the plan's services (Z71.6).
    if (c.via === 'match' && !c.code.startsWith('Z') && foreground.some((m) => m.item && m.section === 'assessment' && m.source !== 'learned')) confidence = Math.max(confidence, CONVENTION_FLOOR);
    // So is a combination the item names whole: "Lumbar disc herniation L4-L5 with left L5 radiculopathy" (M51.16).
    if (c.via === 'combination' && foreground.some((m) => m.item && m.section === 'assessment') && new Set(foreground.map(sentenceKey)).size === 1) confidence = Math.max(confidence, CONVENTION_FLOOR);
    // A status, history or current therapy the provider names in the assessment bears on this visit's
    // care (guideline I.C.21.c.3); corpora of case reports seldom code them, so they cannot teach it.
    // So does a social determinant of health the provider names there (I.C.21.c.17: bereavement, a family's
    // separation, a lack of transportation), which case reports never code.
    if (c.via === 'history' || c.via === 'family' || c.via === 'medication' || STATUS_CODE.test(c.code) || SOCIAL_DETERMINANT.test(c.code)) confidence = Math.max(confidence, ASSESSED_STATUS_FLOOR);
  }
  if (c.parts && c.parts.length > 0) {
    // A combination code is as sure as the least sure condition it combines.
    const within = new Set([...seen, c]);
    const parts = c.parts.map((p) => (within.has(p) ? 0 : (candidateConfidence(priors, p, within, ctx)?.confidence ?? 0)));
    confidence = Math.max(confidence, Math.min(...parts));
  }
  return { code: scored.code, confidence };
}

export function createLocalEngine(codeSet: EngineCodeSet, priors: Priors): LocalEngine {
  const { dict, table, medications, drugAllergy, drugCodes } = engineResources(codeSet);
  const learned = priors.lexicon && Object.keys(priors.lexicon).length > 0 ? learnedDictionary(dict, priors.lexicon) : undefined;
  const statusDict = subDictionary(dict, dict.status);
  const episodic = EPISODE_WORDS.map(dict.normalize);
  const hccCache = new Map<string, boolean>();
  const isHccCode = (code: string): boolean => {
    let r = hccCache.get(code);
    if (r === undefined) hccCache.set(code, (r = codeSet.hccs(code).length > 0));
    return r;
  };
  /** A code the Medicare Code Editor keeps to other ages (Z00.00 adult, Z00.129 pediatric, newborn codes) is not added. */
  const fitsAge = (code: string, age: number | null): boolean => {
    const edit = age === null ? undefined : codeSet.mceAge(code);
    return !edit || age === null || (age >= edit.minAge && age <= edit.maxAge);
  };
  const rangeCache = new Map<string, Array<[string, string]>>();
  const additionalRanges = (code: string): Array<[string, string]> => {
    let r = rangeCache.get(code);
    if (!r) rangeCache.set(code, (r = additionalCodeRanges(codeSet, code)));
    return r;
  };

  function read(input: SuggestInput): { cands: Map<string, Candidate>; negatives: Map<string, Assertion>; sentences: Map<string, SentenceSpan[]>; texts: Map<string, string>; queries: RawSuggestion[]; explained: Set<string>; ruledOut: ReadonlyMap<string, CandidateMention> } {
    const cands = new Map<string, Candidate>();
    const negatives = new Map<string, Assertion>();
    /** Categories the chart rules out ("NSTEMI ruled out"). */
    const ruledOut = new Map<string, CandidateMention>();
    /** The last words of the conditions ruled out ("sepsis" of "neonatal sepsis ruled out"). */
    const ruledOutHeads = new Set<string>();
    const queries: RawSuggestion[] = [];
    const sentences = new Map<string, SentenceSpan[]>();
    const texts = new Map<string, string>();
    const inpatient = input.setting === 'inpatient';
    const infant = input.age === 0;
    const emergencyVisit = !inpatient && input.documents.some((d) => EMERGENCY_TITLE.test(d.text));
    const pressureChart = input.documents.some((d) => PRESSURE_CHART.test(d.text));
    const pastStroke = new Set<string>();
    let strokeDeficits = false;
    const effects: Array<{ code: string; condition: CandidateMention; mention: CandidateMention }> = [];
    const poisoning: Array<{ found: StatedPoisoning; mention: CandidateMention }> = [];
    let meant: CandidateMention | undefined;
    const underdosed = new Set<string>();
    const extents: Array<{ code: string; mention: CandidateMention }> = [];
    /** Solid cancers and benign neoplasms an assessment line says were removed with no disease left. */
    const endedCancers = new Set<string>();
    /** Symptoms the chart calls manifestations of a diagnosis: integral to it wherever else they are said. */
    const explained = new Set<string>();
    // A mention a reader other than the Index found (a dependence, a poisoning, a vaccine list): present, its words as the chart has them.
    const spanMention = (documentId: string, text: string, start: number, end: number, section: SectionKind, sentence: number, source: CandidateMention['source']): CandidateMention => {
      const phrase = text.slice(start, end);
      return { documentId, start, end, phrase, assertion: 'present', section, source, words: phraseWords(phrase, dict.normalize), sentence };
    };
    const add = (code: string, m: CandidateMention, via: Candidate['via']): void => {
      const c = cands.get(code);
      if (c) {
        if (c.mentions.length < MAX_MENTIONS) c.mentions.push(m);
      }
      else cands.set(code, { code, mentions: [m], via });
    };
    for (const doc of input.documents) {
      const text = doc.text.length > MAX_CHARS ? doc.text.slice(0, MAX_CHARS) : doc.text;
      texts.set(doc.id, text);
      sentences.set(
        doc.id,
        splitSentences(text).map((s) => {
          const lead = text.slice(s.start, s.end).search(/\S/);
          return { start: s.start + Math.max(0, lead), end: s.end, section: s.section };
        }),
      );
    }
    // An uncertain diagnosis is coded at discharge (guideline II.H, III.C): where the chart states its
    // diagnoses, only there; "rule out pneumonia: chest x-ray without infiltrate" in the course is work-up.
    const statesDiagnoses = [...sentences.values()].some((list) => list.some((x) => x.section === 'assessment'));
    // Each sentence's words, read once: the short-course pass needs the whole chart's before the main pass.
    const sentenceTokens = new Map<string, Token[][]>();
    for (const [id, spans] of sentences) sentenceTokens.set(id, spans.map((s) => tokenize(texts.get(id)!, s.start, s.end, dict.normalize)));
    // Drugs the chart gives as a short course somewhere, or stops at discharge: no long-term use of them anywhere in it.
    const shortCourses = new Set<string>();
    for (const [id, spans] of sentences) {
      const text = texts.get(id)!;
      spans.forEach((s, si) => {
        const sentenceText = text.slice(s.start, s.end);
        for (const t of sentenceTokens.get(id)![si]!) {
          const name = t.raw.toLowerCase();
          if (medications.has(name) && (saysShortCourse(sentenceText, t.start - s.start, t.end - s.start) || NONE_AT_DISCHARGE.test(sentenceText.slice(Math.max(0, t.start - s.start - 4), t.end - s.start + 16)))) shortCourses.add(name);
        }
      });
    }
    for (const doc of input.documents) {
      const text = texts.get(doc.id)!;
      const spans = sentences.get(doc.id)!;
      const settledLabels = ruledOutLabels(text);
      const statement = meant ? undefined : intentStatement(text);
      const at = statement ? spans.findIndex((s) => s.start <= statement.start && statement.end <= s.end) : -1;
      if (statement && at >= 0 && spans[at]!.section !== 'family') meant = spanMention(doc.id, text, statement.start, statement.end, spans[at]!.section, at, 'drug-table');
      spans.forEach((s, si) => {
        if (s.section === 'allergies') return;
        const tokens = withoutPastEpisodes(text, sentenceTokens.get(doc.id)![si]!);
        if (tokens.length === 0) return;
        const sentenceText = text.slice(s.start, s.end);
        const drugsAt = tokens.filter((t) => medications.has(t.raw.toLowerCase())).map((t) => [t.start - s.start, t.end - s.start] as const);
        for (const tk of tokens) {
          const z = medications.get(tk.raw.toLowerCase());
          if (!z || !table.byCode.get(z)?.billable || shortCourses.has(tk.raw.toLowerCase()) || saysNotTaking(sentenceText, tk.start - s.start, tk.end - s.start, drugsAt) || weighedOnly(sentenceText, tk.start - s.start, tk.end - s.start) || scaledOnly(sentenceText, tk.start - s.start, tk.end - s.start) || namesNoTherapy(text, tk.start, tk.end) || asNeededOnly(z, text, tk.end) || startedInStay(z, inpatient, sentenceText, tk.start - s.start) || acuteOpioid(z, sentenceText, inpatient, s.section === 'meds') || takenBySomeoneElse(sentenceText, tk.start - s.start)) continue;
          if (s.section !== 'meds' && s.section !== 'assessment' && s.section !== 'other' && !DISCHARGED_ON.test(sentenceText) && !(s.section === 'subjective' && saysTakingNow(text.slice(s.start, tk.start)))) continue;
          // "Non-insulin-dependent diabetes" says no insulin; "non adherent with insulin" takes it, if badly.
          if (/\b(no|not|denies|without|never)\b[^.;]{0,20}$|\bnon-?\s*$/i.test(text.slice(s.start, tk.start))) continue;
          // A template's question answered no: "Long-term insulin at home? No - home on metformin only."
          if (ANSWERED_NO.test(text.slice(tk.end, tk.end + 40))) continue;
          add(z, { documentId: doc.id, start: tk.start, end: tk.end, phrase: tk.raw, assertion: 'present', section: s.section, source: 'medication', words: [tk.norm], sentence: si }, 'medication');
        }
        if (s.section !== 'family') {
          for (const d of statedDependences(text, s.start, s.end)) {
            if (!table.byCode.get(d.code)?.billable) continue;
            add(d.code, spanMention(doc.id, text, d.start, d.end, s.section, si, 'history'), 'history');
          }
        }
        // A drug taken wrongly, coded by the Table's poisoning columns.
        const poisoned = s.section !== 'family' && s.section !== 'history' ? statedPoisonings(text, s.start, s.end, drugCodes, inpatient) : [];
        for (const p of poisoned) poisoning.push({ found: p, mention: spanMention(doc.id, text, p.start, p.end, s.section, si, 'drug-table') });
        // A drug taken less than prescribed, with the reason's noncompliance code (not a medication list's statuses).
        for (const u of s.section !== 'family' && s.section !== 'history' && s.section !== 'meds' ? statedUnderdosings(text, s.start, s.end, drugCodes) : []) {
          const mention = spanMention(doc.id, text, u.start, u.end, s.section, si, 'drug-table');
          for (const code of [u.code, u.noncompliance]) {
            if (!table.byCode.get(code)?.billable) continue;
            add(code, mention, 'match');
            underdosed.add(code);
          }
        }
        const given = s.section !== 'family' && s.section !== 'history' ? vaccinesGiven(sentenceText) : undefined;
        if (given && table.byCode.get('Z23')?.billable) {
          add('Z23', spanMention(doc.id, text, s.start + given.start, s.start + given.end, s.section, si, 'index'), 'match');
        }
        // Every contraceptive it reads is a woman's: in a man's chart it is his partner's ("wife has been using an IUD").
        const contraception = s.section !== 'family' && s.section !== 'history' && input.sex !== 'M' ? contraceptionDone(sentenceText) : undefined;
        if (contraception && table.byCode.get(contraception.code)?.billable) {
          add(contraception.code, spanMention(doc.id, text, s.start + contraception.start, s.start + contraception.end, s.section, si, 'index'), 'match');
        }
        // An antibiotic kept up to prevent an infection is long-term antibiotic use (Z79.2): "TMP-SMX DS MWF (PJP ppx)".
        const prophylaxis = s.section !== 'family' && s.section !== 'history' ? antibioticProphylaxis(sentenceText) : undefined;
        if (prophylaxis && table.byCode.get(LONG_TERM_ANTIBIOTIC)?.billable) add(LONG_TERM_ANTIBIOTIC, spanMention(doc.id, text, s.start + prophylaxis.start, s.start + prophylaxis.end, s.section, si, 'medication'), 'medication');
        for (const a of s.section !== 'family' && s.section !== 'history' ? accessComplications(sentenceText) : []) {
          if (table.byCode.get(a.code)?.billable) add(a.code, spanMention(doc.id, text, s.start + a.start, s.start + a.end, s.section, si, 'index'), 'match');
        }
        for (const u of s.section !== 'family' && s.section !== 'history' && pressureChart ? stagedSiteUlcers(sentenceText, table) : []) {
          add(u.code, spanMention(doc.id, text, s.start + u.start, s.start + u.end, s.section, si, 'index'), 'match');
        }
        const extent = s.section !== 'family' && s.section !== 'history' ? burnExtent(sentenceText) : undefined;
        if (extent && table.byCode.get(extent.code)?.billable) extents.push({ code: extent.code, mention: spanMention(doc.id, text, s.start + extent.start, s.start + extent.end, s.section, si, 'index') });
        // A run-on "sentence" (pasted tables, hostile input) is read in bounded windows.
        const mentions: Mention[] = [];
        const sides = new Map<Mention, Side>();
        for (let w = 0; w < tokens.length; w += MAX_SENTENCE_TOKENS) {
          const sentence = { ...s, tokens: tokens.slice(w, w + MAX_SENTENCE_TOKENS) };
          const words = readSentence(text, sentence, dict);
          const base = matchSentence(text, sentence, dict, words);
          const found = [...base];
          // A learned phrasing counts only where it says more than the Index and tables read of its
          // words: "hepatitis C genotype" over "hepatitis C", but not "diabetes mellitus" (a corpus's
          // E11.9) beside "type 1 diabetes" (E10.9).
          if (learned) {
            for (const m of matchSentence(text, sentence, learned, words)) {
              const saysMore = (b: Mention): boolean => m.positions.length > b.positions.length && b.positions.every((p) => m.positions.includes(p));
              if (!base.some((b) => m.positions.some((p) => b.positions.includes(p)) && !saysMore(b))) found.push(m);
            }
          }
          // "s/p CABG", "status post mastectomy": the Index's Status and Presence entries (Z95.1, Z90.1-).
          // A device said to be in place is present whatever cue an earlier condition of the sentence spreads ("prior MI 2018, AICD in place").
          const status = matchSentence(text, sentence, statusDict, words).filter(
            (m) => (m.assertion === 'historical' && ((m.cue && STATUS_CUES.has(m.cue)) || IN_PLACE_AFTER.test(text.slice(m.end, m.end + 20)))) || (m.assertion === 'present' &&
                (AFTERCARE_OF.test(text.slice(s.start, m.start)) ||
                  TIME_SINCE.test(text.slice(s.start, m.start)) ||
                  FUNCTIONING_AFTER.test(text.slice(m.end, m.end + 30)) ||
                  PLACED_AFTER.test(text.slice(m.end, m.end + 30)) ||
                  (DEVICE_IN_USE.test(m.entry.code) && (USER_AFTER.test(text.slice(m.end, m.end + 12)) || WORN_BEFORE.test(text.slice(Math.max(s.start, m.start - 40), m.start)))))),
          );
          const tail = trailingSide(words.tokens);
          for (const m of [...found, ...status]) {
            const side = sideNear(text, words.tokens, m.positions) ?? tail;
            if (side) sides.set(m, side);
          }
          for (const m of status) add(m.entry.code, { ...toMention(doc.id, text, m, s.section, { index: si, start: s.start }, sides.get(m)), source: 'history' }, 'history');
          mentions.push(...found);
        }
        // So is one that reads a sequela of it itself ("dysphagia as late effect of stroke", I69.30).
        if ((saysPastStroke(sentenceText) && mentions.some((x) => /^I6[0-3]/.test(x.entry.code))) || mentions.some((x) => /^I69[0-3]/.test(x.entry.code)) || (pastStroke.size > 0 && OLD_INFARCT.test(sentenceText))) {
          pastStroke.add(sentenceKey({ documentId: doc.id, sentence: si }));
          if (NAMES_DEFICITS.test(sentenceText)) strokeDeficits = true;
        }
        // The cues of a visit's reason may stand in the line's heading: "Reason for visit: Screening colonoscopy."
        const context = sentenceContext(text, text.lastIndexOf('\n', s.start - 1) + 1, s.end);
        let said: Set<string> | undefined;
        for (const mention of mentions) {
          // "Hyperkalemia, resolved" among an inpatient's diagnoses was treated this stay and is coded, and
          // links as any present condition does; in an office note it is a past problem.
          const rest = text.slice(mention.end, s.end);
          const before = text.slice(s.start, mention.start);
          if (mention.assertion === 'present' && isIntegralKind(mention.entry.code) && MANIFESTATION_OF.test(rest)) explained.add(mention.entry.code);
          const resolvedThisStay = mention.cue !== undefined && RESOLVED_CUES.has(mention.cue) && ((inpatient && !datedBeforeThisStay(sentenceText, input.dateOfService)) || (emergencyVisit && TREATED_AWAY.test(rest)));
          const settled = (mention.assertion === 'present' || mention.assertion === 'uncertain') && settledLabels.some((r) => mention.start >= r.start && mention.end <= r.end);
          // A status the note dates by the time since its operation: "now six years after liver transplantation".
          const sinceOperation = STATUS_CODE.test(mention.entry.code) && TIME_SINCE.test(before);
          const a = settled ? 'negated'
            : infant && mention.assertion === 'present' && MOTHERS_BEFORE.test(before) ? 'family'
            : mention.assertion === 'negated' && resolvedThisStay ? 'present'
            : mention.assertion === 'present' && sinceOperation ? 'historical'
            : mention.assertion === 'present' && (treatedInPast(mention.entry.code, rest, inpatient) || infarctionDatedOld(mention.entry.code, rest, input.dateOfService, before) || neoplasmResectedWithoutDisease(mention.entry.code, rest) || reasonForPastProcedure(before, rest, input.dateOfService) || operatedOnBefore(before, rest, BACKGROUND_SECTIONS.has(s.section))) ? 'historical' : mention.assertion;
          const m = toMention(doc.id, text, a === mention.assertion ? mention : { ...mention, assertion: a }, s.section, { index: si, start: s.start }, sides.get(mention));
          if (namesNoCondition(table, mention, context)) continue;
          // So is one the assessment calls history and gone: "History of right frontal meningioma, resected; no recurrence".
          if (s.section === 'assessment' && a === 'historical' && REMOVABLE_NEOPLASM.test(mention.entry.code) && (mention.assertion === 'present' || neoplasmResectedWithoutDisease(mention.entry.code, rest))) endedCancers.add(mention.entry.code);
          // Under a family history heading every condition is a relative's ("FHx: Dad - T2DM, HTN"), however
          // it is asserted: never the patient's, nor part of a combination with the patient's own conditions.
          const familySection = s.section === 'family';
          if (!familySection && (a === 'present' || (a === 'uncertain' && inpatient && !CONFIRMED_ONLY.test(mention.entry.code) && (s.section === 'assessment' || !statesDiagnoses)))) {
            const allergy = a === 'present' ? allergyStatus(dict, drugAllergy, mention, tokens, sentenceText, text.slice(mention.start, mention.end)) : undefined;
            if (allergy) {
              add(allergy.code, { ...m, start: allergy.start, end: allergy.end, phrase: text.slice(allergy.start, allergy.end), source: 'history' }, 'history');
              continue;
            }
            said ??= new Set(tokens.map((t) => t.norm));
            const foreground = a === 'present' && !BACKGROUND_SECTIONS.has(s.section);
            // A condition coded only by its severity, with none said: the provider's question, not a code.
            const bySeverity = severityQuery(dict.severityTerms, mention.entry.code, said);
            // A reading in the sentence's other words that gives the code by itself answers the question:
            // "Opioid use disorder - on methadone maintenance" is F11.20 ("Maintenance > methadone").
            if (bySeverity && !readsApart(bySeverity.term, mention, tokens)) {
              const answered = mentions.some((o) => o !== mention && readsApart(bySeverity.term, o, tokens));
              if (foreground && !answered && !queries.some((x) => x.code === bySeverity.choices[0]!.code)) queries.push(severityRaw(bySeverity, doc.id, text, tokens, m));
              continue;
            }
            if (foreground) {
              const q = ambiguityQuery(dict.ambiguous, table, dict.normalize, mention.entry.code, mention.entry.words, said);
              if (q && !queries.some((x) => x.code === q.choices[0]!.code)) queries.push(ambiguityRaw(q, doc.id, text, s.start, s.end, m));
            }
            const sided = sidedCodes(table, mention.entry, m.side);
            // Several of a sided part ("L rib fx x4") are the "multiple" code, its side read later.
            const multiple = pluralCode(mention, tokens);
            for (const code of multiple ? [multiple] : sided.length > 0 ? sided : [dueToCode(dict.dueToConditions, mention, mentions, text, inpatient) ?? deepTissue(table, mention, tokens) ?? severityNamed(text, table, dict.normalize, mention, tokens) ?? localizedCode(dict, mention, tokens) ?? mention.entry.code]) add(a === 'uncertain' ? unconfirmedInfluenza(table, code) : useSeverityNamed(text, table, remissionNamed(text, table, stageNamed(text, table, dict.normalize, code, mention, tokens), mention), mention), m, 'match');
            const effect = NOT_A_CONDITION.test(mention.entry.code) ? undefined : adverseEffectOf(text, s, m, dict.drugs, inpatient);
            for (const e of effect ? [effect, ...(effect.also ? [effect.also] : [])] : []) {
              if (table.byCode.get(e.code)?.billable) effects.push({ code: e.code, condition: m, mention: { ...m, start: e.start, end: e.end, phrase: text.slice(e.start, e.end), source: 'history' } });
            }
          }
          else if (a === 'family' || (familySection && a !== 'negated')) {
            const z = historyCode(dict.familyHistory, mention, wordsNear(tokens, mention)) ?? classifiedHistoryCode(dict.classifiedHistory.family, mention.entry.code);
            if (z) add(z, { ...m, source: 'history' }, 'family');
            negatives.set(mention.entry.code, 'family');
          } else if (a === 'historical') {
            // Where the Index's words give only an unspecified history (Z85.9), the tabular's "conditions
            // classifiable to" the condition's code says which (basal cell carcinoma, C44, is Z85.828).
            const byIndex = (): string | undefined => historyCode(dict.personalHistory, mention, wordsNear(tokens, mention));
            // A congenital malformation is a history only once repaired ("s/p VSD repair", "AV canal defect repaired at 4 months").
            const repaired = REPAIRED_NEAR.test(sentenceText);
            const bySite = (): string | undefined => classifiedHistoryCode(dict.classifiedHistory.personal, mention.entry.code, repaired);
            const indexed = byIndex();
            // A reading that is itself a status ("s/p kidney transplant" Z94.0) is that status.
            // Not a latent infection the classification keeps a history code for: "Hx LTBI, treated" is Z86.15.
            const status = (sinceOperation || (mention.cue && STATUS_CUES.has(mention.cue) && STATUS_CODE.test(mention.entry.code))) && !(LATENT_CARRIER.test(mention.entry.code) && indexed) && table.byCode.get(mention.entry.code)?.billable ? mention.entry.code : undefined;
            // A reading that is itself a personal history ("quit cigs 6 yrs ago", Z87.891) is that history.
            const ownHistory = PERSONAL_HISTORY.test(mention.entry.code) && table.byCode.get(mention.entry.code)?.billable ? mention.entry.code : undefined;
            const z = status ?? ownHistory ?? (indexed === undefined || /\bunspecified\b/i.test(table.byCode.get(indexed)?.long_desc ?? '') ? (bySite() ?? indexed) : indexed);
            if (z) add(z, { ...m, source: 'history' }, 'history');
            // No personal-history code and a "history of" that does not say it ended ("former", "quit",
            // "s/p" do, or "resolved" after it): the condition may well go on. Read as a past mention; learned priors decide.
            // Not one the same words say was repaired or removed ("history of aortic aneurysm repair"),
            // nor one a personal-history title read around it ("Personal history of colon polyps").
            else if (mention.cue && ONGOING_HISTORY.has(mention.cue) && !episodic.some((w) => mention.entry.words.includes(w)) && !FIXED_AFTER.test(text.slice(m.end, m.end + 30)) && !RESOLVED_AFTER.test(text.slice(m.end, s.end)) && !DATED_EPISODE_AFTER.test(text.slice(m.end, s.end)) && !readAsHistory(mention, mentions)) add(mention.entry.code, m, 'match');
            negatives.set(mention.entry.code, 'historical');
          } else {
            negatives.set(mention.entry.code, a);
            if (a === 'negated' && (settled || (mention.cue && SETTLED_AGAINST.test(mention.cue)))) {
              if (!ruledOut.has(mention.entry.code.slice(0, 3))) ruledOut.set(mention.entry.code.slice(0, 3), m);
              if (!GENERIC_HEADS.has(headWord(m.phrase))) ruledOutHeads.add(headWord(m.phrase));
            }
          }
        }
      });
    }
    // The chart's "suicide attempt" that gave an overdose its intent is evidence for it too.
    const poisonCodes = poisoningCodes(poisoning.map((p) => p.found), meant !== undefined);
    poisoning.forEach((p, i) => {
      const { code, byChart } = poisonCodes[i]!;
      if (!table.byCode.get(code)?.billable) return;
      add(code, p.mention, 'match');
      if (byChart && meant && !cands.get(code)!.mentions.includes(meant)) add(code, meant, 'match');
      cands.get(code)!.rationale ??= `"${p.mention.phrase}" taken wrongly: ${table.byCode.get(code)!.long_desc} (Table of Drugs and Chemicals, guideline I.C.19.e.5.b)`;
    });
    // A doubt the chart settles elsewhere is no diagnosis: "Admitting diagnosis: chest pain, rule out
    // NSTEMI … Discharge diagnoses: NSTEMI ruled out" codes no I21 (uncertain diagnoses are coded at
    // discharge only as still uncertain, II.H).
    // So is the search for it: "1. Sepsis evaluation - … Neonatal sepsis ruled out".
    const soughtOnly = (m: CandidateMention): boolean => m.assertion === 'uncertain' || SEARCH_AFTER.test(texts.get(m.documentId)?.slice(m.end, m.end + 20) ?? '');
    for (const [code, c] of [...cands]) if ((ruledOut.has(code.slice(0, 3)) || c.mentions.every((m) => ruledOutHeads.has(headWord(m.phrase)))) && c.mentions.every(soughtOnly)) cands.delete(code);
    // A cancer the assessment says was removed and is gone ("PTC s/p thyroidectomy/RAI - no evidence of
    // disease") is history however the title or the story name it ("THYROID CANCER SURVEILLANCE VISIT").
    for (const code of endedCancers) if (cands.get(code)?.mentions.every((m) => m.section !== 'assessment' || m.assertion !== 'present')) cands.delete(code);
    // A burn's extent is coded beside a burn of a site, the first the chart states.
    if (extents.length > 0 && [...cands.keys()].some((code) => SITED_BURN.test(code))) add(extents[0]!.code, extents[0]!.mention, 'match');
    if (cands.has(OPIOID_THERAPY) && [...texts.values()].some(shortTermOpioidChart)) cands.delete(OPIOID_THERAPY);
    // A joint this stay replaces is its procedure, no artificial joint's presence (Z96.6-).
    if (inpatient) withoutJointReplacedThisStay(cands, texts);
    applyCombinations(cands, dict, table, codeSet, { pastStroke, strokeDeficits, texts });
    // The named substance is the poisoning the chart's unnamed "poisoning" and "suicide attempt" were.
    if (poisoning.length > 0) for (const code of [...cands.keys()]) if (UNNAMED_POISON.test(code)) cands.delete(code);
    // The reason an underdosing's sentence gives says which noncompliance it was; the Index's reading of "noncompliance" gives way.
    if (underdosed.size > 0) for (const code of [...cands.keys()]) if (NONCOMPLIANCE.test(code) && !underdosed.has(code)) cands.delete(code);
    // A code read for a condition (an adverse effect, a receptor status) is as sure as that condition.
    const follow = (code: string, m: CandidateMention, of: Candidate, rationale: string): void => {
      const known = cands.get(code);
      add(code, m, 'combination');
      if (known) known.parts ??= [of];
      else Object.assign(cands.get(code)!, { rationale, parts: [of] });
    };
    // The drug's adverse-effect code follows the condition it caused (I.C.19.e.5.a).
    const mentionKey = (m: CandidateMention): string => `${m.documentId}:${m.start}:${m.end}`;
    const conditionAt = new Map<string, Candidate>();
    if (effects.length > 0) {
      for (const c of cands.values()) {
        if (NOT_A_CONDITION.test(c.code)) continue;
        for (const m of c.mentions) if (!conditionAt.has(mentionKey(m))) conditionAt.set(mentionKey(m), c);
      }
    }
    for (const e of effects) {
      // A drug the chart says was underdosed is no adverse effect of it taken properly: "DKA precipitated
      // by insulin underdosing due to cost" is T38.3X6A, not T38.3X5A.
      if ([...underdosed].some((u) => u.slice(0, 5) === e.code.slice(0, 5) && u[5] === '6')) continue;
      let caused = conditionAt.get(mentionKey(e.condition));
      // Caused by the drug, the condition is its drug-induced kind where the Index has one (K52.1 for R19.7).
      const induced = caused ? (dict.drugInduced.get(caused.code) ?? DRUG_CAUSED_KIND[caused.code]) : undefined;
      if (caused && induced && table.byCode.get(induced)?.billable && !cands.has(induced)) {
        const kind: Candidate = { ...caused, code: induced, rationale: `${table.byCode.get(induced)!.long_desc}: the drug-induced kind the Index gives ${caused.code}, caused by the drug the chart names` };
        cands.delete(caused.code);
        cands.set(induced, kind);
        for (const [k, c] of conditionAt) if (c === caused) conditionAt.set(k, kind);
        caused = kind;
      }
      if (caused) follow(e.code, e.mention, caused, `Adverse effect of a drug properly taken, coded after the condition it caused, ${caused.code} (guideline I.C.19.e.5.a)`);
    }
    chemotherapyKinds(cands);
    // A breast cancer's receptor status, which C50 asks to be coded after it, from the cancer's own sentence.
    for (const c of [...cands.values()]) {
      if (!c.code.startsWith('C50')) continue;
      for (const m of c.mentions) {
        const s = sentences.get(m.documentId)?.[m.sentence];
        if (!s || m.assertion !== 'present') continue;
        const text = texts.get(m.documentId)!;
        for (const r of receptorStatus(text, s.start, s.end)) {
          if (!table.byCode.get(r.code)?.billable) continue;
          follow(r.code, { ...m, start: r.start, end: r.end, phrase: text.slice(r.start, r.end), source: 'history' }, c, `${c.code} says "use additional code" for the receptor status the note states (Z17.-)`);
        }
      }
    }
    return { cands, negatives, sentences, texts, queries, explained, ruledOut };
  }

  function candidates(input: SuggestInput): Candidate[] {
    const { cands } = read(input);
    // A condition read only in the background sections (PMH, problem list, meds) is not this visit's.
    return thisVisit(cands);
  }

  function suggest(input: SuggestInput): SuggestionRun {
    const t0 = performance.now();
    const { cands, negatives, sentences, texts, queries, explained, ruledOut } = read(input);
    const raw: RawSuggestion[] = [];
    const outpatient = input.setting !== 'inpatient';
    const existing = input.existingCodes.filter((c) => c.system === 'icd10cm').map((c) => normalizeCode(c.code));
    const existingSet = new Set(existing);
    const chosen = new Map<string, Chosen>();

    const ctx = rankContext(thisVisit(cands), (code) => table.byCode.get(code)?.long_desc);
    const chartText = [...texts.values()].join('\n');
    const handed = handedness(chartText);
    for (const c of cands.values()) {
      const scored = candidateConfidence(priors, c, new Set(), ctx);
      if (!scored) continue;
      const conf = scored.confidence;
      const side = c.mentions.find((m) => m.side && isForeground(c, m))?.side;
      // What coders of a corpus used instead never brings a side the note does not state ("right
      // hemiparesis" stays right though a corpus coded "hemiparesis" as the left side, G81.94).
      // Nor any other detail: "Depression" stays F32.A though a corpus coded by an older Index (F32.9, major depression).
      const learned = table.byCode.get(scored.code);
      const saysNoMore = (): boolean => !addsUnsaidDetail(table.byCode.get(c.code)?.long_desc ?? '', learned?.long_desc ?? '', new Set(c.mentions.flatMap((m) => m.words)), dict.normalize);
      const alternative = learned?.billable && (scored.code === c.code || ((titleSide(learned.long_desc) ?? side) === side && saysNoMore())) ? scored.code : c.code;
      for (const code of lateralCodes(table, alternative, side, handed)) {
        const prev = chosen.get(code);
        if (!prev || prev.conf < conf) chosen.set(code, { conf, cand: c });
      }
    }

    // A combination the chart does not support firmly falls back to its surest part: "newly diagnosed
    // diabetes" stays E11.9 when its link to an HPI's "elevated blood sugar" (E11.65) is unsure.
    for (const [, { conf, cand }] of [...chosen]) {
      if (conf >= priors.threshold || !cand.parts?.length) continue;
      for (const part of cand.parts) {
        const scored = candidateConfidence(priors, part, new Set(), ctx);
        if (scored && scored.confidence >= priors.threshold && !chosen.has(part.code) && table.byCode.get(part.code)?.billable) chosen.set(part.code, { conf: scored.confidence, cand: part });
      }
    }

    // An obstetric code's trimester from the weeks of gestation the note states (I.C.15.a.3). Searched
    // where they can matter: a woman's chart (pregnancy routing below) or one already read as obstetric.
    const readAsObstetric = (): boolean => [...chosen.keys()].some((code) => code.startsWith('O') || /\btrimester\b/i.test(table.byCode.get(code)?.long_desc ?? ''));
    let gestation: (Gestation & { documentId: string }) | undefined;
    // Maternity ages (the Medicare Code Editor's 12–55, widened by two years): a 61-year-old's "G3P3" is her history.
    const ofMaternalAge = input.age === null || (input.age >= 10 && input.age <= 57);
    for (const [documentId, text] of ofMaternalAge && (input.sex === 'F' || (input.sex !== 'M' && readAsObstetric())) ? texts : []) {
      const g = gestationWeeks(text, sentences.get(documentId) ?? []);
      if (g) {
        gestation = { ...g, documentId };
        break;
      }
    }
    // A pregnancy the note dates makes its conditions the pregnancy's (I.C.15.a.1). Not once delivered:
    // childbirth and the puerperium have codes of their own, not routed here (an obstetric code read
    // from the chart takes its childbirth form below).
    // Asked only of a dated pregnancy, here and for its weeks (Z3A) below.
    const saysDelivered = [...texts.values()].some(hasDelivered);
    const delivered = gestation !== undefined && saysDelivered;
    const datedPregnancy = input.sex === 'F' && !delivered ? gestation : undefined;
    // An activity, place or status of an external cause (Y90–Y99) goes with the injury or poisoning it
    // explains (I.C.20): "activity mode 1 hr before soccer" in a diabetes visit is no soccer injury's.
    if (![...chosen.keys()].some((k) => INJURY_OR_POISONING.test(k))) for (const code of [...chosen.keys()]) if (SUPPLEMENTARY_FACTOR.test(code)) chosen.delete(code);
    // A pregnancy with a complication is no normal one (Z34's Excludes1: "any complication of pregnancy (O00-O9A)"):
    // "normal pregnancy (finding), miscarriage in first trimester" is the miscarriage.
    if ([...chosen.keys()].some((k) => k.startsWith('O'))) for (const code of [...chosen.keys()]) if (NORMAL_PREGNANCY.test(code)) chosen.delete(code);
    // A gestational diabetes's bare "DM" ("DM ed/RD today") is that diabetes, no type 2 of its own.
    if ([...chosen.keys()].some((k) => GESTATIONAL_DIABETES.test(k))) chosen.delete(UNTYPED_DIABETES);
    // So is a gestational hypertension's or preeclampsia's bare "HTN" ("new-onset HTN after 20 wk"): no pre-existing O10 of its own.
    if ([...chosen.keys()].some((k) => PREGNANCY_HYPERTENSION.test(k))) chosen.delete(ESSENTIAL_HYPERTENSION);
    // At the delivery, a group B streptococcus carrier is the childbirth's (O99.824; its Excludes1 keeps Z22.330 off).
    if (input.setting === 'inpatient' && delivered && chosen.has(GBS_CARRIER)) {
      const c = chosen.get(GBS_CARRIER)!;
      const code = withChildbirth(table, 'O99820');
      chosen.delete(GBS_CARRIER);
      if (!chosen.has(code)) chosen.set(code, { conf: c.conf, cand: { code, mentions: c.cand.mentions, via: 'combination', rationale: `${GBS_CARRIER} at the delivery: ${table.byCode.get(code)?.long_desc ?? code} (guideline I.C.15.a.1)`, parts: [c.cand] } });
    }
    // An anemia the stay she delivered in finds after the birth ("PPD1 Hgb 7.4 … acute blood loss anemia") is the
    // puerperium's (O90.81), its kind coded beside it (O90.81 "use additional code").
    // Not one the pregnancy already had ("iron deficiency anemia diagnosed at 28 weeks", "… of pregnancy"): that one complicates the childbirth (O99.02).
    const puerperalAnemia = input.setting === 'inpatient' && saysDelivered && !chosen.has(PUERPERAL_ANEMIA) ? [...chosen.values()].find((c) => ANEMIA.test(c.cand.code) && c.cand.mentions.some((m) => AFTER_BIRTH.test(mentionSentence(m, sentences, texts))) && !c.cand.mentions.some((m) => BEFORE_BIRTH.test(mentionSentence(m, sentences, texts)))) : undefined;
    if (puerperalAnemia) chosen.set(PUERPERAL_ANEMIA, { conf: puerperalAnemia.conf, cand: { code: PUERPERAL_ANEMIA, mentions: puerperalAnemia.cand.mentions, via: 'combination', rationale: `${puerperalAnemia.cand.code} after the birth: ${table.byCode.get(PUERPERAL_ANEMIA)?.long_desc ?? PUERPERAL_ANEMIA} (guideline I.C.15.a.1)`, parts: [puerperalAnemia.cand] } });
    if (datedPregnancy) {
      for (const [code, c] of [...chosen]) {
        const route = inPregnancy(table, code);
        if (!route) continue;
        if (!chosen.has(route.code)) {
          const rationale = `${code} in a pregnancy (${datedPregnancy.weeks} weeks): ${table.byCode.get(route.code)?.long_desc ?? route.code} (guideline I.C.15.a.1)`;
          chosen.set(route.code, { conf: c.conf, cand: { code: route.code, mentions: c.cand.mentions, via: 'combination', rationale, parts: [c.cand] } });
        }
        if (!route.keep) chosen.delete(code);
      }
      // "Do not assign BMI codes during pregnancy" (I.C.21.c.3): the pregnancy's weight is no adult's BMI.
      for (const code of [...chosen.keys()]) if (code.startsWith('Z68')) chosen.delete(code);
    }
    // A pregnancy's supervision and a previous cesarean's scar are a current pregnancy's: "45F G2P2, prior LTCS x2"
    // at a well-woman visit is her history, no maternal care.
    if (!gestation && !PREGNANT_NOW.test(chartText)) for (const code of [...chosen.keys()]) if (CURRENT_PREGNANCY_ONLY.test(code)) chosen.delete(code);
    // A device placed in this stay is its procedure, not a status the stay found ("s/p PCI w/ DES this admission"
    // is no Z95.5): a status code reports what the patient came in with.
    if (input.setting === 'inpatient') for (const [code, c] of [...chosen]) if (DEVICE_STATUS.test(code) && c.cand.mentions.every((m) => PLACED_THIS_STAY.test(mentionSentence(m, sentences, texts)))) chosen.delete(code);
    const obstetricChart = input.sex !== 'M' && readAsObstetric();
    const trimester = obstetricChart ? trimesterOf(chartText, gestation) : undefined;
    for (const [code, c] of [...chosen]) {
      // A pregnancy's condition said to follow the birth complicates the puerperium ("postpartum preeclampsia" O14.95).
      const puerperal = code.startsWith('O') && c.cand.mentions.some((m) => AFTER_BIRTH.test(mentionSentence(m, sentences, texts)));
      // A stay in which she delivered takes the childbirth code where the category has one (I.C.15.a.3).
      const childbirth = input.setting === 'inpatient' && saysDelivered ? withChildbirth(table, code) : code;
      const timing = puerperal ? withPuerperium(table, code) : childbirth !== code ? childbirth : withTrimester(table, code, trimester);
      const timed = examinationForAge(withEpisode(table, timing, injuryEpisode(c.cand, sentences, texts)), input.age, chartText);
      if (timed === code) continue;
      chosen.delete(code);
      if (!chosen.has(timed) || chosen.get(timed)!.conf < c.conf) chosen.set(timed, c);
    }
    // A side's dominance follows the hand the chart says the patient uses, where its lines do not say it themselves.
    for (const [code, c] of [...chosen]) {
      const dominance = withHandedness(table, code, handed, c.cand.mentions.some((m) => /dominant/i.test(mentionSentence(m, sentences, texts))));
      if (dominance === code) continue;
      chosen.delete(code);
      if (!chosen.has(dominance)) chosen.set(dominance, c);
    }
    // The surest code shown of a kind, and a code read beside it as its part, at its confidence.
    const surest = (kind: (code: string) => boolean): [string, Chosen] | undefined => [...chosen].filter(([code, o]) => kind(code) && o.conf >= priors.threshold).sort((a, b) => b[1].conf - a[1].conf)[0];
    const besides = (code: string, [, { conf, cand }]: [string, Chosen], documentId: string, start: number, end: number, section: SectionKind, sentence: number, rationale: string): void => {
      const phrase = texts.get(documentId)!.slice(start, end);
      const mention: CandidateMention = { documentId, start, end, phrase, assertion: 'present', section, source: 'index', words: phraseWords(phrase, dict.normalize), sentence };
      chosen.set(code, { conf, cand: { code, mentions: [mention], via: 'combination', rationale, parts: [cand] } });
    };
    // How the surest injury happened, from the sentences that tell it, with that injury's encounter (I.C.20).
    const injury = surest((code) => INJURY_WITH_CAUSE.test(code));
    for (const f of injury ? chartExternalCauses(texts, sentences, dict.externalCauses, table, causeEncounter(injury[0])) : []) {
      if (!chosen.has(f.code)) besides(f.code, injury!, f.documentId, f.start, f.end, f.section, f.sentence, `External cause of ${injury![0]}: ${table.byCode.get(f.code)?.long_desc ?? f.code}, as the chart tells it (guideline I.C.20)`);
    }
    // The blood alcohol level measured with that injury or with an alcohol disorder shows alcohol's part in it.
    const drinking = surest((code) => code.startsWith('F10') || INJURY_WITH_CAUSE.test(code));
    for (const [documentId, text] of drinking ? texts : []) {
      const level = bloodAlcohol(text);
      if (!level || chosen.has(level.code)) continue;
      const all = sentences.get(documentId) ?? [];
      const sentence = Math.max(0, all.findIndex((x) => x.start <= level.start && level.start < x.end));
      besides(level.code, drinking!, documentId, level.start, level.end, all[sentence]?.section ?? 'labs', sentence, `Alcohol's part in ${drinking![0]}: ${table.byCode.get(level.code)?.long_desc ?? level.code}, as the chart measures it`);
      break;
    }

    // "Use additional code" follow-ups are part of the convention: they stand or fall with the code
    // asking for them. So does the condition a "code first" note names (severe sepsis's infection).
    for (const [code, c] of chosen) {
      if (c.conf < priors.threshold) continue;
      const ranges = [...additionalRanges(code), ...requiredCodeFirstRanges(codeSet, code)];
      if (ranges.length === 0) continue;
      for (const [other, o] of chosen) if (other !== code && inRanges(other, ranges) && o.conf < c.conf) o.conf = c.conf;
    }
    // A status stated anywhere (a stent in the HPI, home oxygen in the history) is reported once the
    // assessment treats a condition it bears on (I.C.21.c.3).
    const assessed = [...chosen].filter(([, o]) => o.conf >= priors.threshold && o.cand.mentions.some((m) => m.section === 'assessment' && m.assertion === 'present')).map(([code]) => code);
    /** The assessed conditions a status bears on: their care is the status's MEAT too. */
    const bornOn = new Map<string, string[]>();
    for (const [code, c] of chosen) {
      const on = c.cand.via === 'family' ? [] : assessed.filter((condition) => bearsOn(code, condition));
      if (on.length > 0) bornOn.set(code, on);
      if (c.conf < ASSESSED_STATUS_FLOOR && on.length > 0) c.conf = ASSESSED_STATUS_FLOOR;
    }
    // The deficits an acute stroke leaves are coded beside it wherever the stay describes them (aphasia,
    // hemiparesis, dysphagia; they are no part of the infarct, I.C.9.d): "Residual nonfluent aphasia and
    // right hemiparesis" in the course, "FEES: oropharyngeal dysphagia".
    const acuteStroke = [...chosen].some(([code, o]) => ACUTE_STROKE_CODE.test(code) && o.conf >= priors.threshold);
    if (acuteStroke) for (const [code, c] of chosen) if (STROKE_DEFICIT_CODE.test(code) && c.conf < CONVENTION_FLOOR && c.cand.mentions.some((m) => m.assertion === 'present' && isForeground(c.cand, m))) c.conf = CONVENTION_FLOOR;
    // A preprocedural examination is coded with the reason for the operation (IV.M): "prior to elective right
    // total knee arthroplasty for primary osteoarthritis of the right knee".
    if ([...chosen].some(([code, o]) => PREPROCEDURAL_EXAM.test(code) && o.conf >= priors.threshold)) {
      const operatedFor = (m: CandidateMention): boolean => SURGERY_FOR.test((texts.get(m.documentId) ?? '').slice(Math.max(0, m.start - 100), m.start));
      for (const [code, c] of chosen) if (!code.startsWith('Z') && c.conf < CONVENTION_FLOOR && c.cand.mentions.some((m) => m.assertion === 'present' && operatedFor(m))) c.conf = CONVENTION_FLOOR;
    }

    // With a stated assessment (or discharge diagnoses), symptoms count only where the provider lists
    // them there: elsewhere they are usually integral to the diagnoses it names (guideline I.B.5, IV.D).
    // Nor where the same assessment line names a diagnosis: "DM2 with neuropathy - sensory loss in toes".
    const hasAssessment = [...sentences.values()].some((list) => list.some((x) => x.section === 'assessment'));
    const diagnosesIn = new Map<string, string[]>();
    const diagnosed = (key: string, code: string): void => void diagnosesIn.set(key, [...(diagnosesIn.get(key) ?? []), code]);
    for (const [code, { cand, conf }] of chosen) {
      // A drug's adverse effect, poisoning or underdosing, or the organism (B95–B97), names the cause of the
      // line's condition, not another diagnosis: "MRSA bacteremia" is R78.81 with B95.62.
      if (/^[RZ]/.test(code) || isSymptom(code) || NAMES_A_CAUSE.test(code) || conf < priors.threshold) continue;
      for (const m of cand.mentions) {
        diagnosed(sentenceKey(m), code);
        const item = m.section === 'assessment' ? listItemKey(texts, m) : undefined;
        if (item) diagnosed(item, code);
      }
    }
    // A symptom a shown code asks for ("use additional code to identify the type of dysphagia") stays.
    // So does one whose own tabular asks for its cause to be coded first (cachexia, malignant ascites).
    const requested = (code: string): boolean => codedBesideItsCause(codeSet, code) || [...chosen].some(([other, o]) => other !== code && o.conf >= priors.threshold && inRanges(code, additionalRanges(other)));
    // A drug's indication in the plan ("oxycodone for pain", "Tylenol for any breakthrough pain") is no assessed problem.
    const indication = (m: CandidateMention): boolean => INDICATION.test((texts.get(m.documentId) ?? '').slice(Math.max(0, m.start - 30), m.start));
    // Nor in a later sentence of that diagnosis's list item: "1. UTI - culture grew E. coli. Onset of dysuria day 3."
    // A finding is part only of a diagnosis of its own kind: "Prediabetes and hypertension" is both.
    const partOfOne = (code: string, key: string | undefined): boolean => (diagnosesIn.get(key ?? '') ?? []).some((d) => integralTo(code, d));
    const inDiagnosedItem = (code: string, m: CandidateMention): boolean => partOfOne(code, listItemKey(texts, m));
    const standsAlone = (code: string, m: CandidateMention): boolean => m.section === 'assessment' && !partOfOne(code, sentenceKey(m)) && !inDiagnosedItem(code, m) && !indication(m);
    // With an assessment, what only the exam or the review of systems found is not coded unless assessed.
    const onlyFound = (c: Candidate): boolean => c.via === 'match' && c.mentions.every((m) => !isForeground(c, m) || m.section === 'exam' || m.section === 'ros');
    for (const [code, { conf, cand }] of chosen) {
      if (hasAssessment && (isIntegralKind(code) || onlyFound(cand)) && !cand.mentions.some((m) => standsAlone(code, m)) && !requested(code) && !(acuteStroke && STROKE_DEFICIT_CODE.test(code))) continue;
      if (explained.has(code) && !requested(code)) continue;
      // A substance "use, uncomplicated" is reportable only where the provider makes it a diagnosis and
      // ties it to a disorder or condition (I.C.5.b.3): "a history of heavy alcohol use" in the HPI is no
      // F10.90, nor "Cannabis use - occasional, no impairment"; "anxiety worsened by cannabis use" may be.
      if (UNCOMPLICATED_USE.test(code) && !cand.mentions.some((m) => m.section === 'assessment' && USE_LINKED.test(mentionSentence(m, sentences, texts)))) continue;
      const isHcc = isHccCode(code);
      const meat = isHcc ? (collectMeat(cand.mentions, sentences, texts) ?? collectMeat((bornOn.get(code) ?? []).flatMap((on) => chosen.get(on)?.cand.mentions ?? []), sentences, texts)) : undefined;
      if (isHcc && outpatient && !meat) continue; // no MEAT this visit: not coded
      const kind = existingSet.has(code) ? 'keep' : 'add';
      if (kind === 'add' && (conf < priors.threshold || !fitsAge(code, input.age))) continue;
      const quotes = cand.mentions.filter((m) => isForeground(cand, m)).slice(0, 5).map((m) => ({ documentId: m.documentId, start: m.start, end: m.end }));
      const first = cand.mentions[0]!;
      raw.push({
        system: 'icd10cm',
        code,
        kind,
        quotes,
        assertion: first.assertion,
        confidence: round(conf),
        ...(meat ? { meat } : {}),
        rationale: cand.rationale ?? `Read "${first.phrase}" (${first.source === 'history' ? 'Index: History' : `${first.source} match`})`,
      });
    }

    // The weeks of gestation go with the obstetric codes on the maternal record (Z3A, I.C.15.b.4),
    // while she is pregnant or delivering: a postpartum visit's "delivered at 39w2d" dates no pregnancy.
    // A normal pregnancy's supervision (Z34.-) is dated the same way.
    const obstetric = raw.filter((r) => (r.code.startsWith('O') || r.code.startsWith('Z34')) && r.kind !== 'delete-unsupported').sort((a, b) => (b.confidence ?? 0) - (a.confidence ?? 0))[0];
    const postpartumVisit = outpatient && delivered;
    const weeks = gestation && obstetric && !postpartumVisit ? weeksCode(table, gestation.weeks) : undefined;
    if (weeks && gestation && obstetric && !raw.some((r) => r.code.startsWith('Z3A'))) {
      const quotes = [{ documentId: gestation.documentId, start: gestation.start, end: gestation.end }];
      raw.push({ system: 'icd10cm', code: weeks, kind: existingSet.has(weeks) ? 'keep' : 'add', quotes, assertion: 'present', confidence: obstetric.confidence ?? 0, rationale: `${gestation.weeks} weeks of gestation with ${obstetric.code} (guideline I.C.15.b.4)` });
    }

    // A stay she delivered in records the delivery's outcome beside its obstetric codes (Z37.-, I.C.15.b.5).
    const outcome = obstetric && input.setting === 'inpatient' && saysDelivered && !raw.some((r) => r.code.startsWith('Z37')) ? deliveryOutcome(table, texts) : undefined;
    if (outcome && obstetric) {
      const quotes = [{ documentId: outcome.documentId, start: outcome.start, end: outcome.end }];
      raw.push({ system: 'icd10cm', code: outcome.code, kind: existingSet.has(outcome.code) ? 'keep' : 'add', quotes, assertion: 'present', confidence: obstetric.confidence ?? 0, rationale: `The delivery's outcome, a single live birth, with ${obstetric.code} (guideline I.C.15.b.5)` });
    }

    raw.splice(0, raw.length, ...withPrematurityDetail(raw, texts, table));

    // A newborn's record of its birth stay opens with the liveborn code, and a suspicion the stay ruled
    // out is its observation code (Z38.-, Z05.-, I.C.16.a).
    if (input.age === 0 && [...texts.values()].some((t) => NEWBORN.test(t))) {
      const birth = input.setting === 'inpatient' ? newbornBirth(table, texts) : undefined;
      // A liveborn code is the birth stay's alone: not a later visit's, nor a stay the baby was transferred to.
      raw.splice(0, raw.length, ...raw.filter((r) => r.kind !== 'add' || !r.code.startsWith('Z38')));
      if (birth) {
        raw.unshift({ system: 'icd10cm', code: birth.code, kind: existingSet.has(birth.code) ? 'keep' : 'add', quotes: [{ documentId: birth.documentId, start: birth.start, end: birth.end }], assertion: 'present', confidence: RULE_CONFIDENCE, rationale: `${table.byCode.get(birth.code)!.long_desc}: the newborn's birth stay (guideline I.C.16.a.2)` });
      }
      for (const [category, m] of ruledOut) {
        const code = newbornObservation(table, category);
        if (!code || raw.some((r) => r.code === code)) continue;
        raw.push({ system: 'icd10cm', code, kind: existingSet.has(code) ? 'keep' : 'add', quotes: [{ documentId: m.documentId, start: m.start, end: m.end }], assertion: 'present', confidence: RULE_CONFIDENCE, rationale: `"${m.phrase}" suspected in a newborn and ruled out: ${table.byCode.get(code)!.long_desc} (guideline I.C.16.a.6)` });
      }
    }

    raw.splice(0, raw.length, ...withInitialStrokeScale(withoutUlcerAsWound(withoutTravelRisks(withoutIntegralCounseling(withoutIntegralBleeding(withoutIntegralPain(diabetesDrugCodes(raw), table), table)))), texts));

    // A measured BMI goes with the weight condition it bears on, as sure as that condition; not in a pregnancy (above).
    const weight = raw.filter((r) => BMI_CONDITIONS.test(r.code)).sort((a, b) => (b.confidence ?? 0) - (a.confidence ?? 0))[0];
    if (weight && !datedPregnancy && !raw.some((r) => r.code.startsWith('Z68'))) {
      for (const [documentId, text] of texts) {
        const bmi = measuredBmi(table, text, input.age);
        if (!bmi) continue;
        raw.push({ system: 'icd10cm', code: bmi.code, kind: existingSet.has(bmi.code) ? 'keep' : 'add', quotes: [{ documentId, start: bmi.start, end: bmi.end }], assertion: 'present', confidence: weight.confidence ?? 0, rationale: `${text.slice(bmi.start, bmi.end)} with ${weight.code} (guideline I.B.14)` });
        break;
      }
    }

    raw.splice(0, raw.length, ...withoutOutcomeDenied(withoutUnsaidCourse(withoutReadingBesideHypertension(withMultipleSinuses(table, withoutOrphanUlcerLink(withoutUnspecifiedSibling(withGallbladderAndDuctStones(withLiverDiseaseCodes(withResolvedClot(withFeverOfCondition(withSpecifiedPneumonia(withEyelidsNamed(table, withBilateralCodes(table, withExaminationFindings(table, raw, texts)), texts), table), table, texts), chartText, table)), texts), table)))), table), table));
    raw.splice(0, raw.length, ...withoutAgentRestated(withFallHistoryBesideInjury(withAnticoagulantEffect(withOpenBites(table, withTobaccoProduct(raw, texts, sentences), texts), chartText, table)), table));

    // Of two suggestions an Excludes1 note keeps apart, the less sure one goes; an existing code stays.
    // Equally sure, read in one sentence, or with the other listed in the assessment, the one whose note it is goes: it says it is not for the
    // other's condition ("hyponatremia due to SIADH" is E22.2, which E87.1 excludes, however rarely a
    // corpus coded it). Not where each note excludes the other.
    const oneSentence = (x: string, y: string): boolean => {
      const cx = chosen.get(x)?.cand;
      const cy = chosen.get(y)?.cand;
      return cx !== undefined && cy !== undefined && shareSentence(cx, cy);
    };
    // The chart's words in small letters, joined only for a pair each of whose notes excludes the other (rare).
    let chartLower: string | undefined;
    const describedExclusion = (x: string, y: string): string | undefined => {
      chartLower ??= chartText.toLowerCase();
      const [dx, dy] = [exclusionWithoutDescribes(codeSet, x, y, chartLower), exclusionWithoutDescribes(codeSet, y, x, chartLower)];
      return dx === dy ? undefined : dx ? x : y;
    };
    // An owner of no stated site gives way to the sited condition its note excludes, however often a corpus
    // coded it: "acute cystitis due to E. coli … encephalopathy secondary to UTI" is N30.00, not N39.0.
    const siteUnstated = (code: string): boolean => /\b(site not specified|unspecified site)\b/i.test(table.byCode.get(code)?.long_desc ?? '');
    for (const [x, y, owner] of excludes1Pairs(codeSet, raw.map((r) => r.code))) {
      const a = raw.find((r) => r.code === x);
      const b = raw.find((r) => r.code === y);
      if (!a || !b || (a.kind === 'keep' && b.kind === 'keep')) continue;
      const [cx, cy] = [chosen.get(x)?.cand, chosen.get(y)?.cand];
      if (cx && cy && unrelatedConditions(codeSet, cx, cy, (code) => titleWordSet(table, dict, code), (text) => phraseWords(text, dict.normalize))) continue;
      if (injuriesOfOtherDigits((code) => table.byCode.get(code)?.long_desc ?? '', x, y)) continue;
      const other = owner === x ? y : x;
      const mutual = excludes1Names(codeSet, other, owner);
      // So does an owner whose other condition the assessment lists as an item: "Course complicated by
      // UTI. Acute cystitis without hematuria - on ceftriaxone" is N30.00, however often "UTI" is said.
      const assessed = chosen.get(other)?.cand.mentions.some((m) => m.item === true) ?? false;
      const ownerGoes = (a.confidence ?? 0) === (b.confidence ?? 0) || ((oneSentence(x, y) || assessed) && !mutual);
      // Two readings of the same words, each excluding the other: the one that reads more of them
      // ("acute blood loss anemia due to GI bleed" is D62, not the posthemorrhagic default D50.0).
      const shorter = mutual ? shorterOverlapping(chosen.get(x)?.cand, chosen.get(y)?.cand) : undefined;
      // Each excluding the other, where only one note's "without" line describes the chart: that note's code goes
      // ("COPD with emphysema" is J43.9, J44's line being "emphysema without chronic bronchitis").
      const described = mutual && !shorter ? describedExclusion(x, y) : undefined;
      // A symptom beside the diagnosis that excludes it is part of it (I.B.5): asthma's wheezing.
      const loser =
        a.kind === 'keep' ? b
        : b.kind === 'keep' ? a
        : isSymptom(a.code) !== isSymptom(b.code) ? (isSymptom(a.code) ? a : b)
        // Tobacco use (Z72.0) beside a nicotine dependence the chart also says ("smokes 1/2 ppd") is that
        // dependence: the Index's smoker is "Dependence, drug, nicotine", and Z72.0 excludes it.
        : TOBACCO_USE === a.code && /^F172/.test(b.code) ? a
        : TOBACCO_USE === b.code && /^F172/.test(a.code) ? b
        // A device's or an opening's status gives way to its complication, which its note sends elsewhere ("Z93 Excludes1
        // complications of external stoma (K94.-)"): "Peristomal cellulitis - colostomy site infection" is K94.02, no Z93.3.
        : DEVICE_STATUS.test(owner) && !DEVICE_STATUS.test(other) ? (a.code === owner ? a : b)
        // A pregnancy's condition is the obstetric chapter's, which the other chapter's note sends there (I.C.15.a.1):
        // "gestational hypertension" with a later "avoided because of hypertension" is O13.4, not I10.
        : a.code.startsWith('O') !== b.code.startsWith('O') ? (a.code.startsWith('O') ? b : a)
        : shorter ? (shorter.code === a.code ? a : b)
        : described ? (described === a.code ? a : b)
        : ownerGoes || siteUnstated(owner) ? (a.code === owner ? a : b)
        : (a.confidence ?? 0) < (b.confidence ?? 0) ? a : b;
      raw.splice(raw.indexOf(loser), 1);
    }

    // Existing codes the chart does not support are proposed for deletion.
    const kept = new Set(raw.filter((r) => r.kind === 'keep').map((r) => r.code));
    const shown = new Set(raw.map((r) => r.code));
    for (const code of existing) {
      if (kept.has(code)) continue;
      const neg = negatives.get(code);
      const sibling = [...chosen.keys()].find((k) => k !== code && k.slice(0, 3) === code.slice(0, 3));
      // "Essential hypertension" with CKD is I12.9: the existing I10 is folded into the combination, not unsupported.
      const combined = [...chosen].find(([k, o]) => k !== code && shown.has(k) && o.cand.parts?.some((p) => p.code === code))?.[0];
      const instead = sibling ?? combined;
      const why = neg
        ? `Only ${neg} mentions in the note`
        : sibling
          ? `The note supports ${sibling} instead`
          : combined
            ? `Combined into ${combined}, which the note supports`
            : cands.has(code) || chosen.has(code)
              ? 'Mentioned only in the history, without care this visit'
              : 'No support found in the note';
      raw.push({ system: 'icd10cm', code, kind: 'delete-unsupported', quotes: [], assertion: neg ?? 'present', confidence: neg || instead ? 0.7 : 0.55, rationale: why });
    }

    raw.push(...queries);

    // Chronic conditions coded before but not addressed now: ask, never add silently.
    const addressed = new Set([...raw.map((r) => r.code.slice(0, 3))]);
    for (const p of input.priorCodes) {
      if (p.system !== 'icd10cm') continue;
      const code = normalizeCode(p.code);
      if (existingSet.has(code) || addressed.has(code.slice(0, 3)) || !isHccCode(code)) continue;
      addressed.add(code.slice(0, 3));
      const hist = cands.get(code)?.mentions.filter((m) => m.section === 'history') ?? [];
      raw.push({
        system: 'icd10cm',
        code,
        kind: 'query',
        quotes: hist.slice(0, 3).map((m) => ({ documentId: m.documentId, start: m.start, end: m.end })),
        confidence: 0.4,
        rationale: 'Coded at an earlier encounter and risk-adjusting, but not addressed in this note: query the provider',
      });
    }

    const grounded = groundSuggestions(raw, input, codeSet, { engine: 'local', codeSetVersion: codeSet.version, createdAt: new Date().toISOString() });
    const order = { keep: 0, add: 1, query: 2, 'delete-unsupported': 3 } as const;
    grounded.suggestions.sort((a, b) => order[a.kind] - order[b.kind] || b.confidence - a.confidence);
    return { engine: 'local', suggestions: grounded.suggestions, drops: grounded.drops ?? emptyDrops(), proposed: raw.length, elapsedMs: performance.now() - t0 };
  }

  return { suggest, candidates, priors };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** Of two candidates read on overlapping words, the one whose reading there has fewer words; none if equal. */
function shorterOverlapping(a: Candidate | undefined, b: Candidate | undefined): Candidate | undefined {
  for (const m of a?.mentions ?? []) {
    for (const n of b?.mentions ?? []) {
      if (m.documentId !== n.documentId || m.end <= n.start || n.end <= m.start || m.words.length === n.words.length) continue;
      return m.words.length < n.words.length ? a : b;
    }
  }
  return undefined;
}

/** A numbered or bulleted line of a list ("1. UTI - …", "- CHF: …", "#2 Anemia"). */
const LIST_LINE = /^[ \t]*(\d{1,2}[.)]|[-•*#])/;

/** The list item (a numbered or bulleted line) a mention sits in, by its line; none on a line of prose. */
function listItemKey(texts: ReadonlyMap<string, string>, m: CandidateMention): string | undefined {
  const text = texts.get(m.documentId) ?? '';
  const from = text.lastIndexOf('\n', m.start - 1) + 1;
  return LIST_LINE.test(text.slice(from, from + 8)) ? `${m.documentId}@${from}` : undefined;
}

/** The text of the sentence a mention stands in ('' where the chart has no such sentence). */
function mentionSentence(m: CandidateMention, sentences: ReadonlyMap<string, SentenceSpan[]>, texts: ReadonlyMap<string, string>): string {
  const s = sentences.get(m.documentId)?.[m.sentence];
  return s ? (texts.get(m.documentId) ?? '').slice(s.start, s.end) : '';
}

/**
 * The encounter an injury's own sentences say this visit is (only injuries are asked, and the
 * pathological, stress and osteoporotic fractures of chapter 13, which take the same 7th characters).
 */
function injuryEpisode(c: Candidate, sentences: ReadonlyMap<string, SentenceSpan[]>, texts: ReadonlyMap<string, string>): Episode | undefined {
  if (!/^[ST]/.test(c.code) && !/^M[0-9A-Z]{5}A$/.test(c.code)) return undefined;
  for (const m of c.mentions) {
    const sentence = mentionSentence(m, sentences, texts);
    const episode = sentence ? episodeOf(sentence) : undefined;
    if (episode) return episode;
  }
  return undefined;
}

function toMention(documentId: string, text: string, m: Mention, sectionOfSentence: SectionKind, sentence: { index: number; start: number }, side?: Side): CandidateMention {
  // What measured findings lead to is the provider's conclusion, wherever it is written: "ferritin 9 -> IDA",
  // "2 abnl = GDM". Not a drug's reaction ("amoxicillin -> hives").
  const section = (sectionOfSentence === 'other' || sectionOfSentence === 'subjective') && CONCLUDED.test(text.slice(Math.max(sentence.start, m.start - 40), m.start)) ? 'assessment' : sectionOfSentence;
  // Only the assessment's items and the visit's stated reason are asked about (candidateConfidence); elsewhere the regexes would be wasted work.
  const visit = VISIT_REASON.test(m.entry.code);
  const said = section === 'assessment' ? text.slice(sentence.start, m.start) : '';
  // A visit is named with the child's age: "1. 9 mo WCC - devt nl".
  const before = visit ? said.replace(VISIT_AGE, '') : said;
  const item =
    ((section === 'assessment' && (ITEM_BEFORE.test(before) || ITEM_BEFORE.test(before.replace(NAMING_WORD, '')) || CAUSE_OF_ITEM.test(before))) ||
      (section === 'subjective' && VISIT_REASON_LABEL.test(text.slice(text.lastIndexOf('\n', m.start - 1) + 1, m.start))) ||
      // The note's title names the visit: "12 MONTH WELL CHILD CHECK", "Annual GYN exam".
      (visit && /^\s*$/.test(text.slice(0, text.lastIndexOf('\n', m.start - 1) + 1)))) &&
    (ITEM_AFTER.test(text.slice(m.end, m.end + 16)) || namesProcedureAfter(m.entry.code, text.slice(m.end, m.end + 24)));
  return { documentId, start: m.start, end: m.end, phrase: text.slice(m.start, m.end), assertion: m.assertion, section, source: m.entry.source, words: m.entry.words, sentence: sentence.index, ...(side ? { side } : {}), ...(item ? { item: true as const } : {}) };
}

/**
 * Before an item's name: a list number or bullet, a short label ("Dx:", "Assessment:"), a status word
 * ("current smoker"), a side or severity, or one capitalised word the reading left out ("Lisfranc fracture").
 */
const ITEM_BEFORE = /^[\s\d.)#*•-]*(?:[A-Za-z][A-Za-z /&]{0,24}:\s*)?(?:(?:current|chronic|active|stable|known|ongoing|newly diagnosed|new|well[- ]controlled|controlled|uncontrolled|poorly controlled|right|left|bilateral|mild|moderate|severe)\s+)*$/i;
/** The cause an item names for its first words is its diagnosis too: "Chest pain due to GERD - start omeprazole". */
const CAUSE_OF_ITEM = /^[\s\d.)#*•-]*(?:[A-Za-z][A-Za-z /&]{0,24}:\s*)?[A-Za-z][A-Za-z ,'-]{2,50}\s(?:due to|secondary to|caused by|attributed to)\s+$/i;
/** A child's age before the visit it names: "9 mo", "2 wk", "4 yr", "18-month". */
const VISIT_AGE = /\b\d{1,2}[- ]?(?:mo|mos|months?|yrs?|years?|wks?|weeks?|days?)(?:[- ]old)?\s+$/i;
/** A line that gives the visit's reason, and the reading is all it names: "Reason for visit: chemotherapy." */
const VISIT_REASON_LABEL = /^\s*(?:reason for (?:visit|encounter|admission)|chief complaint|cc|visit(?: type)?)\s*:\s*$/i;
/** An arrow or an equals sign right before a reading, after a measure: what the findings before it add up to. */
const CONCLUDED = /\d[^\n]{0,30}?(?:->|→|=>|[^=<>!]=)\s*$/;
/** A capitalised word right before a reading, which it left out ("Lisfranc fracture"). */
const NAMING_WORD = /[A-Z][A-Za-z'’]+\s+$/;
/**
 * After it: the item ends or its details begin (a "without" the reading's title has: "Acute cystitis
 * without hematuria"), or a spinal level before the "with" of its combination ("Lumbar disc herniation L4-L5 with …").
 */
const ITEM_AFTER = /^\s*(?:$|[-–—:;,(.)]|\n|without\b|[CTLS]\d{1,2}(?:\s*[-–]\s*[CTLS]?\d{1,2})?\s+with\b)/;

/** Paired parts of the body in the plural name both sides ("OA knees", "pain in both hips" without "both"). */
const PAIRED_PLURAL = /^(?:knees|hips|shoulders|ankles|wrists|elbows|hands|feet|eyes|ears|legs|arms|breasts|thighs)$/i;

/** Words either side of a mention that can still name its side ("L mastectomy", "knee pain, left"). */
const SIDE_REACH = 3;

/**
 * The side named among a mention's own words ("osteoarthritis of right knee, s/p left knee
 * replacement": right), else the one side within reach of them, else the one right against them;
 * none when those name two.
 */
function sideNear(text: string, tokens: ReadSentence['tokens'], positions: readonly number[]): Side | undefined {
  const first = Math.min(...positions);
  const last = Math.max(...positions);
  const sides = (from: number, to: number): Set<Side> => {
    const seen = new Set<Side>();
    for (let i = Math.max(0, from); i <= Math.min(tokens.length - 1, to); i++) {
      const side = sideOf(tokens[i]!.norm);
      if (side) seen.add(side);
    }
    return seen;
  };
  const inside = sides(first, last);
  if (inside.size === 1 && otherSideAfter(tokens, last, [...inside][0]!)) return 'bilateral';
  // "Right and left" among the mention's words or against them: "OA of right and left knees", "carpal tunnel, right and left".
  for (let at = first - 3; at <= last + 1; at++) if (bothSides(tokens, at)) return 'bilateral';
  if (inside.size === 0 && positions.some((p) => PAIRED_PLURAL.test(text.slice(tokens[p]!.start, tokens[p]!.end)))) return 'bilateral';
  // A side before a "with" is the first condition's, not one the "with" adds that names its own site:
  // "carcinoma of the left kidney with pulmonary and bone metastases" (but "right eye with photophobia").
  let from = first - SIDE_REACH;
  if (positions.length > 1) for (let i = first - 1; i >= Math.max(0, from); i--) if (tokens[i]!.norm === 'with') from = i + 1;
  // Nor one past a semicolon, another item's: "PDR with macular edema, right eye; moderate NPDR without macular edema, left eye".
  const clause = (i: number): boolean => text.slice(tokens[i]!.end, tokens[i + 1]!.start).includes(';');
  for (let i = first - 1; i >= Math.max(0, from); i--) if (clause(i)) { from = i + 1; break; }
  let to = last + SIDE_REACH;
  for (let i = last; i < Math.min(tokens.length - 1, to); i++) if (clause(i)) { to = i; break; }
  const seen = inside.size > 0 ? inside : sides(from, to);
  if (seen.size === 1) return [...seen][0];
  // The side that closes the mention's clause, out of reach: "moderate NPDR without macular edema, left eye".
  if (seen.size === 0) {
    const closing = clauseClosingSide(text, tokens, last);
    if (closing) return closing;
  }
  // Two sides within reach: the one written right against the mention ("L hemiparesis s/p R MCA stroke").
  const adjacent = inside.size > 0 ? undefined : new Set([...sides(first - 1, first - 1), ...sides(last + 1, last + 1)]);
  return adjacent?.size === 1 ? [...adjacent][0] : undefined;
}

/** "…of the right knee and left knee", "right hip and left": the other side of the same part, said right after. */
function otherSideAfter(tokens: ReadSentence['tokens'], last: number, side: Side): boolean {
  const [and, other, part] = [tokens[last + 1], tokens[last + 2], tokens[last + 3]];
  if (!and || !other || !['and', '&'].includes(and.norm)) return false;
  const said = sideOf(other.norm);
  if (said === undefined || said === side || said === 'bilateral') return false;
  return part === undefined || part.norm === tokens[last]!.norm || !/^[a-z]/.test(part.norm);
}

/** "Right and left" (or "left & right") from the token at `at`. */
function bothSides(tokens: ReadSentence['tokens'], at: number): boolean {
  if (at < 0 || at + 2 >= tokens.length || !['and', '&'].includes(tokens[at + 1]!.norm)) return false;
  const [a, b] = [sideOf(tokens[at]!.norm), sideOf(tokens[at + 2]!.norm)];
  return a !== undefined && b !== undefined && a !== b && a !== 'bilateral' && b !== 'bilateral';
}

/** A ", left eye" ending the clause after token `last` (before a semicolon or the sentence's end). */
function clauseClosingSide(text: string, tokens: ReadSentence['tokens'], last: number): Side | undefined {
  for (let k = last + 1; k + 1 < tokens.length; k++) {
    if (text.slice(tokens[k - 1]!.end, tokens[k]!.start).includes(';')) return undefined;
    const side = sideOf(tokens[k]!.norm);
    if (side && SIDED_ORGANS.has(tokens[k + 1]!.norm) && text.slice(tokens[k - 1]!.end, tokens[k]!.start).includes(',')) return side;
  }
  return undefined;
}

/** Organs a closing side names: "…without macular edema, left eye". */
const SIDED_ORGANS = new Set(['eye', 'ear', 'side', 'sided']);

/** A side that closes the sentence ("…, left eye", "…, bilateral") speaks for its conditions out of reach. */
function trailingSide(tokens: ReadSentence['tokens']): Side | undefined {
  const last = tokens.at(-1);
  const organ = last && SIDED_ORGANS.has(last.norm);
  const word = organ ? tokens.at(-2) : last;
  return word ? sideOf(word.norm) : undefined;
}

/** Another reading of the sentence, a personal-history code, spans the mention's words. */
function readAsHistory(mention: Mention, mentions: readonly Mention[]): boolean {
  return mentions.some((o) => o !== mention && /^Z8[5-7]/.test(o.entry.code) && o.start <= mention.start && mention.end <= o.end);
}

/** An entry's "multiple" code when the note says its main word in the plural ("pulmonary nodules"). */
function pluralCode(mention: Mention, tokens: readonly Token[]): string | undefined {
  const { plural, words } = mention.entry;
  if (!plural) return undefined;
  const said = mention.positions.map((p) => tokens[p]).find((t) => t?.norm === words[0]);
  // Or counted after its words: "rib fx x4".
  const counted = /^x([2-9]|\d\d)$/i.test(tokens[Math.max(...mention.positions) + 1]?.raw ?? '');
  return counted || (said && /s$/i.test(said.raw) && said.raw.toLowerCase() !== said.norm) ? plural : undefined;
}

/** The query a condition without its severity raises, quoting the condition's words nearest the reading. */
function severityRaw(q: SeverityQuery, documentId: string, text: string, tokens: readonly Token[], m: CandidateMention): RawSuggestion {
  let start = m.start;
  let end = m.end;
  for (const w of q.term.words) {
    const near = tokens.filter((t) => t.norm === w).sort((a, b) => Math.abs(a.start - m.start) - Math.abs(b.start - m.start))[0];
    if (near) [start, end] = [Math.min(start, near.start), Math.max(end, near.end)];
  }
  const choices = q.choices.map((c) => ({ label: c.severity, code: c.code }));
  return providerQuery(choices, { documentId, start, end }, `"${text.slice(start, end)}" is coded by its severity, which the note does not state`);
}

/** The query an ambiguous word raises, quoting the sentence from the condition through that word. */
function ambiguityRaw(q: AmbiguityQuery, documentId: string, text: string, start: number, end: number, m: CandidateMention): RawSuggestion {
  const sentence = text.slice(start, end).toLowerCase();
  const word = q.term.words[q.term.words.length - 1]!;
  const at = sentence.indexOf(word);
  const quoteEnd = at >= 0 ? Math.max(m.end, start + at + word.length) : m.end;
  const quoteStart = at >= 0 ? Math.min(m.start, start + at) : m.start;
  const choices = q.choices.map((c) => ({ label: c.meaning, code: c.code }));
  return providerQuery(choices, { documentId, start: quoteStart, end: quoteEnd }, `"${word}" is coded by what the provider means`);
}

/** A query to the provider naming each code the note leaves open; the first choice stands for it in the list. */
function providerQuery(choices: ReadonlyArray<{ label: string; code: string }>, quote: { documentId: string; start: number; end: number }, why: string): RawSuggestion {
  const options = choices.map((c) => `${c.label} (${displayCode('icd10cm', c.code)})`).join(' or ');
  return { system: 'icd10cm', code: choices[0]!.code, kind: 'query', quotes: [quote], confidence: 0.5, rationale: `${why}: ${options}. Query the provider` };
}
