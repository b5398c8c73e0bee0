// Codes judged by the other codes a chart shows: what a shown diagnosis makes part of itself (its
// pain, the counseling that is its standard treatment) and drugs coded by the diabetes shown.
import type { RawSuggestion } from '../../../shared/suggest/grounding';
import { ADVERSE_EFFECT } from './adverse-effect';
import { SITED_BURN } from './burn-extent';
import type { CodeTable } from './code-table';
import { lineEndAt } from './text';

/**
 * Symptoms the tabular files by body system rather than in chapter 18: myalgia (M79.1-), pain in a
 * limb (M79.6-) or joint (M25.5-), the back's and neck's pain and sciatica (M54.2–M54.9, not M54.1's radiculopathy), ear pain (H92.0-), eye pain (H57.1-),
 * what the patient sees amiss (H53.1-: photophobia, metamorphopsia), breast pain (N64.4),
 * rhinorrhea, which the Index files under other disorders of the nose (J34.89), erythema (L53.9) and
 * hypotension of no stated kind (I95.9): a cellulitis's redness, a sepsis's low pressure; a nystagmus
 * (H55.0-), the sign a positional vertigo or a vestibular neuritis shows on the exam.
 */
const SYSTEM_SYMPTOM = /^(M791|M796|M255|M54[2-69]|H920|H571|H531|H550|N644|J3489|L539|I959)/;
/** Chapter 18's symptoms and signs, and those filed by body system; SIRS and severe sepsis (R65) are no symptom but the infection's severity. */
export const isSymptom = (code: string): boolean => (code.startsWith('R') && !code.startsWith('R65')) || SYSTEM_SYMPTOM.test(code);

/**
 * Chapter 18 codes that are no symptom of the condition a line blames them on, and are coded with it:
 * repeated falls (R29.6, "multifactorial: dementia, gait instability") and functional incontinence
 * (R39.81, incontinence because of the cognitive or mobility impairment).
 */
const CODED_WITH_CAUSE = /^(R296|R3981)$/;
export const isIntegralKind = (code: string): boolean => isSymptom(code) && !CODED_WITH_CAUSE.test(code);

/**
 * Abnormal findings that belong to one kind of disease: a glucose finding (prediabetes R73.0-, hyperglycemia R73.9) to a
 * diabetes, a raised blood pressure reading (R03.0) to a hypertension, raised liver enzymes (R74.-) to
 * a liver disease, a tumour marker (R97.-) to a neoplasm or the prostate, a lung finding (R91.-) to a
 * lung disease, hypoxemia (R09.02) to a respiratory failure with hypoxia. Beside a diagnosis of another kind ("Prediabetes and hypertension") they are no part of it.
 */
const FINDING_KINDS: ReadonlyArray<readonly [finding: RegExp, of: RegExp]> = [
  [/^R73/, /^(E0[89]|E1[0-3]|O24)/],
  [/^R030/, /^(I1[0-6]|O1[0-6])/],
  [/^R74/, /^(K7[0-7]|K8[0-3]|B1[5-9])/],
  [/^R97/, /^(C|D[0-4]|N4[0-2])/],
  [/^R91/, /^(J|C3[34]|C78[0-2]|I26)/],
  // Hypoxemia is part of a respiratory failure with hypoxia (J96.-1) or an ARDS, not of the pneumonia or
  // bronchiolitis that brought it, whose severity it tells (coded beside them).
  [/^R0902/, /^(J96\d[01]|J80|P22|P28)/],
];

/**
 * Deficits a stroke leaves: aphasia and other speech disturbances (R47.-, R48.-), dysphagia (R13.1-),
 * facial weakness (R29.810), neglect (R41.4). They are part only of a disease of the brain or the
 * swallowing tract (a brain tumour, a sore throat, an esophageal stricture), not of the stroke, whose deficits are
 * coded beside it, nor of another diagnosis the line names ("paroxysmal AF, the embolic source").
 */
const STROKE_DEFICIT = /^(R47|R48|R131|R29810|R414)/;
const DEFICIT_OF = /^(G(?!8[13])|F0|F8|C7[01]|C79[34]|D3[23]|D4[23]|S06|I69|Q0|K2[0238]|C1[56]|J0[0-6]|J3[5-9]|C0|C1[0-4]|C32)/;

/** Acute, chronic and other pain of category G89. */
const CHRONIC_OR_ACUTE_PAIN = /^G89/;

/** Whether a symptom or finding can be part of a diagnosis (I.B.5): a symptom of any, a finding of its own kind. */
export function integralTo(symptom: string, diagnosis: string): boolean {
  // A pain code of G89 tells the pain's kind, and the site's code goes beside it (I.C.6.b.1): "Chronic
  // back pain" is G89.29 with M54.9. (Neoplasm-related pain, G89.3, takes none: withoutIntegralPain.)
  if (CHRONIC_OR_ACUTE_PAIN.test(diagnosis)) return false;
  if (STROKE_DEFICIT.test(symptom)) return DEFICIT_OF.test(diagnosis);
  const kind = FINDING_KINDS.find(([finding]) => finding.test(symptom));
  return kind === undefined || kind[1].test(diagnosis);
}

/**
 * Diabetes drugs by the diabetes shown: type 1 is insulin-treated by definition (E10 asks for no
 * Z79.4, unlike E08, E09, E11 and E13), and an SGLT2 inhibitor or GLP-1 agonist without diabetes
 * (heart failure, CKD, weight) is "other long term drug therapy", Z79.899.
 */
export function diabetesDrugCodes(raw: readonly RawSuggestion[]): RawSuggestion[] {
  const shows = (re: RegExp): boolean => raw.some((r) => r.kind !== 'delete-unsupported' && re.test(r.code));
  if (shows(GESTATIONAL)) return gestationalDiabetesControl(raw);
  const typeOneOnly = shows(/^E10/) && !shows(/^E(08|09|11|13)/);
  const noDiabetes = !shows(/^E(08|09|10|11|13)/);
  const out: RawSuggestion[] = [];
  for (const r of raw) {
    if (r.kind !== 'add') out.push(r);
    else if (r.code === 'Z794' && typeOneOnly) continue;
    else if ((r.code === 'Z7984' || r.code === 'Z7985') && noDiabetes) {
      if (!out.some((o) => o.code === 'Z79899') && !raw.some((o) => o.code === 'Z79899')) out.push({ ...r, code: 'Z79899', rationale: 'A diabetes drug with no diabetes on the chart: other long term drug therapy' });
    } else out.push(r);
  }
  return out;
}

/** Gestational diabetes (O24.4-): in pregnancy, childbirth or the puerperium; its last character says how it is controlled. */
const GESTATIONAL = /^O244[123]/;
const INSULIN = new Set(['Z794']);
const ORAL_OR_INJECTABLE = new Set(['Z7984', 'Z7985']);

/**
 * Gestational diabetes is coded by its treatment, and its drugs have no code of their own (guideline
 * I.C.15.i): insulin makes an unspecified or diet-controlled O24.4x9 / O24.4x0 the insulin-controlled
 * O24.4x4 (also with diet or oral drugs), an oral drug alone the O24.4x5; Z79.4 and Z79.84 are not
 * assigned with O24.4-.
 */
function gestationalDiabetesControl(raw: readonly RawSuggestion[]): RawSuggestion[] {
  const drugs = raw.filter((r) => r.kind === 'add' && (INSULIN.has(r.code) || ORAL_OR_INJECTABLE.has(r.code)));
  const insulin = drugs.filter((r) => INSULIN.has(r.code));
  const oral = drugs.filter((r) => ORAL_OR_INJECTABLE.has(r.code));
  const control = insulin.length > 0 ? { digit: '4', by: insulin } : oral.length > 0 ? { digit: '5', by: oral } : undefined;
  const shown = new Set(raw.map((r) => r.code));
  const out: RawSuggestion[] = [];
  for (const r of raw) {
    if (drugs.includes(r)) continue;
    if (control && r.kind === 'add' && GESTATIONAL.test(r.code) && /[09]$/.test(r.code)) {
      const code = r.code.slice(0, -1) + control.digit;
      if (shown.has(code)) continue;
      shown.add(code);
      out.push({ ...r, code, quotes: [...(r.quotes ?? []), ...control.by.flatMap((d) => d.quotes ?? [])], rationale: 'Gestational diabetes coded by the drug controlling it (guideline I.C.15.i)' });
    } else out.push(r);
  }
  return out;
}

