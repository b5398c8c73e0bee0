// Regressions found by the thirty-third session's probe notes (tests/fixtures/probe-notes/round33.jsonl):
// surgery and perioperative care, hematology and oncology, endocrinology, rheumatology/allergy/dermatology.
import { describe, expect, it } from 'vitest';
import { noteReaders } from '../../../helpers/local-engine';

const { read, shown } = noteReaders();

describe('local engine: probe notes, thirty-third session (what is not this visit\'s condition)', () => {
  it('reads a plural test after a list as testing every item', () => {
    const codes = read('Plan: HCV RNA/genotype, LFTs, HIV, HBV serologies today. Chronic hepatitis C, treatment naive.', 'outpatient', 40);
    expect(codes).toContain('B182');
    expect(codes).not.toContain('B20');
    expect(read('PrEP visit. HIV, syphilis, GC/CT screens today.', 'outpatient', 30)).not.toContain('B20');
    // A diagnosis said apart stays: "HIV on ART" before the tests.
    expect(read('A: HIV on ART, CD4 450. Hep B, hep C tests today.', 'outpatient', 40)).toContain('B20');
  });

  it('leaves an item another provider manages, whatever the line adds of its state', () => {
    const codes = read('A/P:\n1. Inguinal hernia - recommend repair.\n2. HTN, HLD - per PCP, stable.\n3. GERD - stable, per PCP.\n4. OA R hip - per ortho.\n5. Secondary hyperparathyroidism on problem list - managed by nephrology.', 'outpatient', 60);
    expect(codes).toContain('K4090');
    expect(codes.filter((c) => ['I10', 'E785', 'K219', 'N2581'].includes(c) || c.startsWith('M16'))).toEqual([]);
    expect(read('A/P: 1. Hernia. 2. HTN - stable, continue lisinopril.', 'outpatient', 60)).toContain('I10');
  });

  it('reads a surgery ahead, or one that repaired the condition, as no postsurgical condition', () => {
    const preop = read('Plan:\n- Hypothyroidism: take levothyroxine morning of surgery.', 'outpatient', 62, 'F');
    expect(preop).toContain('E039');
    expect(preop).not.toContain('E890');
    expect(read('A: hypothyroidism after thyroid surgery.', 'outpatient', 62, 'F')).toContain('E890');
    expect(read('7. Bariatric surgery status. Continue bariatric vitamins.', 'outpatient', 55)).toContain('Z9884');
    const seroma = read('A/P: Postoperative subcutaneous seroma after hernia repair, no evidence of infection.', 'outpatient', 58);
    expect(seroma).toContain('L7634');
    expect(seroma.filter((c) => c.startsWith('K4'))).toEqual([]);
    // A past history's operation leaves no cataract to link with the diabetes.
    expect(read('PMH: T2DM ~25 yrs; HTN; bilateral cataract surgery.\nA/P: T2DM - A1c 7.2, continue metformin.', 'outpatient', 75)).not.toContain('E1136');
  });

  it('reads a treated latent TB, a finished anticoagulation and a cancer whose treatment ended as history', () => {
    expect(read('3. Hx LTBI, fully treated. Annual sx screen negative.', 'outpatient', 54, 'F')).toEqual(['Z8615']);
    expect(read('A: LTBI, starting rifampin.', 'outpatient', 54, 'F')).toContain('Z227');
    expect(read('Had L portal vein thrombosis post-splenectomy, completed 6 mo warfarin, no recurrence.', 'outpatient', 50, 'F')).toContain('Z86718');
    expect(read('A: DVT L leg, on apixaban, completed 3 of 6 months.', 'outpatient', 50, 'F').filter((c) => c.startsWith('Z867'))).toEqual([]);
    const survivor = read('SURVIVORSHIP CLINIC\nShe had stage IIIB adenocarcinoma of the sigmoid colon, treated with sigmoid colectomy followed by 6 months of adjuvant CAPOX, which she completed approximately two and a half years ago.\nAssessment:\n1. Colon cancer, completed treatment, no evidence of disease on surveillance.', 'outpatient', 64, 'F');
    expect(survivor).toEqual(expect.arrayContaining(['Z85038', 'Z08']));
    expect(survivor.filter((c) => c.startsWith('C18'))).toEqual([]);
  });

  it('reads a history heading and a drug only weighed as no condition or therapy of this visit', () => {
    const codes = read('Other history: hypothyroidism (managed by PCP, not discussed today), cataracts.\nAssessment:\n1. Colon cancer surveillance.', 'outpatient', 64, 'F');
    expect(codes.filter((c) => c.startsWith('H2'))).toEqual([]);
    const plan = read('A/P: 1. L breast ca - paclitaxel today. After taxol -> adjuvant RT, then endocrine tx (tamoxifen vs OFS+AI, premenopausal - will discuss).', 'outpatient', 45, 'F');
    expect(plan).not.toContain('Z79810');
    expect(read('A/P: # Hx MTX transaminitis - resolved, no further w/u.', 'outpatient', 46).filter((c) => c.startsWith('Z7963'))).toEqual([]);
  });

  it('reads precautions, warnings and a dialysis access as no condition', () => {
    expect(read('A: gout. Return precautions: fever, spreading redness.', 'outpatient', 63)).not.toContain('R509');
    expect(read('A: Graves disease. Reviewed agranulocytosis warning - stop drug and call for fever/sore throat.', 'outpatient', 40, 'F')).not.toContain('D709');
    const access = read('A: ESRD on HD via L arm AV fistula, thrill present. Nephrology f/u re: AV fistula eval.', 'outpatient', 72);
    expect(access).toContain('N186');
    expect(access).not.toContain('L988');
  });
});