/** Pain in a joint or limb (M25.5-, M79.6-): a symptom code outside chapter 18. */
const PAIN_CODE = /^(M255|M796)/;

/**
 * Pain at the site of a diagnosis shown for that site is part of it (I.B.5): "right knee pain" beside
 * primary osteoarthritis of the right knee (M17.11) or a right knee sprain. The site is what the pain
 * title names after "Pain in" ("right knee"); the other title must name it.
 */
export function withoutIntegralPain(raw: readonly RawSuggestion[], table: CodeTable): RawSuggestion[] {
  const title = (code: string): string => table.byCode.get(code)?.long_desc.toLowerCase() ?? '';
  const explained = (pain: RawSuggestion): boolean => {
    const site = /^pain in (.+)$/.exec(title(pain.code))?.[1];
    return site !== undefined && !/unspecified/.test(site) && raw.some((o) => o !== pain && o.kind !== 'delete-unsupported' && !PAIN_CODE.test(o.code) && !isSymptom(o.code) && title(o.code).includes(site));
  };
  return raw.filter((r) => r.kind !== 'add' || !PAIN_CODE.test(r.code) || !explained(r));
}

/** A diagnosis: neither a symptom (R) nor a factor or service (Z). */
const DIAGNOSIS = /^[A-QS-Y]/;

/**
 * Counseling (Z71) in a visit that shows a diagnosis is part of that diagnosis's standard treatment,
 * and not coded beside it (guideline I.C.21.c.10): smoking-cessation counseling for nicotine
 * dependence, dietary counseling for CKD. A visit for counseling alone keeps it. Travel counseling
 * (Z71.84) treats no diagnosis: it is the visit's reason beside whatever else is managed. Tobacco use
 * counseling (Z71.6) is coded with the dependence its tabular asks for beside it.
 */
export function withoutIntegralCounseling(raw: readonly RawSuggestion[]): RawSuggestion[] {
  // A routine examination's counseling is its own service, whatever it finds (Z00.0-, Z00.12-).
  const routineExam = raw.some((r) => r.kind !== 'delete-unsupported' && ROUTINE_EXAM.test(r.code));
  const diagnosed = !routineExam && raw.some((r) => r.kind !== 'delete-unsupported' && DIAGNOSIS.test(r.code));
  return raw.filter((r) => r.kind !== 'add' || !diagnosed || !r.code.startsWith('Z71') || r.code === TRAVEL_COUNSELING || (r.code === TOBACCO_COUNSELING && raw.some((o) => o.kind !== 'delete-unsupported' && TOBACCO_DEPENDENCE.test(o.code))));
}
const TRAVEL_COUNSELING = 'Z7184';
/** A general adult or child health check, with or without abnormal findings. */
const ROUTINE_EXAM = /^Z00(?:0|12)/;
/** Tobacco use counseling, whose tabular asks for the dependence beside it ("use additional code for nicotine dependence, F17.-"). */
const TOBACCO_COUNSELING = 'Z716';
const TOBACCO_DEPENDENCE = /^(?:F17|Z720)/;

/**
 * What a pre-travel visit counsels about: the trip's infections (malaria, typhoid, hepatitis A, meningitis,
 * schistosomiasis) and their signs (fever, traveller's diarrhea, vomiting). Chronic infections the traveller
 * carries (HIV, chronic hepatitis, tuberculosis) are his own and stay.
 */
const TRAVEL_RISK = /^(?:A(?:0|[2-9])|B(?:0|1[0-7]|19|[3-9])|G0[0-3]|R509|R197|R11)/;

/**
 * In a visit for travel counseling (Z71.84) the diseases and symptoms named are the trip's risks, vaccines,
 * prophylaxis and precautions, no condition the well traveller has (guideline I.B.3: code what is documented
 * as present).
 */
export function withoutTravelRisks(raw: readonly RawSuggestion[]): RawSuggestion[] {
  const travelVisit = raw.some((r) => r.kind === 'add' && r.code === TRAVEL_COUNSELING);
  return travelVisit ? raw.filter((r) => r.kind !== 'add' || !TRAVEL_RISK.test(r.code)) : [...raw];
}

/** Hematemesis, melena and hematochezia: how a digestive bleed shows. */
const BLEED_SIGN = /^(K920|K921|K625)$/;
/** A digestive or variceal condition coded with its bleeding. */
const BLEEDING_TITLE = /\bwith (hemorrhage|bleeding)\b/;

/**
 * Melena or hematemesis beside the bleeding lesion coded with its hemorrhage ("acute duodenal ulcer
 * with hemorrhage, presented with melena", K26.0) is how that bleed showed, part of it (I.B.5).
 */
export function withoutIntegralBleeding(raw: readonly RawSuggestion[], table: CodeTable): RawSuggestion[] {
  const bled = raw.some((r) => r.kind !== 'delete-unsupported' && /^[KI]/.test(r.code) && BLEEDING_TITLE.test(table.byCode.get(r.code)?.long_desc.toLowerCase() ?? ''));
  return bled ? raw.filter((r) => r.kind !== 'add' || !BLEED_SIGN.test(r.code)) : [...raw];
}

/**
 * Chronic ulcers of the skin: pressure (L89), non-pressure (L97, L98.4), diabetic (E08–E13 .621/.622), and
 * the arterial and venous diseases coded with their ulceration or gangrene (I70.23–I70.26 of the native
 * arteries, I70.33–I70.76 of the grafts; I83.0-, I83.2-).
 */
const ULCER_CODE = /^(?:L89|L97|L984|E(?:0[89]|1[0-3])62[12]|I70[2-7][3-6]|I83[02])/;
/** The unspecified injury "wound" reads (T14.8-). */
const UNSPECIFIED_WOUND = /^T148/;
/** Ischemia of a vessel NEC (I99.8), what "limb-threatening ischemia" reads alone. */
const VESSEL_ISCHEMIA = 'I998';
/** Arterial diseases of the limbs whose ischemia it is: atherosclerosis (I70.2-), PAD (I73.9), embolism (I74.-). */
const LIMB_ARTERY_DISEASE = /^(?:I702|I739|I74)/;

/**
 * "A nonhealing wound of the left ankle" in a chart that codes an ulcer there is that ulcer, no injury
 * (T14.8); "limb-threatening ischemia" beside the atherosclerosis of the limb's arteries is that disease's
 * ischemia, no other disorder of the circulatory system (I99.8).
 */
export function withoutUlcerAsWound(raw: readonly RawSuggestion[]): RawSuggestion[] {
  const added = raw.filter((r) => r.kind !== 'delete-unsupported');
  const ulcer = added.some((r) => ULCER_CODE.test(r.code));
  const limbArteries = added.some((r) => LIMB_ARTERY_DISEASE.test(r.code));
  return raw.filter((r) => r.kind !== 'add' || !((ulcer && UNSPECIFIED_WOUND.test(r.code)) || (limbArteries && r.code === VESSEL_ISCHEMIA)));
}

/** Repeated falls (R29.6) and a history of falling (Z91.81). */
const REPEATED_FALLS = 'R296';
const HISTORY_OF_FALLING = 'Z9181';
/** Injuries (S00–T14) and fractures of a bone the osteoporosis weakened (M80): what a fall broke. */
const FALL_INJURY = /^(?:S|T0|T1[0-4]|M80)/;

/**
 * Falls in a chart that codes what today's fall did are the patient's history of falling (Z91.81), a
 * risk the visit addresses: the fall itself is the injury's cause, and "repeated falls" (R29.6) is the
 * code of falls worked up for their own reason. "Recurrent falls (two prior falls this year)" on a
 * hip-fracture stay, "Mechanical fall - slipped on floor" beside a scalp laceration.
 */
export function withFallHistoryBesideInjury(raw: readonly RawSuggestion[]): RawSuggestion[] {
  const injured = raw.some((r) => r.kind !== 'delete-unsupported' && FALL_INJURY.test(r.code));
  const falls = raw.find((r) => r.kind === 'add' && r.code === REPEATED_FALLS);
  if (!injured || !falls) return [...raw];
  const history = raw.some((r) => r.code === HISTORY_OF_FALLING);
  return raw.flatMap((r) => (r !== falls ? [r] : history ? [] : [{ ...r, code: HISTORY_OF_FALLING, rationale: `${r.rationale ?? 'Falls'} – with today's injury, a history of falling (Z91.81), not falls worked up for their own cause` }]));
}

/** Bacteria, viruses and other agents "as the cause of diseases classified elsewhere" (B95–B97). */
const AGENT_AS_CAUSE = /^B9[5-7]/;
/** Sepsis by its agent (A40, A41). */
const SEPSIS = /^A4[01]/;

/**
 * An agent's cause code beside a code whose own title names the agent says it twice: a "pneumococcal
 * pneumonia" (J13) or meningitis (G00.1) needs no B95.3,
 * a Pseudomonas pneumonia (J15.1) no B96.5, a streptococcal pharyngitis (J02.0) no B95.0.
 */
export function withoutAgentRestated(raw: readonly RawSuggestion[], table: CodeTable): RawSuggestion[] {
  // Not a sepsis's: the agent of the infection that seeded it is still coded with that infection
  // ("E. coli sepsis … E. coli UTI" is A41.51 with N39.0 and B96.20).
  const titles = raw.filter((r) => r.kind !== 'delete-unsupported' && !AGENT_AS_CAUSE.test(r.code) && !SEPSIS.test(r.code)).map((r) => (table.byCode.get(r.code)?.long_desc ?? '').toLowerCase());
  return raw.filter((r) => {
    if (r.kind !== 'add' || !AGENT_AS_CAUSE.test(r.code)) return true;
    const title = table.byCode.get(r.code)?.long_desc ?? '';
    const genus = /\b(?!Other\b|Unspecified\b|Methicillin\b)([A-Z][a-z]{4,})/.exec(title)?.[1]?.toLowerCase();
    if (!genus) return true;
    // The genus's stem names its adjective too ("streptococc-al"), and the pneumococcus is Streptococcus pneumoniae.
    const stem = genus.slice(0, -2);
    return !titles.some((t) => t.includes(stem) || (/pneumoniae/i.test(title) && genus === 'streptococcus' && t.includes('pneumococc')));
  });
}

/** The NIH stroke scale's score codes (R29.7-). */
const STROKE_SCALE = /^R297\d\d$/;
/** A score said to be the first one: "initial NIHSS 9", "NIHSS on arrival 12". */
const INITIAL_SCORE = /\b(initial|admission|admit|arrival|presentation|presenting|baseline)\b/i;

/**
 * Of several NIH stroke scale scores, the initial one (guideline I.C.18.j: "at a minimum, report the
 * initial score documented"): the one the note calls initial or on arrival, else the first written.
 */
export function withInitialStrokeScale(raw: readonly RawSuggestion[], texts: ReadonlyMap<string, string>): RawSuggestion[] {
  const firstSpan = (r: RawSuggestion): EvidenceSpan | undefined => spansOf(r).sort((a, b) => a.start - b.start)[0];
  const scores = raw.filter((r) => r.kind === 'add' && STROKE_SCALE.test(r.code) && firstSpan(r) !== undefined);
  if (scores.length < 2) return [...raw];
  const saidInitial = (r: RawSuggestion): boolean => {
    const q = firstSpan(r)!;
    return INITIAL_SCORE.test((texts.get(q.documentId) ?? '').slice(Math.max(0, q.start - 20), q.end + 15));
  };
  const initial = scores.find(saidInitial) ?? [...scores].sort((a, b) => firstSpan(a)!.start - firstSpan(b)!.start)[0]!;
  return raw.filter((r) => !scores.includes(r) || r === initial);
}

export type EvidenceSpan = { documentId: string; start: number; end: number };

/** A suggestion's evidence spans (its quotes given as offsets). */
export function spansOf(r: RawSuggestion): EvidenceSpan[] {
  return (r.quotes ?? []).flatMap((q) => (typeof q === 'object' && q.documentId !== undefined && q.start !== undefined && q.end !== undefined ? [{ documentId: q.documentId, start: q.start, end: q.end }] : []));
}

const overlaps = (a: EvidenceSpan, b: EvidenceSpan): boolean => a.documentId === b.documentId && a.start < b.end && b.start < a.end;
/** Some evidence of `r` and some of `o` share words. */
const touches = (r: RawSuggestion, o: RawSuggestion): boolean => spansOf(r).some((s) => spansOf(o).some((x) => overlaps(s, x)));

/** A pregnancy code's trimester, which its siblings share: "Supervision of high risk pregnancy, unspecified, third trimester" (O09.93). */
const TRIMESTER = /,\s*(?:first|second|third|unspecified) trimester$/i;

/** A heart failure, or a hypertensive heart disease with it. */
const HEART_FAILURE = /^(I50|I110|I13[02]|I0981)/;

/**
 * A disorder whose psychosis is part of it: a dementia with psychotic disturbance (F01–F03, any
 * severity, .x2), a mood episode with psychotic features (F31.2, F31.5, F31.64, F32.3, F33.3), a
 * schizophrenia-spectrum disorder (F20, F21, F23–F25).
 */
const PSYCHOSIS_PART_OF = /^(F0[123][0-9A-C]2$|F31[25]$|F3164$|F323$|F333$|F2[01345])/;

/** A diabetes with ketoacidosis (E08–E13 .10/.11). */
const KETOACIDOSIS = /^E(0[89]|1[013])1[01]/;

/**
 * Infections a chart names: chapter 1 (A00–B99) and the common localized ones (acute upper respiratory infections,
 * sinusitis, pneumonia, lung abscess and empyema, UTI, pyelonephritis, prostatitis, pelvic inflammatory disease,
 * cellulitis, appendicitis, an anorectal, intestinal or liver abscess, peritonitis, osteomyelitis, otitis,
 * and an infection after a procedure or of a device).
 */
const NAMED_INFECTION = /^(?!B999$)(?:[AB]|J0[0-6]|J1[2-8]|J3[2-6]|J8[56]|N10|N30|N34|N390|N41|N45|N7[0-7]|L0[0-8]|K35|K61|K630|K65|K750|M86|H6[06]|T814|T82[67]|T83[56]|T84[5-7]|T857)/;