describe('local engine: probe notes, thirty-third session (words read right)', () => {
  it('reads seropositive RA at multiple sites, and no seronegative RA from a site alone', () => {
    expect(read('A: Seropositive RA, multiple sites, low disease activity.', 'outpatient', 54, 'F')).toContain('M0579');
    expect(read('A: RA of left knee, flaring.', 'outpatient', 60, 'F')).toEqual(['M069']);
    expect(read('A: seronegative RA, multiple sites.', 'outpatient', 60, 'F')).toContain('M0609');
  });

  it('reads breast cancer initials and quadrants, sickle cell genotypes and radiotherapy\'s dermatitis', () => {
    expect(read('Dx: L breast IDC, UOQ, pT2N1a, grade 2.\nA/P: 1. L breast ca - OK to treat.', 'outpatient', 50, 'F')).toContain('C50412');
    expect(read('# Hb SS with acute chest syndrome - admitted to stepdown.', 'inpatient', 22)).toContain('D5701');
    expect(read('A: HbSC disease, stable.', 'outpatient', 22)).toContain('D5720');
    const skin = read('A/P: 1. Acute radiation dermatitis, neck, grade 2 - Mepitel film.', 'outpatient', 60);
    expect(skin).toContain('L580');
    expect(skin).not.toContain('L598');
  });

  it('reads postsurgical as postprocedural, and a superficial wound dehiscence as the operation wound\'s', () => {
    expect(read('3. Postsurgical hypoparathyroidism - well controlled; continue regimen.', 'outpatient', 47, 'F')).toContain('E892');
    const wound = read('Wound (RLQ): 6.2 L x 1.8 W.\nA: Superficial dehiscence of surgical wound, RLQ, without infection.', 'outpatient', 52, 'F');
    expect(wound).toContain('T8131XA');
    expect(wound.filter((c) => c.startsWith('T14'))).toEqual([]);
  });

  it('reads a quit smoker and a smoker from the social history', () => {
    expect(read('SH: quit cigs 6 yrs ago (30 pk-yr). A: inguinal hernia.', 'outpatient', 66)).toContain('Z87891');
    expect(read('Smoking: 1 ppd x 30 yrs, current.\nA: wound dehiscence.', 'outpatient', 52)).toContain('F17210');
    const trying = read('SH: smokes 1 ppd, trying to quit smoking. A: hernia.', 'outpatient', 52);
    expect(trying).not.toContain('Z87891');
  });

  it('reads a patient who stopped a drug class for cost as underdosing for financial hardship', () => {
    const codes = read('A: HHS. Pt states he stopped both diabetes pills ~2 wks ago because he could not afford the refills.', 'inpatient', 79);
    expect(codes).toEqual(expect.arrayContaining(['T383X6A', 'Z91120']));
    expect(read('A: HTN. He stopped lisinopril because of cough; we started losartan.', 'inpatient', 60).filter((c) => c.startsWith('T46'))).toEqual([]);
  });
});