/**
 * Codes that another code of the chart says more of (the key is shown only without its partner):
 * - hypertensive kidney disease of stage 1–4 or unsaid beside the stage the chart names (I12.9 beside I12.0);
 * - an asymptomatic menopause beside a menopausal disorder (Z78.0 beside N95.-, "postmenopausal bleeding");
 * - a depression NOS beside the depressive episode or disorder the chart names (F32.A beside F32.2);
 * - a hypothyroidism NOS beside the autoimmune thyroiditis that is its kind ("Hashimoto's hypothyroidism"
 *   is E06.3, Hypothyroidism > autoimmune);
 * - a skin ulcer of no stated site or depth beside the lower limb's ulcer the chart names (L98.499 beside L97.412);
 * - an adverse effect of a drug unnamed (T88.7) beside the named drug's (T46.4X5A);
 * - a burn of no stated region (T30.0) beside a burn of a site (T20–T25);
 * - an eczema NOS (L30.9) beside the dermatitis the chart names (atopic, L20.-; contact, L23–L25);
 * - "other seasonal" allergic rhinitis (J30.2) beside the pollen's (J30.1);
 * - the COVID-19 a post-COVID condition followed (U07.1 beside U09.9, I.C.1.g.1.m);
 * - an infection NOS (B99.9, "in the setting of infection") beside the infection the chart names;
 * - a colitis NOS (K52.9, "UC, pancolitis") beside the Crohn's disease or ulcerative colitis it is;
 * - a membranous nephropathy said plainly (N06.2-) beside the same one "with nephrotic syndrome" (N04.2-);
 * - an acidosis beside the diabetic ketoacidosis it is part of (E87.2- beside E10.10);
 * - a synovitis NOS or at a site (M65.9-) beside the inflammatory arthritis whose synovitis it is (RA, M05–M06; gout, M10);
 * - overweight (E66.3, "overweight habitus" in the exam) beside the obesity the assessment names (E66.0–E66.2, E66.8-, E66.9);
 * - an irritant contact dermatitis NOS (L24.9) beside the diaper dermatitis it is ("irritant diaper dermatitis", L22);
 * - a delusional disorder, psychosis NOS or hallucinations (F22, F29, R44.-) beside the dementia with psychotic disturbance, the mood episode with psychotic features or the schizophrenia they are part of;
 * - a pulmonary edema (J81.-, "CXR pulm edema") beside the heart failure it is part of (J81's Excludes1: "with heart failure");
 * - a diabetic nephropathy (E11.21) or kidney complication NEC (E11.29, "diabetic kidney disease") beside the diabetic chronic kidney disease the chart stages (E11.22): one kidney disease, said more;
 * - a methicillin-susceptible or -resistant staph infection of no stated site (A49.01, A49.02) beside the sepsis it caused (A41.01, A41.02);
 * - nightmares (F51.5) beside the post-traumatic stress disorder they are part of (F43.1-);
 * - a starvation (T73.0, "bradycardia secondary to starvation") beside the eating disorder that is its cause (F50.-);
 * - a fluid overload (E87.70, "hypervolemic hyponatremia", "volume overloaded") beside the heart failure that is its cause;
 * - a diffuse goiter (E04.0, E04.9, E01.0, "Graves' disease with diffuse goiter") beside the thyrotoxicosis with diffuse goiter it is (E05.0-);
 * - an essential hypertension (I10, "HTN") beside the secondary hypertension the chart names (I15.-), which I10 excludes;
 * - a xerostomia (K11.7) beside the Sjogren syndrome it is part of (M35.0-), and caries (K02.9) beside its dental involvement (M35.0C);
 * - an insomnia NOS (G47.00) beside the nonorganic insomnia the chart names (F51.0-);
 * - a hirsutism (L68.0) or other primary ovarian failure (E28.39) beside the polycystic ovary syndrome (E28.2);
 * - a peripheral vascular disease NOS (I73.9) beside the atherosclerosis of the extremities it is (I70.2–I70.7);
 * - an eating disorder NOS (F50.9) or malnutrition NOS (E46) beside the kind the chart names (F50.0–F50.8, E40–E44);
 * - an eyelid retraction (H02.53-) beside the thyrotoxicosis whose sign it is (E05.-);
 * - a cataclysmic storm (X37.9) or a thyroid disorder NOS (E07.9) beside the thyroid storm or thyroid disease named;
 * - a nephrotic syndrome NOS (N04.9) or hypoalbuminemia (E88.09) beside the nephrotic syndrome of a named morphology (N04.-);
 * - a sacroiliitis (M46.1) beside the ankylosing spondylitis it is part of (M45.-);
 * - a chronic urticaria (L50.8) beside the idiopathic one it is ("Chronic spontaneous (idiopathic) urticaria", L50.1);
 * - a telangiectasia (I78.1, "pearly papule w/ telangiectasia") beside the skin cancer whose lesion it describes (C44.-), or spider angiomata beside the liver disease they are signs of (K70.-, K74.-);
 * - a pruritus (L29.9, "pruritic morbilliform eruption") beside the drug eruption it is part of (L27.-);
 * - a central hypothyroidism, secondary adrenal insufficiency or hypogonadism (E03.-, E27.4-, E29.1) beside the hypopituitarism whose axes they are ("Postsurgical hypopituitarism (secondary adrenal insufficiency, central hypothyroidism, …)", E89.3);
 * - a pill's long-term use (Z79.3) and contraceptive counseling (Z30.09) beside the pill's first prescription or another contraceptive management this visit does (Z30.011, Z30.-);
 * - a diabetic retinopathy of unstated kind (E11.311, E11.319) or a retinal edema (H35.81) beside the staged retinopathy (E11.32–E11.35) that is it;
 * - internal hemorrhoids NOS (K64.8) beside the degree the chart gives them (K64.0–K64.3);
 * - a toothache (K08.89) beside the caries, pulp, periapical or periodontal disease that aches (K02–K05), and a sore
 *   throat (J02.9) beside the tonsillitis, streptococcal pharyngitis or peritonsillar abscess it is (J02.0, J03.-, J36);
 * - a cataract NOS (H26.9, "lens opacities") beside the cataract of named kind the chart codes (H25.-, H26.0–H26.8, E11.36);
 * - a ketosis (E88.89) and its pregnancy code (O99.28-) beside the hyperemesis with metabolic disturbance it is ("Hyperemesis gravidarum with dehydration, ketosis, hypokalemia", O21.1).
 */
/**
 * A diabetes coded with its retinopathy staged ("moderate nonproliferative diabetic retinopathy with
 * center-involving macular edema, right eye", E11.3311): its retinopathy of unstated kind (E11.311,
 * E11.319, which "diabetic" and "macular edema" said apart read) of the same diabetes, and a retinal
 * edema of no stated cause (H35.81) beside one with macular edema, which is that retinopathy's.
 */
const STAGED_RETINOPATHY_SAYS_MORE: Readonly<Record<string, RegExp>> = {
  H3581: /^E(?:0[89]|1[013])3[2-5]1/,
  ...Object.fromEntries(['E08', 'E09', 'E10', 'E11', 'E13'].flatMap((type) => ['311', '319'].map((unstaged) => [`${type}${unstaged}`, new RegExp(`^${type}3[2-5]`)]))),
};
/** Hypopituitarism, postprocedural or not (E89.3, E23.0), whose parts its axes' deficits are. */
const HYPOPITUITARISM = /^(E893|E230)$/;
/** Hyperemesis gravidarum with metabolic disturbance (O21.1), whose ketosis and dehydration are its own (and their pregnancy codes). */
const HYPEREMESIS_DISTURBANCE = /^O211$/;
/** Osteomyelitis at a named site: of the spine (M46.2-) or a limb's or other site's (M86.x1–M86.x9). */
const SITED_OSTEOMYELITIS = /^(?:M462|M86[0-8][1-9])/;
/**
 * Kinds of code, by pattern, said more by another: a synovitis NOS or at any site (M65.9-) beside the
 * inflammatory arthritis whose synovitis it is; an upper-lid retraction of either eye (H02.53-) beside the
 * thyrotoxicosis whose sign it is.
 */
const SAID_MORE_OF_KIND: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/^M659/, /^M(0[5-9]|1[0-4])/],
  [/^H0253/, /^E05/],
];
const SAID_MORE: Readonly<Record<string, RegExp>> = {
  I129: /^I120$/, I10: /^I15/, I1310: /^I13(11|2)$/, I130: /^I132$/, Z780: /^N95/, F32A: /^F3(2[0-9]|3)/, E039: /^(E063|E893|E230)$/, L98499: /^L97/,
  T887XXA: ADVERSE_EFFECT, T887XXD: ADVERSE_EFFECT, T887XXS: ADVERSE_EFFECT, T300: SITED_BURN,
  L309: /^L2[0-5]/, J302: /^J301$/, U071: /^U099$/, B999: NAMED_INFECTION, K529: /^K5[01]/, N0620: /^N042/, N0621: /^N042/, N0622: /^N042/, E8720: KETOACIDOSIS, E8721: KETOACIDOSIS, E8729: KETOACIDOSIS,
  ...STAGED_RETINOPATHY_SAYS_MORE,
  H269: /^(H25|H26[0-8]|H28|E(0[89]|1[013])36|Q120)/, K0889: /^K0[2-5]/, K648: /^K64[0-3]$/, J029: /^(J020|J028|J03|J36|J39[01])/, E663: /^E66(?!3)/, L249: /^L22$/, F22: PSYCHOSIS_PART_OF, F29: PSYCHOSIS_PART_OF, R440: PSYCHOSIS_PART_OF, R441: PSYCHOSIS_PART_OF, R442: PSYCHOSIS_PART_OF, R443: PSYCHOSIS_PART_OF, J810: HEART_FAILURE, J811: HEART_FAILURE,
  E8770: HEART_FAILURE, E8779: HEART_FAILURE,
  A4901: /^A4101$/, A4902: /^A4102$/, T730XXA: /^F50/, F515: /^F431/,
  E0821: /^E0822$/, E0921: /^E0922$/, E1021: /^E1022$/, E1121: /^E1122$/, E1321: /^E1322$/,
  E0829: /^E0822$/, E0929: /^E0922$/, E1029: /^E1022$/, E1129: /^E1122$/, E1329: /^E1322$/,
  E040: /^E050/, E049: /^E050/, E010: /^E050/,
  L905: /^(L910|K43[0-2])/, R21: /^(B0[0-9]|L[0-9])/, I38: /^I3[3-7]/, A530: /^A5[12]/, G002: /^G001$/, M6250: /^E4[0-6]/, N766: /^A600/, B009: /^(?:A60|B00[1-8])/,
  // An allergy status to the drug whose reaction the visit treats is that reaction ("Anaphylaxis due to amoxicillin …
  // penicillin allergy entered in chart" is T88.6XXA with T36.0X5A, no Z88.0 beside them).
  Z880: /^T360X5/, Z881: /^T36[1-9]X5/, Z882: /^T370X5/,
  // Rectal bleeding that the anal fissure or hemorrhoids the chart names explain ("Bleeding attributed to fissure/hemorrhoids"),
  // and a skin tag beside an anal fissure, which is its sentinel tag.
  K625: /^(K60[0-2]|K64[0-5])/, K644: /^K60[0-2]/,
  // A psoriasis of no stated kind and an erosive arthritis beside the psoriatic arthropathy the chart names.
  L409: /^L405/, M154: /^L405/,
  // An anal sphincter tear at a delivery is its perineal laceration's (O70.2-, O70.3).
  K6281: /^O70[23]/,
  // A wart of no stated kind ("verruca vulgaris", which the Index reads B07.9) beside the kind the chart names (common, flat, plantar).
  B079: /^B07[08]/,
  // A ventral hernia NOS ("hernia, midline") beside the kind of ventral hernia the chart names (incisional, parastomal).
  K439: /^K43[0-7]/,
  // A sinusitis NOS (J32.9) beside the acute one the chart names, which J01's Excludes1 keeps it from.
  // Nor the sinus of a pilonidal sinus disease ("Pilonidal sinus disease without abscess").
  J329: /^(J01|L05)/,
  // A withdrawal's anxiety is one of its symptoms ("Tremor, sweats, anxiety, nausea" of alcohol withdrawal, F10.23-).
  F419: /^F1\d23/,
  // A costochondritis's chest pain is its own ("Chest pain - ACS ruled out (see #1)" under "1. Costochondritis").
  R079: /^M940$/, R0789: /^M940$/, R071: /^M940$/,
  // A cranial nerve palsy of Lyme disease is its neurologic disorder (A69.22).
  G510: /^A692/, G518: /^A692/, G519: /^A692/, G589: /^A692/,
  // Osteomyelitis of no stated site beside the chart's sited one (the sacrum's, M46.28; a foot's, M86.17-) is that one.
  M8610: SITED_OSTEOMYELITIS, M8660: SITED_OSTEOMYELITIS, M869: SITED_OSTEOMYELITIS,
  // Sacroiliitis is part of the ankylosing spondylitis that takes the sacroiliac joints.
  M461: /^M45/,
  // An insomnia said plainly beside its kind the chart names ("insomnia due to OCD", F51.05).
  G4700: /^F510/,
  // A thyroid storm's own word is no cataclysmic storm (X37.9).
  X379XXA: /^E05\d1$/,
  // An eating disorder or a malnutrition NOS ("Eating Disorders" unit, "due to malnutrition") beside the kind the chart names.
  F509: /^F50[0-8]/, E46: /^E4[0-4]/,
  // A nephrotic syndrome of unstated morphology beside the one the biopsy names, and its hypoalbuminemia.
  N049: /^N04[0-8A]/, E8809: /^N04/,
  // A thyroid disorder NOS ("Graves' disease in thyroid storm" read as "disease … thyroid") beside the thyroid disease the chart names.
  E079: /^(E0[0-6]|E07[0-8]|E89[01])/,
  // A peripheral vascular disease NOS beside the atherosclerosis of the limbs' arteries the chart names ("PAD with bilateral intermittent claudication", I70.21-).
  I739: /^I70[2-7]/,
  // A polycystic ovary syndrome's hirsutism is its hyperandrogenism, and no other ovarian failure (E28.39, "PCOS/insulin resistance" misread as a resistant ovary).
  L680: /^E282$/, E2839: /^E282$/,
  // A dry mouth and its caries are the Sjogren syndrome's (M35.0-: sicca; M35.0C, with dental involvement).
  K117: /^M350/, K029: /^M350C$/,
  L508: /^L501$/, I781: /^(C44|K70|K74)/, L299: /^L27/, Z793: /^Z30011$/, Z3009: /^Z30(?!09)/,
  E038: HYPOPITUITARISM, E2740: HYPOPITUITARISM, E2749: HYPOPITUITARISM, E291: HYPOPITUITARISM,
  // "Focal epilepsy" is the Index's simple partial kind only where the note says no more: its complex partial
  // (impaired awareness) seizures are G40.2-.
  G40101: /^G402/, G40109: /^G402/, G40111: /^G402/, G40119: /^G402/,
  // A coronary angioplasty with a stent the chart names anywhere is the implant's status (Z95.5), not the bare angioplasty's (Z98.61).
  Z9861: /^Z955$/,
  // A device checked or adjusted at the visit is that encounter (Z45.0-), which Z95.0's and Z95.81-'s Excludes1 keep apart.
  Z950: /^Z450/, Z95810: /^Z450/, Z95818: /^Z450/,
  // An occlusion read as atherosclerosis of no stated site is the occluded artery of a cerebral infarction shown.
  I7090: /^I63/,
  // A bile duct obstructed by a stone is the calculus code's obstruction (K83.1's Excludes1: with cholelithiasis, K80.-).
  K831: /^K80/,
  // Varices said once as bleeding are the same varices wherever else the note names them.
  I8500: /^I8501$/, I8510: /^I8511$/,
  // A newborn's jaundice of unstated cause beside its isoimmunization or hemolysis is that jaundice (Index: Jaundice > newborn > due to).
  P599: /^P5[5-8]/,
  // Turner syndrome beside its karyotype is the karyotype's code.
  Q969: /^Q96[0-8]/,
  // Each receptor the chart gives beside the combined hormone-receptor/HER2 status it makes (Z17.41-, Z17.42-) is part of it.
  // A neutropenia read as "secondary" (D70.4) or a drug's (D70.2) beside the chemotherapy's (D70.1) is that one; so is oral
  // mucositis due to "other drugs" (K12.32) beside the antineoplastic therapy's (K12.31).
  D704: /^D70[12]$/, D702: /^D701$/, K1232: /^K1231$/,
  Z170: /^Z174/, Z171: /^Z174/, Z1721: /^Z174/, Z1722: /^Z174/, Z1731: /^Z174/, Z1732: /^Z174/,
  E8889: HYPEREMESIS_DISTURBANCE, O99280: HYPEREMESIS_DISTURBANCE, O99281: HYPEREMESIS_DISTURBANCE, O99282: HYPEREMESIS_DISTURBANCE,
};

/**
 * An unspecified code beside a sibling of its category read from the same words: "Atopic dermatitis,
 * flexural" is L20.82, not L20.82 with L20.9; "Acute mucopurulent conjunctivitis, bilateral" is
 * H10.023, not with H10.33 (I.B.2: the highest specificity the note documents). Within a subcategory,
 * wherever the chart says each: "zoster keratitis" (B02.33) is the "herpes zoster ophthalmicus" (B02.30)
 * the HPI names.
 */