describe('local engine: probe notes, thirty-third session (combinations and codes that say more)', () => {
  it('reads a prosthetic joint infection from the joint its line names', () => {
    const codes = read('IMPRESSION: Periprosthetic joint infection, L TKA, S. epidermidis.', 'outpatient', 71, 'F');
    expect(codes).toContain('T8454XA');
    expect(codes.filter((c) => c.startsWith('M00'))).toEqual([]);
  });

  it('reads "metastatic X of the organ" as the organ\'s primary, and a spread named apart as its own', () => {
    const bladder = read('A: Metastatic urothelial carcinoma of the bladder (lateral wall) with liver mets.', 'outpatient', 69);
    expect(bladder).toEqual(expect.arrayContaining(['C672', 'C787']));
    expect(bladder).not.toContain('C7911');
    expect(read('A: metastatic breast cancer to bone.', 'outpatient', 60, 'F')).toContain('C7951');
  });

  it('reads a neutropenia an antineoplastic caused as chemotherapy-induced, with the fever D70 asks for', () => {
    const codes = read('Discharge diagnoses: 1. Febrile neutropenia secondary to gemcitabine/nab-paclitaxel chemotherapy.', 'inpatient', 63, 'F');
    expect(codes).toEqual(expect.arrayContaining(['D701', 'R5081', 'T451X5A']));
    expect(codes.filter((c) => ['D702', 'D709', 'R502'].includes(c))).toEqual([]);
  });

  it('reads a stoma\'s dermatitis by the stoma, and asplenia after a splenectomy as postsurgical', () => {
    const stoma = read('59M, 2 weeks s/p Hartmann procedure with end colostomy.\nA: - Peristomal irritant contact dermatitis from stool effluent.', 'outpatient', 59);
    expect(stoma).toContain('L24B3');
    const spleen = read('Chronic ITP, splenectomy ~6 yrs ago.\nA/P:\n- Asplenic - PCV20 given today.', 'outpatient', 40, 'F');
    expect(spleen).toContain('Z9081');
    expect(spleen).not.toContain('Q8901');
  });

  it('reads a post-operative visit after a joint replacement as its aftercare', () => {
    const codes = read('Ortho f/u - R hip, 6 wks post-op\n64M s/p R THA for primary OA.\nA/P:\n1. S/p R THA - excellent early recovery.', 'outpatient', 64);
    expect(codes).toContain('Z471');
    expect(read('Ortho f/u - 6 wks post-op\ns/p L hip hemiarthroplasty for femoral neck fracture.\nA/P:\n1. Displaced L femoral neck fracture - healing.', 'outpatient', 80, 'F')).not.toContain('Z471');
  });

  it('shows no part beside the code that says more', () => {
    expect(read('A/P: Graves\' disease with diffuse goiter and mild orbitopathy, euthyroid on methimazole.', 'outpatient', 40, 'F')).not.toContain('E040');
    const pituitary = read('A/P:\n1. Postsurgical hypopituitarism (secondary adrenal insufficiency, central hypothyroidism, hypogonadotropic hypogonadism) - adequately replaced.', 'outpatient', 52);
    expect(pituitary).toContain('E893');
    expect(pituitary.filter((c) => ['E039', 'E2740', 'E230'].includes(c))).toEqual([]);
    expect(shown('A/P: Chronic spontaneous (idiopathic) urticaria, poorly controlled on standard-dose H1 antihistamine.', 'outpatient', 36, 'F')).not.toContain('L508');
  });
});