export function withoutUnspecifiedSibling(raw: readonly RawSuggestion[], table: CodeTable): RawSuggestion[] {
  // Unspecified as to the category's whole kind ("Atopic dermatitis, unspecified", L20.9; "Unspecified
  // acute conjunctivitis", H10.3-): not one complication or site left unsaid ("… with diabetic
  // neuropathy, unspecified", E11.40; "… of unspecified adrenal gland", C79.70), which stands beside the category's
  // other members (E11.40 beside E11.22), though not beside its own subcategory's (below).
  const unspecified = (code: string): boolean => {
    const title = table.byCode.get(code)?.long_desc ?? '';
    // An infarct of "other coronary artery of anterior wall" (I21.09) beside the one of the artery the
    // note names (LAD, I21.02) is the same infarct, read from its wall.
    return /^unspecified\b/i.test(title) || (/^[A-Z]\d\d9$/.test(code) && /,\s*unspecified$/i.test(title)) || /\binvolving other\b/i.test(title);
  };
  // Within a subcategory, its own unspecified member ("Zoster ocular disease, unspecified", B02.30;
  // "… with diabetic neuropathy, unspecified", E11.40) beside a named one.
  const unspecifiedOf = (code: string, other: string): boolean =>
    code.length >= 5 && other.slice(0, 4) === code.slice(0, 4) && /,\s*unspecified$/i.test(table.byCode.get(code)?.long_desc ?? '') && !/,\s*unspecified$/i.test(table.byCode.get(other)?.long_desc ?? '');
  // Of the category's whole kind, only where every span overlaps the named one's: a condition said
  // apart is another ("Paroxysmal atrial fibrillation … Atrial flutter", I48.0 and I48.92).
  const sameWords = (r: RawSuggestion, o: RawSuggestion): boolean => {
    const spans = spansOf(r);
    return spans.length > 0 && spans.every((s) => spansOf(o).some((x) => overlaps(s, x)));
  };
  // The "without" member beside its "with" sibling read from the same words: "Lower GI bleed due to
  // diverticulosis of sigmoid colon" is K57.31 (… without perforation or abscess with bleeding), and the
  // words "diverticulosis of sigmoid colon" read alone are no K57.30 (… without bleeding) beside it.
  const withoutOf = (code: string, other: string): boolean => {
    const title = table.byCode.get(code)?.long_desc ?? '';
    return other.slice(0, 4) === code.slice(0, 4) && /\bwithout\b/i.test(title) && title.replace(/\bwithout (\w+)$/i, 'with $1') === table.byCode.get(other)?.long_desc;
  };
  // A burn or corrosion of no stated region (T30) beside the one of the region its words name (T20–T28).
  const regionOf = (code: string, other: string): boolean => /^T30/.test(code) && /^T2[0-8]/.test(other);
  // The category's own unspecified member, titled as the category ("Chronic sinusitis, unspecified",
  // J32.9, of "Chronic sinusitis"), beside a kind of it wherever the chart says each: the heading's
  // "CHRONIC RHINOSINUSITIS" is the assessment's "chronic pansinusitis" (J32.4).
  const categoryItself = (code: string, other: string): boolean => {
    if (other.slice(0, 3) !== code.slice(0, 3) || unspecified(other)) return false;
    const title = (table.byCode.get(code)?.long_desc ?? '').replace(TRIMESTER, '');
    const kind = title.replace(/,\s*unspecified$/i, '');
    return kind !== title && kind.toLowerCase() === table.byCode.get(code.slice(0, 3))?.long_desc.toLowerCase();
  };
  // "ESRD 2/2 hypertensive nephrosclerosis" is I12.0, the nephrosclerosis no I12.9 beside it.
  const saidMore = (code: string, other: string): boolean => (SAID_MORE[code] ?? SAID_MORE_OF_KIND.find(([kind]) => kind.test(code))?.[1])?.test(other) === true;
  const covered = (r: RawSuggestion): boolean =>
    r.kind === 'add' &&
    raw.some(
      (o) =>
        o !== r &&
        o.kind !== 'delete-unsupported' &&
        ((o.code.slice(0, 3) === r.code.slice(0, 3) && unspecified(r.code) && !unspecified(o.code) && sameWords(r, o)) ||
          unspecifiedOf(r.code, o.code) ||
          categoryItself(r.code, o.code) ||
          saidMore(r.code, o.code) ||
          (withoutOf(r.code, o.code) && sameWords(r, o)) ||
          (regionOf(r.code, o.code) && touches(r, o))),
    );
  return raw.filter((r) => !covered(r));
}

/** A diabetes "with other skin ulcer" (E08–E13 .622), and the ulcer sites its note asks for beside it. */
const OTHER_SKIN_ULCER_LINK = /^E(0[89]|1[013])622$/;
const OTHER_SKIN_ULCER = /^(L98[45]|L97[1-38-9])/;

/**
 * A diabetes "with other skin ulcer" left with no such ulcer shown: the stray "ulcer" it was linked to
 * gave way to the foot ulcer the chart names (E11.621 with L97.412), so E11.622 names nothing more.
 */
export function withoutOrphanUlcerLink(raw: readonly RawSuggestion[]): RawSuggestion[] {
  const ulcer = raw.some((r) => r.kind !== 'delete-unsupported' && OTHER_SKIN_ULCER.test(r.code));
  return ulcer ? [...raw] : raw.filter((r) => r.kind !== 'add' || !OTHER_SKIN_ULCER_LINK.test(r.code));
}

/** Influenza with pneumonia of no stated type (J10.00, J11.00). */
const INFLUENZA_PNEUMONIA_UNSAID = /^J1[01]00$/;
/** Pneumonia of a stated organism or kind (J12–J18), not "Pneumonia, unspecified organism" (J18.9). */
const PNEUMONIA_OF_A_KIND = /^J1[2-8](?!9$)/;

/**
 * Influenza with a pneumonia whose kind the note states is "with (other) specified pneumonia" (J10.08,
 * J11.08), the pneumonia coded beside it: "Influenza A with MRSA pneumonia" is J10.08 and J15.212.
 */
export function withSpecifiedPneumonia(raw: readonly RawSuggestion[], table: CodeTable): RawSuggestion[] {
  return raw.map((r) => {
    if (r.kind !== 'add' || !INFLUENZA_PNEUMONIA_UNSAID.test(r.code)) return r;
    const kind = raw.find((o) => (o.kind === 'add' || o.kind === 'keep') && PNEUMONIA_OF_A_KIND.test(o.code) && touches(r, o));
    const specified = kind ? table.billableIn(r.code.slice(0, 3)).find((c) => c.code.startsWith(r.code.slice(0, 4)) && /\bspecified pneumonia$/i.test(c.long_desc)) : undefined;
    return specified ? { ...r, code: specified.code, rationale: `${r.rationale ?? ''}; the pneumonia's kind is stated (${kind!.code}): ${specified.code}` } : r;
  });
}

/** An abnormal coagulation profile (R79.1): a high INR. */
const ABNORMAL_COAGULATION = 'R791';
/** Warfarin or another anticoagulant taken long term (Z79.01). */
const ANTICOAGULANT_THERAPY = 'Z7901';
const ANTICOAGULANT_EFFECT = 'T45515A';
/** A dose taken wrongly: an overdose or an extra dose is a poisoning, no adverse effect. */
const TAKEN_WRONGLY = /\b(?:overdos\w*|took (?:extra|too many|double)|double[- ]dos\w*|extra dos\w*|wrong dose|poisoning|intentional(?:ly)?)\b(?![^.;\n]{0,10}\b(?:denied|denies)\b)/i;
const NO_WRONG_DOSE = /\bno (?:missed or )?extra doses\b|\bno (?:missed|extra)(?: or (?:missed|extra))? doses\b|\btaken as prescribed\b|\bas directed\b/i;

/**
 * A high INR in a patient taking an anticoagulant as prescribed is the drug's adverse effect: the finding
 * (R79.1) with the anticoagulant's adverse-effect code (T45.515A, guideline I.C.19.e.5.a), not a poisoning
 * unless the dose was taken wrongly.
 */
export function withAnticoagulantEffect(raw: readonly RawSuggestion[], chartText: string, table: CodeTable): RawSuggestion[] {
  const inr = raw.find((r) => r.kind === 'add' && r.code === ABNORMAL_COAGULATION);
  const onDrug = raw.some((r) => r.kind !== 'delete-unsupported' && r.code === ANTICOAGULANT_THERAPY);
  if (!inr || !onDrug || raw.some((r) => r.code.startsWith('T4551')) || !table.byCode.get(ANTICOAGULANT_EFFECT)?.billable) return [...raw];
  if (TAKEN_WRONGLY.test(chartText.replace(NO_WRONG_DOSE, ''))) return [...raw];
  return [...raw, { ...inr, code: ANTICOAGULANT_EFFECT, rationale: `${inr.rationale ?? ''}; a high INR on an anticoagulant taken as prescribed: its adverse effect, ${ANTICOAGULANT_EFFECT}` }];
}

/** Pulmonary embolism (I26.-) and acute deep vein thrombosis of the leg (I82.4-). */
const ACUTE_CLOT: ReadonlyArray<readonly [RegExp, string]> = [
  [/^I26/, 'Z86711'],
  [/^I824/, 'Z86718'],
];
/** A clot the note says is gone: "thrombus resolved", "complete resolution of previously seen emboli", "fully recanalized", "no residual thrombus". */
const CLOT_RESOLVED = /\b(?:thromb(?:us|i)|clots?|emboli)\s+(?:(?:has|have|is|are|now|fully|completely)\s+){0,2}resolved\b|\b(?:complete|full)\s+resolution\s+of\b[^.;\n]{0,40}\b(?:emboli|embolism|thromb\w*|clots?)\b|\b(?:fully|completely)\s+recanaliz\w*|\bno\s+residual\s+(?:thromb\w*|clots?|emboli)\b/i;
/** A clot still there or new beside it: "partially resolved", "new DVT", "acute PE". */
const CLOT_PRESENT = /\bpartial(?:ly)?\s+(?:resolved|resolution|recanaliz\w*)|(?<!\b(?:no|without|any)\s)\b(?:new|acute|residual|persistent|extending|propagat\w*)\s+(?:\w+\s+){0,3}?(?:dvt|pe|thromb\w*|clots?|emboli|embolism)\b/i;

/**
 * A pulmonary embolism or leg DVT the chart says has resolved is its history (Z86.711, Z86.718), whatever
 * anticoagulation goes on to prevent another (Z79.01): guideline I.C.21.c.4, a personal history of a
 * condition that no longer exists. Not where the chart also calls a clot new, acute or residual.
 */
export function withResolvedClot(raw: readonly RawSuggestion[], chartText: string, table: CodeTable): RawSuggestion[] {
  if (!CLOT_RESOLVED.test(chartText) || CLOT_PRESENT.test(chartText)) return [...raw];
  const out: RawSuggestion[] = [];
  for (const r of raw) {
    const history = r.kind === 'add' ? ACUTE_CLOT.find(([re]) => re.test(r.code))?.[1] : undefined;
    if (!history || !table.byCode.get(history)?.billable) out.push(r);
    else if (!out.some((o) => o.code === history) && !raw.some((o) => o.code === history)) out.push({ ...r, code: history, assertion: 'historical', rationale: `${r.rationale ?? ''}; the clot has resolved: its history, ${history}` });
  }
  return out;
}

/**
 * Conditions whose tabular asks for any associated fever beside them: sickle-cell disorders (D57.0-,
 * D57.2-, D57.4-, D57.8-) and neutropenia (D70.-).
 */
const FEVER_ASKED_BY = /^(?:D57[0248]|D70)/;
const UNSPECIFIED_FEVER = 'R509';
const FEVER_WITH_CONDITION = 'R5081';
/** A neutropenia said with its fever: "febrile neutropenia", "neutropenic fever". */
const NEUTROPENIC_FEVER = /\bfebrile neutropeni\w*|\bneutropenic fevers?\b/i;

/**
 * The fever of a sickle-cell disease or a neutropenia is "fever presenting with conditions classified
 * elsewhere" (R50.81), the code their tabular asks for beside them ("use additional code for any
 * associated fever"); a "febrile neutropenia" says that fever in its own words.
 */
export function withFeverOfCondition(raw: readonly RawSuggestion[], table: CodeTable, texts: ReadonlyMap<string, string>): RawSuggestion[] {
  const asks = raw.filter((r) => r.kind !== 'delete-unsupported' && FEVER_ASKED_BY.test(r.code));
  if (asks.length === 0 || !table.byCode.get(FEVER_WITH_CONDITION)?.billable) return [...raw];
  const out = raw.map((r) => (r.kind === 'add' && r.code === UNSPECIFIED_FEVER ? { ...r, code: FEVER_WITH_CONDITION, rationale: `${r.rationale ?? ''}; the fever of ${asks[0]!.code}: ${FEVER_WITH_CONDITION}` } : r));
  const neutropenia = asks.find((r) => r.code.startsWith('D70'));
  if (!neutropenia || out.some((r) => r.code.startsWith('R50'))) return out;
  for (const [documentId, text] of texts) {
    const said = NEUTROPENIC_FEVER.exec(text);
    if (!said) continue;
    const quotes = [{ documentId, start: said.index, end: said.index + said[0].length }];
    out.push({ system: 'icd10cm', code: FEVER_WITH_CONDITION, kind: 'add', quotes, assertion: 'present', confidence: neutropenia.confidence ?? 0, rationale: `The fever of "${said[0]}" beside ${neutropenia.code}, which asks for it (use additional code)` });
    break;
  }
  return out;
}

/** Esophageal varices of no stated cause (I85.0-), by their secondary code (I85.1-) with the same bleeding. */
const PRIMARY_VARICES: ReadonlyMap<string, string> = new Map([['I8500', 'I8510'], ['I8501', 'I8511']]);
/**
 * What the Index reads varices "in (due to)": cirrhosis of the liver, alcoholic liver disease, portal
 * hypertension, toxic liver disease (K70, K71.7, K74.3–K74.6, K76.6).
 */
const VARICES_CAUSE = /^(K70|K717|K74[3-6]|K766)/;
/** Metabolic dysfunction-associated steatohepatitis (K75.81) and steatotic liver disease (K76.0). */
const STEATOTIC = /^(K7581|K760)$/;

/**
 * Liver disease read by the codes shown beside it. Esophageal varices in a chart that shows cirrhosis or
 * portal hypertension are that disease's (I85.1-, "Varix > esophagus > in (due to) > cirrhosis of liver"),
 * however far apart the note lists them: "Esophageal varices without bleeding" on a cirrhosis patient's
 * problem list is I85.10, not I85.00.
 */
export function withLiverDiseaseCodes(raw: readonly RawSuggestion[]): RawSuggestion[] {
  const shows = (re: RegExp): boolean => raw.some((o) => (o.kind === 'add' || o.kind === 'keep') && re.test(o.code));
  const steatotic = shows(STEATOTIC);
  const varicesCause = shows(VARICES_CAUSE);
  const out: RawSuggestion[] = [];
  for (const r of raw) {
    // Cirrhosis of a cause with no cirrhosis code of its own is "other cirrhosis" (K74.69): steatohepatitis
    // (K75.81) or steatotic liver disease (K76.0) "with cirrhosis" is K74.69 beside it, not K74.60.
    if (r.kind === 'add' && r.code === 'K7460' && steatotic && !raw.some((o) => o.code === 'K7469')) {
      out.push({ ...r, code: 'K7469', rationale: `${r.rationale ?? ''}; the cirrhosis of the steatotic liver disease the chart shows: K74.69` });
      continue;
    }
    const secondary = r.kind === 'add' && varicesCause ? PRIMARY_VARICES.get(r.code) : undefined;
    if (!secondary) out.push(r);
    else if (!raw.some((o) => o.code === secondary)) out.push({ ...r, code: secondary, rationale: `${r.rationale ?? ''}; in the cirrhosis or portal hypertension the chart shows: ${secondary}` });
  }
  return out;
}

/** The cholecystitis a gallbladder calculus code (K80.0–K80.2) or a bile duct one with cholecystitis (K80.4-) says, by its fourth and fifth characters. */
const CHOLECYSTITIS_KIND: ReadonlyMap<string, 'acute' | 'chronic' | 'both' | 'unspecified' | 'none'> = new Map([
  ['K800', 'acute'], ['K8010', 'chronic'], ['K8011', 'chronic'], ['K8012', 'both'], ['K8013', 'both'], ['K8018', 'unspecified'], ['K8019', 'unspecified'], ['K802', 'none'],
  ['K8040', 'unspecified'], ['K8041', 'unspecified'], ['K8042', 'acute'], ['K8043', 'acute'], ['K8044', 'chronic'], ['K8045', 'chronic'], ['K8046', 'both'], ['K8047', 'both'], ['K805', 'none'],
]);
/** Calculus of gallbladder and bile duct (K80.6-, K80.7-) by cholecystitis, without and with obstruction. */
const BOTH_STONES: Readonly<Record<'acute' | 'chronic' | 'both' | 'unspecified' | 'none', readonly [string, string]>> = {
  unspecified: ['K8060', 'K8061'], acute: ['K8062', 'K8063'], chronic: ['K8064', 'K8065'], both: ['K8066', 'K8067'], none: ['K8070', 'K8071'],
};
const kindOf = (code: string): 'acute' | 'chronic' | 'both' | 'unspecified' | 'none' | undefined => CHOLECYSTITIS_KIND.get(code.slice(0, 5)) ?? CHOLECYSTITIS_KIND.get(code.slice(0, 4));
/** An obstruction a line says, not one it denies ("no obstruction", "without biliary obstruction"). */
const OBSTRUCTION_SAID = /(?<!\b(?:no|without|w\/o|not)\s+(?:\w+\s+)?)\bobstruct(?:ion|ing|ed|ive)\b/i;
/** A calculus code "with obstruction": K80.01, K80.11, K80.13, K80.19, K80.21, K80.41 … K80.47, K80.51. */
const obstructed = (code: string): boolean => /^K80(0|1|2|4|5)[13579]$/.test(code);

/**
 * Stones of the gallbladder and of the bile duct in one chart are the Index's "Calculus > gallbladder >
 * with > bile duct calculus" (K80.6-, K80.7-), with the cholecystitis and the obstruction either line
 * says: "Choledocholithiasis with biliary obstruction, and cholelithiasis with chronic cholecystitis" is
 * K80.65, not K80.10 beside a bile duct code. Not a duct stone with cholangitis (K80.3-), which these titles leave out.
 */
export function withGallbladderAndDuctStones(raw: readonly RawSuggestion[], texts: ReadonlyMap<string, string>): RawSuggestion[] {
  const added = (re: RegExp): RawSuggestion[] => raw.filter((r) => r.kind === 'add' && re.test(r.code));
  const bladder = added(/^K80[012]/);
  const duct = added(/^K80[45]/);
  if (bladder.length === 0 || duct.length === 0 || raw.some((r) => r.kind !== 'delete-unsupported' && /^K80[367]/.test(r.code))) return [...raw];
  // The bladder's cholecystitis, or else the duct line's.
  const kinds = [...bladder, ...duct].map((r) => kindOf(r.code)).filter((k) => k !== undefined);
  const kind = kinds.find((k) => k !== 'none' && k !== 'unspecified') ?? kinds.find((k) => k === 'unspecified') ?? 'none';
  // The obstruction as either's code or line says it: "Choledocholithiasis with biliary obstruction".
  const lineSays = (r: RawSuggestion): boolean =>
    spansOf(r).some((q) => {
      const text = texts.get(q.documentId) ?? '';
      const line = text.slice(text.lastIndexOf('\n', q.start - 1) + 1, lineEndAt(text, q.end));
      return OBSTRUCTION_SAID.test(line);
    });
  const code = BOTH_STONES[kind][[...bladder, ...duct].some((r) => obstructed(r.code) || lineSays(r)) ? 1 : 0];
  const parts = new Set([...bladder, ...duct]);
  const first = raw.find((r) => parts.has(r))!;
  const merged: RawSuggestion = { ...first, code, quotes: [...parts].flatMap((r) => r.quotes ?? []), confidence: Math.min(...[...parts].map((r) => r.confidence ?? 0)), rationale: `Stones of the gallbladder and the bile duct (${[...parts].map((r) => r.code).join(', ')}): ${code} (Index: Calculus, gallbladder, with bile duct calculus)` };
  return raw.flatMap((r) => (r === first ? [merged] : parts.has(r) ? [] : [r]));
}

/** A title that leaves the course open: "Gastric ulcer, unspecified as acute or chronic, …", "… not specified as acute or chronic". */
const COURSE_UNSAID = /\b(?:not specified|unspecified) as acute or chronic\b/i;
/** The course-stated codes of the same condition in another category: pyelonephritis, acute (N10) or chronic (N11.-), for N12. */
const COURSE_STATED_ELSEWHERE: ReadonlyMap<string, RegExp> = new Map([['N12', /^N1[01]/]]);

/**
 * A condition read once with its course and once without is the one with it, wherever the note says
 * each: "E. coli acute pyelonephritis … CT: right pyelonephritis" is N10, not N10 and N12; an ulcer
 * "with hemorrhage" (K25.4) is not also one "without hemorrhage or perforation" (K25.9).
 */
export function withoutUnsaidCourse(raw: readonly RawSuggestion[], table: CodeTable): RawSuggestion[] {
  const sameCondition = (r: RawSuggestion, o: RawSuggestion): boolean => o.code.slice(0, 3) === r.code.slice(0, 3) || (COURSE_STATED_ELSEWHERE.get(r.code)?.test(o.code) ?? false);
  return raw.filter((r) => r.kind !== 'add' || !COURSE_UNSAID.test(table.byCode.get(r.code)?.long_desc ?? '') || !raw.some((o) => o !== r && o.kind !== 'delete-unsupported' && sameCondition(r, o) && !COURSE_UNSAID.test(table.byCode.get(o.code)?.long_desc ?? '')));
}

/** An elevated blood-pressure reading "without diagnosis of hypertension" (R03.0). */
const ELEVATED_READING = 'R030';
/** Hypertensive diseases, in or out of pregnancy. */
const HYPERTENSION = /^(I1[0-6]|I1A|O1[0-6])/;

/** No elevated reading (R03.0) beside a hypertension the chart diagnoses, anywhere in it: its title excludes one. */
export function withoutReadingBesideHypertension(raw: readonly RawSuggestion[]): RawSuggestion[] {
  const diagnosed = raw.some((r) => r.kind !== 'delete-unsupported' && HYPERTENSION.test(r.code));
  return diagnosed ? raw.filter((r) => r.code !== ELEVATED_READING || r.kind !== 'add') : [...raw];
}

/**
 * A title that rules its own outcome out: "Acute coronary thrombosis not resulting in myocardial
 * infarction" (I24.0), "Chills (without fever)" (R68.83: "fever and chills" is the fever's, R50.9).
 */
const OUTCOME_DENIED = /(?:\bnot resulting in |\(without )([a-z ]+?)\)?\s*$/i;

/**
 * No code "not resulting in" (or "(without)") what another code the chart shows is: a coronary
 * occlusion beside the myocardial infarction it caused (I21.- includes coronary occlusion) is no I24.0.
 */
export function withoutOutcomeDenied(raw: readonly RawSuggestion[], table: CodeTable): RawSuggestion[] {
  const title = (r: RawSuggestion): string => table.byCode.get(r.code)?.long_desc.toLowerCase() ?? '';
  const shown = raw.filter((r) => r.kind !== 'delete-unsupported');
  return raw.filter((r) => {
    const outcome = r.kind === 'add' ? OUTCOME_DENIED.exec(title(r))?.[1] : undefined;
    return !outcome || !shown.some((o) => o !== r && title(o).includes(outcome) && !OUTCOME_DENIED.test(title(o)));
  });
}
