// How the Alphabetic Index's own text reads as words: stop words, word forms and aliases, "X or Y"
// alternatives, modifiers in parentheses, everyday words that are no reading on their own, and the
// Index lines that say "code to" instead of giving a code.
import { phraseWords, TYPE_A, type Normalizer } from './text';

/** Words that never decide a code. */
export const STOP = new Set([
  'a', 'an', 'the', 'of', 'and', 'in', 'to', 'due', 'by', 'for', 'on', 'at', 'as', 'or', 'with', 'from', 'into', 'its', 'nos', 'nec',
  'unspecified', 'stage', 'mellitus', 'personal', 'neoplasm', 'other', 'specified', 'site', 'condition', 'region', 'part', 'classified', 'elsewhere', 'than',
  // "Dysphagia, oropharyngeal phase": notes say "oropharyngeal dysphagia".
  'phase',
  // "Fracture, ankle, lateral malleolus only": notes never say "only".
  'only',
  // Pronouns and "as well": "COPD and her" read as Hers disease (E74.09), "as well" as Wells' disease.
  'he', 'she', 'his', 'her', 'him', 'they', 'them', 'their', 'we', 'our', 'you', 'your', 'well',
]);
/**
 * Kept although they look like stop words: they change the code. Single letters name types
 * (hepatitis C, vitamin D, syndrome X); "a" and "i" cannot, they are the article and the pronoun, so a
 * type A is read only as a capital after a word (TYPE_A).
 */
export const KEEP_SHORT = new Set(['1', '2', '3', '4', '5', '3a', '3b', ...'bcdefghjklmnopqrstuvwxyz', TYPE_A]);

/** Word forms that read as the same thing in charts. */
export const MANUAL_ALIASES: ReadonlyArray<[string, string]> = [
  ['cancer', 'malignant'], ['carcinoma', 'malignant'], ['adenocarcinoma', 'malignant'], ['malignancy', 'malignant'], ['neoplasia', 'neoplasm'],
  ['metastasis', 'secondary'], ['metastase', 'secondary'], ['metastatic', 'secondary'], ['mets', 'secondary'],
  ['tumour', 'tumor'], ['oedema', 'edema'], ['anaemia', 'anemia'], ['haemorrhage', 'hemorrhage'], ['oesophagus', 'esophagus'],
  ['renal', 'kidney'], ['pulmonary', 'lung'], ['hepatic', 'liver'], ['cardiac', 'heart'], ['gastric', 'stomach'], ['nasal', 'nose'], ['colorectal', 'colon'],
  ['hx', 'history'], ['ii', '2'], ['i', '1'], ['iii', '3'], ['iv', '4'], ['iiia', '3a'], ['iiib', '3b'], ['t2', '2'], ['t1', '1'], ['two', '2'], ['one', '1'],
  // KDIGO's GFR categories name the CKD stage: "CKD stage G3a/A2" is stage 3a (N18.31).
  ['g1', '1'], ['g2', '2'], ['g3a', '3a'], ['g3b', '3b'], ['g4', '4'], ['g5', '5'],
  ['uterine', 'uterus'], ['scrotal', 'scrotum'], ['ovarian', 'ovary'], ['prostatic', 'prostate'], ['penile', 'penis'], ['splenic', 'spleen'], ['mandibular', 'mandible'], ['helical', 'helix'], ['cutaneous', 'skin'], ['vulvovaginal', 'vulva'],
  ['pancreatic', 'pancreas'], ['duodenal', 'duodenum'], ['rectal', 'rectum'], ['esophageal', 'esophagus'], ['laryngeal', 'larynx'],
  ['pharyngeal', 'pharynx'], ['bronchial', 'bronchus'], ['colonic', 'colon'], ['ileal', 'ileum'], ['jejunal', 'jejunum'], ['testicular', 'testis'],
  ['sacral', 'sacrum'], ['coccygeal', 'coccyx'], ['stool', 'feces'], ['urinary', 'urine'], ['extremity', 'limb'], ['strep', 'streptococcal'], ['staph', 'staphylococcal'], ['ingrown', 'ingrowing'], ['toenail', 'nail'], ['fingernail', 'nail'],
  ['resp', 'respiratory'], ['pulm', 'lung'], ['cl', 'class'], ['sx', 'symptom'], ['submucosal', 'submucous'],
  ['feverish', 'fever'], ['chemo', 'chemotherapy'], ['exam', 'examination'], ['torn', 'tear'], ['fungal', 'fungus'], ['bilat', 'bilateral'], ['febrile', 'fever'], ['painful', 'pain'], ['bleeding', 'hemorrhage'], ['bleed', 'hemorrhage'], ['pale', 'pallor'], ['paleness', 'pallor'],
  // A stent is the Index's implant ("Status > angioplasty > coronary artery > with implant" Z95.5).
  // "Atherosclerosis — see Arteriosclerosis": the Index lists the kinds under one spelling only.
  ['atherosclerosis', 'arteriosclerosis'], ['atherosclerotic', 'arteriosclerotic'],
  // A variceal bleed is the varix's ("Varix > esophagus > bleeding" I85.01).
  ['variceal', 'varix'],
  // "Orthotopic liver transplantation" is the Index's transplant ("Status > transplant > liver" Z94.4).
  ['transplantation', 'transplant'],
  // "Pacemaker check" is the Index's checking ("Checking > cardiac pacemaker" Z45.018).
  ['checking', 'check'],
  ['stent', 'implant'], ['stents', 'implant'], ['arthroplasty', 'replacement'], ['postablative', 'postprocedural'], ['postsurgical', 'postprocedural'], ['herniation', 'hernia'], ['diverticulosis', 'diverticulum'], ['lentigines', 'lentigo'],
  // "Fibroid (tumor) — see also Leiomyoma": a uterine fibroid's kinds (intramural D25.1, subserosal D25.2) are the leiomyoma's.
  ['fibroid', 'leiomyoma'], ['fibroids', 'leiomyoma'], ['herniated', 'hernia'], ['noncompliant', 'noncompliance'], ['nonadherence', 'noncompliance'], ['nonadherent', 'noncompliance'],
  // A joint by its abbreviation is the Index's site ("gout, L 1st MTP" is "Gout > idiopathic > foot joint", M10.07-).
  ['mtp', 'foot'], ['mtps', 'foot'], ['mcp', 'hand'], ['mcps', 'hand'], ['cmc', 'carpometacarpal'],
  // A flare of a chronic condition is the Index's exacerbation ("asthma flare" J45.901, "COPD flare-up" J44.1).
  ['flare', 'exacerbation'],
  // A Pap smear's squamous lesions as notes abbreviate them ("LSIL Pap"); the Index says LGSIL, HGSIL.
  ['pap', 'papanicolaou'], ['lsil', 'lgsil'], ['hsil', 'hgsil'],
  // A "surgical site infection" is the Index's infection following surgery ("Infection > postoperative
  // wound > surgical site > superficial incisional" T81.41-; "> surgery" T81.40-).
  ['surgical', 'surgery'],
  // "Developmental delay" is the Index's "Delay > development" (R62.50; "> language" F80.9).
  ['developmental', 'development'],
  // "Decompensated heart failure", "decompensated COPD": the Index's decompensation.
  ['decompensated', 'decompensation'],
  // "Hypothyroidism > due to > medicament NEC" (E03.2) is the Index's drug: a named drug read as one reaches it.
  ['medicament', 'drug'], ['medicaments', 'drug'],
  // Ordinals as notes write them: "5th metatarsal" is the Index's "metatarsal bone > fifth".
  ['1st', 'first'], ['2nd', 'second'], ['3rd', 'third'], ['4th', 'fourth'], ['5th', 'fifth'],
  // "Stone(s) — see also Calculus": a ureteral stone is the Index's "Calculus > ureter" (N20.1), which Stone does not list.
  ['stone', 'calculus'],
  // The Index's smoker ("Smoker — see Dependence, drug, nicotine") as notes say it: "smokes 1 ppd". Not
  // "smoking", the label of every template's "Smoking status: never".
  ['smokes', 'smoker'],
  // "DVT ppx" is its prophylaxis, a service, not the condition.
  ['ppx', 'prophylaxis'],
  // HIV pre- and post-exposure prophylaxis: "HIV PrEP" is no HIV.
  ['prep', 'prophylaxis'], ['pep', 'prophylaxis'],
  // The Index sends hypoxemia to hypoxia's code (R09.02): "hypoxemic respiratory failure" is "with hypoxia".
  ['hypoxemic', 'hypoxia'], ['hypoxemia', 'hypoxia'],
  // "History > personal > fall, falling" (Z91.81) is one word said two ways: "hx of falls".
  ['falling', 'fall'],
  // Adjectives notes use for the Index's nouns: "Hypothyroid.", "Morbidly obese, BMI 42".
  // Latin plurals the Index writes singular: "pulmonary emboli" are its "Embolism > pulmonary", "thrombi" its thrombosis.
  ['emboli', 'embolism'], ['embolus', 'embolism'], ['thrombi', 'thrombus'],
  // Anaphylaxis is the Index's anaphylactic shock (see UNSAID_QUALIFIERS).
  ['anaphylaxis', 'anaphylactic'],
  // A patient confined to bed is the Index's "Bedridden" (Z74.01); one who is incontinent has its incontinence.
  ['bedbound', 'bedridden'], ['incontinent', 'incontinence'],
  // A hyperosmolar hyperglycemic state is the Index's "Diabetes > with > hyperosmolarity" (E11.00).
  ['hyperosmolar', 'hyperosmolarity'],
  // A vertebra slipped forward or back is the Index's spondylolisthesis (M43.1-), which has neither word.
  ['anterolisthesis', 'spondylolisthesis'], ['retrolisthesis', 'spondylolisthesis'],
  // The Index writes both: "Hypothyroidism > postirradiation" (E89.0), "Encephalopathy > postradiation".
  ['postradiation', 'postirradiation'],
  // "Thickened endometrial stripe" is the Index's "Thickening > endometrium" (R93.89).
  ['thickened', 'thickening'], ['endometrial', 'endometrium'],
  // The Index's Latin genitive: "Carcinomatosis > peritonei" (C78.6) is peritoneal carcinomatosis.
  ['peritonei', 'peritoneal'],
  // "Colonization > MRSA" (Z22.322) as notes say it: "colonized with MRSA".
  ['colonized', 'colonization'], ['colonised', 'colonization'],
  // "Examination > pre-procedural (pre-operative)": notes say preoperative, preop.
  ['preoperative', 'preprocedural'], ['preop', 'preprocedural'],
  ['hypothyroid', 'hypothyroidism'], ['hyperthyroid', 'hyperthyroidism'], ['obese', 'obesity'], ['morbidly', 'morbid'], ['opioid', 'opiate'],
];

/** Vaccines as notes name them (abbreviations and brands), lower case. */
export const VACCINE_NAMES = ['tdap', 'dtap', 'td', 'pcv13', 'pcv15', 'pcv20', 'pcv21', 'ppsv23', 'prevnar', 'pneumovax', 'shingrix', 'mmr', 'varivax', 'gardasil', 'iiv4', 'fluzone', 'flublok', 'hepb', 'heplisav', 'ipv', 'hib', 'rotateq', 'menactra', 'menveo', 'bexsero', 'arexvy', 'abrysvo'];

/**
 * "Diabetes, diabetic > poorly controlled — code to Diabetes, by type, with hyperglycemia" (also
 * "out of control", "inadequately controlled"): Index lines with no code of their own.
 */
export const CODE_TO: ReadonlyArray<[string, string]> = [
  ['diabetes poorly controlled', 'E1165'], ['diabetes out of control', 'E1165'], ['diabetes inadequately controlled', 'E1165'],
  // "Examination > annual" (Z00.00) as notes name the visit: an annual physical or wellness visit.
  ['annual physical', 'Z0000'], ['annual wellness visit', 'Z0000'], ['wellness visit', 'Z0000'],
  // A hyperosmolar hyperglycemic state is the Index's hyperosmolarity ("Syndrome > hyperosmolarity E87.0 —
  // see also Diabetes, by type, with hyperosmolarity"): with the diabetes it is E11.00.
  ['hyperosmolarity hyperglycemic state', 'E870'],
  // "Smoker > cigarettes" (F17.210) as social histories say it ("Smoking: 1 ppd"), and "History > personal >
  // nicotine dependence" (Z87.891): "quit cigs 6 yrs ago",
  // "quit smoking 2015". Not one still to come ("trying to quit smoking": misreads.ts).
  ['smoking cigarette', 'F17210'],
  ['quit smoking', 'Z87891'], ['quit cigarettes', 'Z87891'], ['quit cigs', 'Z87891'], ['quit tobacco', 'Z87891'],
  // "Dehiscence > closure of > skin and subcutaneous tissue (superficial)" (T81.31) as notes say it:
  // "superficial dehiscence of surgical wound", "superficial wound dehiscence".
  // "Complication > postprocedural > seroma > skin and subcutaneous tissue > following other procedure"
  // (L76.34) as notes say it: "postoperative subcutaneous seroma", "seroma of the incision".
  ['postoperative subcutaneous seroma', 'L7634'], ['postprocedural subcutaneous seroma', 'L7634'], ['incisional seroma', 'L7634'], ['seroma incision', 'L7634'],
  // Radiotherapy's skin reaction is the Index's "Radiodermatitis" (L58.-), not sunlight's or a
  // nonionizing source's "Dermatitis > due to > radiation" (L59.8): "acute radiation dermatitis, neck".
  // "Dermatitis > contact > irritant > related to > stoma" (L24.B-) as notes say it: peristomal skin
  // irritation; the stoma the chart names gives its kind (stoma-dermatitis.ts).
  ['peristomal irritant contact dermatitis', 'L24B0'], ['peristomal irritant dermatitis', 'L24B0'], ['peristomal dermatitis', 'L24B0'], ['peristomal skin irritation', 'L24B0'],
  ['radiation dermatitis', 'L589'], ['acute radiation dermatitis', 'L580'], ['chronic radiation dermatitis', 'L581'],
  ['superficial dehiscence surgery wound', 'T8131XA'], ['superficial wound dehiscence', 'T8131XA'],
  // "Complication > surgical procedure > malabsorption (postsurgical)" (K91.2) as notes say it after an operation on the gut:
  // "malabsorption after gastric bypass", "post-bypass malabsorption", "malabsorption after bariatric surgery".
  ['malabsorption gastric bypass', 'K912'], ['malabsorption bypass', 'K912'], ['malabsorption bariatric', 'K912'], ['malabsorption gastrectomy', 'K912'], ['malabsorption rygb', 'K912'],
  // A current pregnancy's risks as prenatal notes say them: "Supervision of high-risk preg, AMA multigravida" (Index:
  // "Pregnancy > supervision > elderly > multigravida", O09.52-, the trimester read from the weeks), "Prior LTCS x1 -
  // desires TOLAC" ("Delivery > cesarean > previous > cesarean delivery > low transverse scar", O34.211).
  ['ama multigravida', 'O09529'], ['ama primigravida', 'O09519'], ['advanced maternal age multigravida', 'O09529'], ['advanced maternal age primigravida', 'O09519'],
  ['prior cesarean', 'O34219'], ['previous cesarean', 'O34219'], ['prior c section', 'O34219'], ['previous c section', 'O34219'], ['prior low transverse cesarean', 'O34211'], ['previous low transverse cesarean', 'O34211'], ['prior classical cesarean', 'O34212'], ['previous classical cesarean', 'O34212'],
  // Cellulitis around a stoma is the abdominal wall's ("Cellulitis > abdominal wall" L03.311).
  ['peristomal cellulitis', 'L03311'],
  // "Arthropathy > psoriatic > distal interphalangeal" (L40.51) as notes say it.
  ['psoriatic arthritis distal interphalangeal', 'L4051'], ['psoriatic arthritis dip', 'L4051'],
  // "Refusal of > treatment > left against medical advice (AMA)" (Z53.29) as notes say it: the patient left.
  ['left against medical advice', 'Z5329'], ['leaving against medical advice', 'Z5329'], ['leaves against medical advice', 'Z5329'],
  // "Bruxism > sleep related" (G47.63) as notes say it.
  ['sleep bruxism', 'G4763'], ['nocturnal bruxism', 'G4763'],
  // "Management > cochlear device" (Z45.321) as notes say it: the implant's programming (mapping) visit.
  ['cochlear implant programming', 'Z45321'], ['cochlear implant management', 'Z45321'], ['cochlear implant mapping', 'Z45321'],
  // A nuclear cataract is the age-related one's kind ("Cataract > nuclear > sclerosis — see Cataract,
  // senile, nuclear", H25.1-); the Index's only other nuclear line is the newborn's embryonal one (Q12.0).
  ['nuclear cataract', 'H2510'],
  // "Awaiting organ transplant status" (Z76.82) as notes say it; the organ is not yet transplanted.
  ['awaiting transplant', 'Z7682'],
  // An artificial opening the patient has is its status ("Status > colostomy" Z93.3) however the note
  // says it is there: "colostomy functioning well", "PEG tube in place", "suprapubic catheter".
  ['colostomy', 'Z933'], ['ileostomy', 'Z932'], ['gastrostomy', 'Z931'], ['jejunostomy', 'Z934'], ['tracheostomy', 'Z930'],
  ['nephrostomy', 'Z936'], ['urostomy', 'Z936'], ['cystostomy', 'Z9350'], ['suprapubic catheter', 'Z9359'],
  // "Fatigue > neoplasm-related" (R53.0) as notes say it; the cancer is no second finding of its own words.
  ['cancer related fatigue', 'R530'],
  // "Neuropathy > peripheral > in > drugs NEC" and "Polyneuropathy > drug-induced" (G62.0) as notes say
  // it: "chemotherapy-induced peripheral neuropathy" (the drug reads as "drug").
  ['drug induced neuropathy', 'G620'], ['drug induced peripheral neuropathy', 'G620'],
  // "Status > epileptic, epilepticus" (G40.901) as notes say it; the dictionary keeps only a subterm's
  // first form, and reading every form of every subterm misread others.
  ['status epilepticus', 'G40901'],
  // DSM-5's major neurocognitive disorder is the classification's dementia (F03.90 unless a disease or
  // severity says more); the Index lists only the substance-induced ones.
  ['major neurocognitive disorder', 'F0390'],
  // "Immunization > not done > because > patient refusal" (Z28.21) as notes say it.
  ['declines vaccine', 'Z2821'], ['refuses vaccine', 'Z2821'], ['declined vaccine', 'Z2821'], ['refused vaccine', 'Z2821'],
  // The ILAE's names for focal seizures: "impaired awareness" is the classification's complex partial
  // (G40.2-), "aware" its simple partial (G40.1-); the Index lists only the older names.
  ['focal impaired awareness seizure', 'G40209'], ['epilepsy impaired awareness seizure', 'G40209'], ['focal aware seizure', 'G40109'],
  // "Leukemia > chronic myelogenous" (C92.1-) and "> chronic lymphocytic, of B-cell type" (C91.1-) as
  // notes say them; the only chronic myeloid and lymphocytic leukemias the classification has.
  ['chronic myeloid leukemia', 'C9210'], ['chronic lymphocytic leukemia', 'C9110'],
  // Crohn's disease of both small and large intestine (K50.80) as notes say it; the Index nests it
  // under the large intestine's "with complication", so its words would ask for a complication.
  ['crohn ileocolitis', 'K5080'], ['crohn disease small large intestine', 'K5080'],
  // "Infection > Helicobacter pylori" (A04.8) as notes name it, by the organism alone ("H. pylori
  // gastritis"): beside the condition it causes it reads as that cause (B96.81).
  ['helicobacter pylori', 'A048'],
  // "History > personal > latent tuberculosis infection" (Z86.15) as notes say it, "infection" left out:
  // "Hx latent TB, treated" is no history of tuberculosis disease (Z86.11) nor a latent TB now (Z22.7).
  ['history latent tuberculosis', 'Z8615'],
  // "Polyp > nasal" (J33.9) as notes name it in the plural: "chronic rhinosinusitis with nasal polyposis".
  ['nasal polyposis', 'J339'], ['sinonasal polyposis', 'J339'],
  // "Vaginitis > atrophic, postmenopausal" (N95.2) as notes say it: atrophic vaginitis is the postmenopausal one
  // (the tabular's "Senile (atrophic) vaginitis"), not the acute vaginitis NOS (N76.0) its first word reads.
  ['atrophic vaginitis', 'N952'], ['vaginal atrophy', 'N952'], ['atrophic vaginal mucosa', 'N952'],
  // A lesion on the outside of the nose is a skin lesion ("Lesion > skin" L98.9), not the Index's "Lesion > nose (internal)" (J34.89).
  ...['ala', 'tip', 'bridge', 'dorsum', 'sidewall'].map((part): [string, string] => [`lesion nasal ${part}`, 'L989']),
  // "Pre-eclampsia > mild / moderate" (O14.0-) as ACOG now names it: "preeclampsia without severe features".
  ['preeclampsia without severe features', 'O1400'], ['pre eclampsia without severe features', 'O1400'],
  // "Elevated > blood pressure > reading (incidental) (isolated) (nonspecific), no diagnosis of
  // hypertension" (R03.0) as notes say it, "reading" left out; beside a hypertension it is part of it.
  ['elevated blood pressure', 'R030'], ['high blood pressure reading', 'R030'],
  // "Immunization > encounter for" (Z23) as notes say it: a vaccine needed or given at the visit.
  ['need vaccination', 'Z23'], ['need immunization', 'Z23'], ['vaccine administered', 'Z23'], ['vaccination administered', 'Z23'], ['vaccine given', 'Z23'], ['shot given', 'Z23'],
  // A vaccine given under its own name: "Tdap given", "PCV20 administered today".
  ...VACCINE_NAMES.flatMap((name): Array<[string, string]> => [[`${name} given`, 'Z23'], [`${name} administered`, 'Z23']]),
  // "Elevated > liver function > test > hepatic enzyme" (R74.8) and "> test" (R79.89) as notes say them.
  ['elevated liver enzymes', 'R748'], ['elevated hepatic enzymes', 'R748'], ['abnormal liver enzymes', 'R748'], ['elevated lfts', 'R7989'], ['abnormal lfts', 'R7989'],
  // An INR is the prothrombin time's ratio: "supratherapeutic INR" is "Prolonged > prothrombin time" (R79.1).
  ['supratherapeutic inr', 'R791'], ['elevated inr', 'R791'], ['prolonged inr', 'R791'],
  // "Pain > pleura, pleural, pleuritic" (R07.81) as notes say it: "pleuritic chest pain" is pleurodynia, not chest pain NOS.
  ['pleuritic pain', 'R0781'], ['pleuritic chest pain', 'R0781'],
  // "Elevated > prostate specific antigen [PSA]" (R97.20) as notes say it.
  ['elevated psa', 'R9720'], ['rising psa', 'R9720'],
  // "Micturition > poor stream" (R39.12) as notes say it.
  ['weak stream', 'R3912'], ['weak urinary stream', 'R3912'],
  // "Dependence > oxygen (long-term) (supplemental)" (Z99.81) as notes say it: the patient is on home oxygen.
  ['home oxygen', 'Z9981'], ['home o2', 'Z9981'], ['o2 dependence', 'Z9981'], ['oxygen dependent', 'Z9981'],
  // "Exposure > second hand tobacco smoke" (Z77.22) written as one word.
  ['secondhand smoke', 'Z7722'],
  // "Purpura > immune thrombocytopenic" (D69.3) as notes say it, by the platelets rather than the purpura.
  ['immune thrombocytopenia', 'D693'],
  // "Gait abnormality > unsteadiness" and "Unsteadiness on feet" (R26.81) as notes say it.
  ['unsteady gait', 'R2681'], ['gait unsteadiness', 'R2681'], ['unsteady on feet', 'R2681'],
  // "Counseling > tobacco use" (Z71.6) as notes say it.
  ['smoking cessation counseling', 'Z716'], ['tobacco cessation counseling', 'Z716'], ['counseled smoking cessation', 'Z716'], ['counseled quit smoking', 'Z716'],
  // "Hypertriglyceridemia, essential" and "Hyperglyceridemia" (E78.1), as notes say it without "essential".
  ['hypertriglyceridemia', 'E781'],
];

/**
 * Everyday words in notes that are also bare Index main terms ("Fit R56.9", "Stress F43.9", "Old
 * (previous) [myocardial infarction] I25.2", "May (-Hegglin)"): alone, or through a "see also", they
 * would code prose ("fit is good", "stress test", "in May 2000"). They still count with a qualifier.
 */
export const ORDINARY_WORDS = new Set([
  'abnormal', 'adherent', 'admission', 'contact', 'surveillance', 'neonatal', 'twin', 'triplet', 'gestation', 'fold', 'septum', 'pes', 'tubercle',
  'mole', 'clot', 'sinus', 'sensitive', 'blind', 'unequal length', 'change', 'complaint', 'condition', 'child', 'cut',
  'may', 'old', 'fit', 'stress', 'cold', 'heat', 'gas', 'sick', 'toxic', 'tag', 'reflex', 'frozen', 'corn', 'donor', 'death', 'hunger', 'famine',
  'nerves', 'fox', 'kelly', 'klein', 'robin', 'collet', 'brash', 'bends', 'chokes', 'tramp', 'hobo', 'moron', 'arc', 'pat', 'tad', 'tac', 'ist',
  'decline', 'periods', 'consumption', 'concern', 'worried', 'encounter', 'examination', 'transient',
  // "LUE 2/5": the left upper extremity, not lues (A53.9).
  'lue',
  // "Allergic rhinitis due to dust mite": the allergen, not an infestation (B88.9).
  'mite',
  // "Sicca symptoms", "menopausal symptoms": the symptoms of what is named, not "Symptoms NEC" (R68.89).
  'symptoms nec',
]);

const SPINE_REGIONS = ['cervical', 'cervicothoracic', 'thoracic', 'thoracolumbar', 'lumbar', 'lumbosacral', 'sacrococcygeal'];
/** "cervical, cervicothoracic": a list of spine regions is either of them. */
const REGION_LIST = new RegExp(`^(${SPINE_REGIONS.join('|')})(, (${SPINE_REGIONS.join('|')}))+$`, 'i');

/**
 * Index subterms that list words any one of which a note says: "puerperal, postpartum, childbirth"
 * (one time after a birth), "abscess, perforation" (Diverticulitis > large > with > abscess, perforation,
 * K57.20), "postherpetic, postzoster". Most comma subterms are inversions whose words all count
 * ("fixation, internal", "neonatal, transitory"), so only these sets.
 */
const EITHER_WORDS: readonly string[] = ['puerperal|postpartum|childbirth|gestational|obstetric|obstetrical', 'abscess|perforation|peritonitis', 'postherpetic|postzoster'];
const EITHER_LISTS = EITHER_WORDS.map((w) => new RegExp(`^(${w})(, (${w}))+$`, 'i'));

/**
 * Qualifiers the Index spells out and notes leave unsaid, because the word they qualify already means
 * them: chemotherapy in ICD-10-CM is antineoplastic ("Chemotherapy (session) (for) … Z51.11"), a drug
 * given for cancer, so "anemia due to chemotherapy" is D64.81 and "neutropenia secondary to
 * chemotherapy" D70.1 (the Index: "due to cytoreductive cancer chemotherapy", "drug-induced").
 * A bone's "lower end" or "distal end" is what a note calls its distal part ("distal radius fracture").
 */
export const UNSAID_QUALIFIERS: ReadonlyArray<[string, string]> = [
  ['chemotherapy', 'antineoplastic cytoreductive cancer drug induced'],
  ...['distal', 'proximal', 'lower', 'upper'].map((w): [string, string] => [w, 'end']),
  // "Medication noncompliance" is the Index's "noncompliance with medication regimen".
  ...['medication', 'dietary', 'diet'].map((w): [string, string] => [w, 'regimen']),
  // A caries "into dentin" is the Index's "penetrating into dentin" (K02.52, K02.62); a pit and fissure is a surface.
  ['dentin', 'penetrating'], ['pulp', 'penetrating'], ['fissure', 'surface'],
  // A trochanter is the femur's: "intertrochanteric hip fracture" is "Fracture, femur, intertrochanteric".
  ...['intertrochanteric', 'subtrochanteric', 'pertrochanteric', 'trochanteric'].map((w): [string, string] => [w, 'femur']),
  // A fracture is traumatic unless the note says otherwise (the Index's main term is "Fracture,
  // traumatic"): "history of ankle fracture" is "History > personal > fracture > traumatic" (Z87.81).
  ['fracture', 'traumatic'],
  // A strain is a muscle's or tendon's injury ("Strain > muscle (tendon) — see Injury, muscle, by site,
  // strain"): "strain of the rotator cuff" is "Injury > rotator cuff > strain" (S46.01-).
  ['strain', 'injury muscle tendon'],
  // A malleolus is the ankle's ("Fracture, traumatic > ankle > lateral malleolus only", S82.6-).
  ['malleolus', 'ankle'],
  // A shoulder dislocation is the humerus's ("Dislocation > shoulder > humerus > anterior", S43.01-):
  // "anterior dislocation R shoulder".
  ['shoulder', 'humerus'],
  // "Fracture, traumatic > metatarsal bone > fifth": notes say "5th metatarsal".
  ['metatarsal', 'bone'], ['metacarpal', 'bone'],
  // A condition "in pregnancy" is the Index's "Pregnancy > complicated by > …" (UTI in pregnancy O23.4-).
  ['pregnancy', 'complicated complicating'],
  // A stent is an intravascular implant ("Presence > intravascular implant > coronary artery" Z95.5).
  ['implant', 'intravascular'],
  // Gout at a site is the idiopathic kind unless the note names another ("Gout > idiopathic > knee" M10.06-).
  ['gout', 'idiopathic'],
  // The Index's "foot joint" and "hand joint" are the foot and the hand notes name ("gout, L 1st MTP", M10.07-).
  ['foot', 'joint'], ['hand', 'joint'],
  // A catheter is the Index's device ("Infection > due to > device, implant or graft > catheter NEC > urinary" T83.518).
  ['catheter', 'device implant graft'],
  // A pacemaker is the heart's ("Status > pacemaker > cardiac" Z95.0).
  ['pacemaker', 'cardiac'],
  // A previous cesarean's incision is its scar ("Delivery > cesarean > previous > … > low transverse scar" O34.211).
  ['transverse', 'scar'], ['vertical', 'scar'],
  // An opiate taken long term is an analgesic ("Long-term > opiate analgesic" Z79.891).
  ['opiate', 'analgesic'],
  // Aftercare is what follows a surgery ("Aftercare > following surgery > joint replacement" Z47.1),
  // and an arthroplasty (the Index's replacement) is a joint's: "aftercare following right TKA".
  ['aftercare', 'following surgery'], ['replacement', 'joint'],
  // Anaphylaxis is the Index's anaphylactic shock ("Shock > anaphylactic > due to food > peanuts" T78.01),
  // and a food the note names is the line's food: "anaphylaxis due to peanuts", "anaphylaxis to shellfish".
  ['anaphylactic', 'shock'],
  ...['peanut', 'nut', 'egg', 'milk', 'fruit', 'vegetable', 'seed', 'additive', 'fish'].map((w): [string, string] => [w, 'food']),
  ['shellfish', 'food fish'],
  // A contrast allergy is to the radiographic contrast media ("History > personal > allergy > contrast media" Z91.041).
  ['contrast', 'media'],
  // Pain in a phantom limb is the Index's "Phantom limb syndrome > with pain" (G54.6), not the limb's pain.
  ['phantom', 'syndrome'],
  // Venous hypertension is idiopathic unless the note names its cause ("Hypertension > venous (chronic) > idiopathic" I87.30-).
  ['venous', 'idiopathic'],
  // A gastric bypass is for obesity ("Status > gastric bypass for obesity" Z98.84).
  ['bypass', 'obesity'],
  // A routine postpartum check is its follow-up ("Examination > postpartum > routine follow-up" Z39.2).
  ['routine', 'follow up'],
  // A child's language or speech delay is developmental ("Delay > development > language" F80.9).
  ['language', 'development'], ['speech', 'development'],
  // An incisional or organ-space surgical site infection is the postoperative wound's.
  ['incision', 'postoperative wound'],
  // A Pap smear and its ASC-US or squamous lesion are the cervix's unless the note names another site
  // ("Abnormal > Papanicolaou (smear) > cervix" R87.619, "ASC-US > cervix" R87.610), and an HPV test the
  // cervix's DNA test ("Human papillomavirus > DNA test positive > high risk > cervix" R87.810).
  ['papanicolaou', 'cervix'], ['asc', 'cervix'], ['lgsil', 'cervix'], ['hgsil', 'cervix'], ['papillomavirus', 'dna test cervix'],
  // A fibroid is the uterus's unless the note names another site ("Leiomyoma > uterus > intramural" D25.1).
  ['leiomyoma', 'uterus'],
  // A perineal laceration by its degree is the delivery's ("Laceration > perineum > female > during delivery > first degree" O70.0).
  ['degree', 'during delivery female'],
  // What the fetus shows is the pregnancy's complication ("Pregnancy > complicated by > decreased fetal movement" O36.81-).
  ['fetal', 'pregnancy'],
  // An asymptomatic HIV infection is the Index's "asymptomatic status" (Z21), not HIV disease (B20).
  ['asymptomatic', 'status'],
  // A colon polyp is a benign neoplasm ("History > personal > benign neoplasm > colon polyps" Z86.010-).
  ['polyp', 'benign'],
  // A lung nodule is solitary unless the note says multiple ("Nodule > lung, solitary" R91.1; "> multiple" R91.8).
  ['nodule', 'solitary'],
  // "Coronary" is the coronary artery ("Status > angioplasty > coronary artery" Z98.61 is "s/p coronary angioplasty"),
  // and an infarct's named artery is the one it involves ("RCA STEMI" is "Infarct > ST elevation > involving > right coronary artery" I21.11).
  ['coronary', 'artery involving'],
  // A note's "disc" is the intervertebral disc ("disc herniation at L5-S1"), its "lumbar" the lumbar region.
  ['disc', 'intervertebral'],
  // A fracture in osteoporosis is its pathological fracture (guideline I.C.13.d.1): "osteoporosis with
  // compression fracture of L1" is "Osteoporosis > age-related > with current pathologic fracture > vertebra".
  ['osteoporosis', 'current pathologic'],
  // "Elevated transaminases" is the Index's "Elevated > transaminase level" (R74.01).
  ['transaminase', 'level'],
  // A meibomian gland is the eyelid's ("Dysfunction > meibomian gland, of eyelid" H02.88-).
  ['meibomian', 'eyelid'],
  // An ankle or a calf is the lower limb's ("Ulcer > lower limb > ankle" L97.30-).
  ['ankle', 'lower limb'], ['calf', 'lower limb'],
  // A leg is an extremity ("Arteriosclerosis > extremities > leg > left > with > rest pain" I70.222).
  ['leg', 'extremities'],
  ...SPINE_REGIONS.map((w): [string, string] => [w, 'region']),
];

/**
 * Default kinds the Index lists under a general term that notes name instead of it: "Infection > due to >
 * device, implant or graft > catheter NEC" (T85.79, the device's own code) is read as the catheter, the
 * device unsaid (above), never as any device at all.
 */
export const NAMED_KINDS: readonly string[] = ['catheter'];

/** Adjectives whose look-alike noun means something else. */
export const ADJECTIVE_EXCEPTIONS = new Set(['septic', 'congenital', 'internal', 'external', 'spontaneous', 'clinical', 'venereal', 'cereal']);

/** Drops parenthesised and bracketed text, innermost first ("(except toe(s) alone)" leaves nothing). */
export function stripParens(s: string): string {
  let out = s;
  for (let prev = ''; prev !== out; ) {
    prev = out;
    out = out.replace(/\([^()]*\)/g, ' ').replace(/\[[^[\]]*\]/g, ' ');
  }
  return out;
}

/**
 * The words of an Index line's nonessential-modifier field that are not in parentheses belong to the
 * term ("Alder" + "(-Reilly) anomaly or syndrome"; read alone, "May" the month was May-Hegglin D72.0).
 * undefined for a line whose term lost a glued fragment ("Cancer" + "(o)" is Cancer(o)phobia F45.29):
 * such a line cannot be read.
 */
export function essentialRest(nemod: string | null): string | undefined {
  if (!nemod) return '';
  if (/^\((?!e?s\))[a-z]{1,2}\)/.test(nemod.trim())) return undefined;
  return stripParens(nemod).replace(/\s+/g, ' ').trim();
}

/**
 * "Neoplasm related pain" (G89.3), "neoplasm-related fatigue" (R53.0), the title's "Neoplastic
 * (malignant) related fatigue": "neoplasm" is a stop word, so the cancer is read as notes say it; else
 * "pain - related to osteoarthritis" reads as G89.3 and "MS-related fatigue" as R53.0.
 */
const NEOPLASM_RELATED = /\bneoplas(?:m|tic)(?:\s*\(malignant\))?[- ]related\b/gi;

/**
 * An eponym whose name is a stop word ("Hers' disease" E74.09, "Disease > His" A79.0): left with its
 * other words alone ("disease"), the line would read every disease, so the name stays a word no
 * note's token is. Where other words remain ("bundle of His") they read as before.
 */
const EPONYM = /\b([A-Z][a-z]+)(?:'s|')(?=\W|$)|\b(His|Hers?)\b/g;

export function contentWords(phrase: string, norm: Normalizer): string[] {
  const out: string[] = [];
  let eponym: string | undefined;
  for (const w of phraseWords(stripParens(phrase.replace(NEOPLASM_RELATED, 'malignancy related')), norm)) {
    if (STOP.has(w) && !KEEP_SHORT.has(w)) continue;
    if (w.length < 2 && !KEEP_SHORT.has(w)) continue;
    if (!out.includes(w)) out.push(w);
  }
  if (out.length <= 1) {
    for (const m of phrase.matchAll(EPONYM)) {
      const w = norm((m[1] ?? m[2]!).toLowerCase());
      if (STOP.has(w) && !KEEP_SHORT.has(w)) eponym ??= w;
    }
    if (eponym) out.push(`~${eponym}`);
  }
  return out;
}

const MAX_ALTERNATIVES = 6;

/**
 * The phrasings one Index segment with "or" stands for. The alternatives are single words (or a
 * comma list of them) that share the words around them: "Angiospastic disease or edema" is
 * angiospastic disease / angiospastic edema, "atrial or auricular fibrillation" keeps "fibrillation"
 * in both, "bowel, colon or intestine" is three words. Read as whole halves, "edema" alone would
 * have become I73.9 and "syndrome" alone L51.1.
 */
export function alternatives(segment: string, mainTerm = false): string[] {
  const plain = stripParens(segment).replace(/\s+/g, ' ').trim();
  // "Dementia > Alzheimer's type": notes say "Alzheimer's dementia", without the "type".
  const eponymType = /^([A-Z][\w-]*'s) type$/.exec(plain);
  if (eponymType) return [segment, eponymType[1]!];
  if (REGION_LIST.test(plain) || EITHER_LISTS.some((re) => re.test(plain))) return plain.split(', ');
  const at = plain.search(/ or /i);
  if (at < 0) return [segment];
  let left = plain.slice(0, at);
  const right = plain.slice(at + 4);
  // In a main term one comma inverts ("Landry-Guillain-Barré, syndrome or paralysis"): what precedes it is
  // shared. Two or more make a list ("Klippel-Feil deficiency, disease, or syndrome", "Poison ivy, oak,
  // sumac or other plant dermatitis").
  let head = '';
  const inverted = mainTerm && left.split(',').length === 2 ? left.indexOf(',') : -1;
  if (inverted >= 0) {
    head = left.slice(0, inverted).trim();
    left = left.slice(inverted + 1).trim();
  }
  const comma = left.lastIndexOf(',');
  let prefix: string;
  let listed: string[];
  if (comma >= 0) {
    // "sedative, hypnotic or anxiolytic": the comma list shares what came before its first item.
    const items = left.split(',').map((s) => s.trim());
    const firstWords = items[0]!.split(' ');
    prefix = firstWords.slice(0, -1).join(' ');
    listed = [firstWords[firstWords.length - 1]!, ...items.slice(1)];
  } else {
    const words = left.split(' ');
    prefix = words.slice(0, -1).join(' ');
    listed = [words[words.length - 1]!];
  }
  prefix = [head, prefix].filter(Boolean).join(' ');
  // A list of kinds "or other" kind shares the noun after that kind: "ivy, oak, sumac or other plant dermatitis".
  const rightWords = right.split(' ');
  const lastAlt = rightWords.slice(0, listed.length > 1 && /^other$/i.test(rightWords[0]!) ? 2 : 1).join(' ');
  const suffix = rightWords.slice(lastAlt.split(' ').length).join(' ');
  const out: string[] = [];
  for (const alt of [...listed, lastAlt]) {
    if (!alt) continue;
    // A second "or" later in the segment ("artificial or mechanical device or prosthesis") splits again.
    for (const v of alternatives([prefix, alt, suffix].filter(Boolean).join(' '))) if (out.length < MAX_ALTERNATIVES && !out.includes(v)) out.push(v);
  }
  return out.length > 0 ? out : [segment];
}

/**
 * Terms like "Diabetes, diabetic" (or the subterm "pleura, pleurisy, pleuritic") list word forms of
 * one thing, any of which will do; "Failure, heart" is a phrase.
 */
export function mainTermAliases(term: string, aliases: Map<string, string>): string {
  const parts = wordForms(term);
  if (!parts) return term;
  for (const p of parts.slice(1)) if (!aliases.has(p) && p !== parts[0]) aliases.set(p, parts[0]!);
  return parts[0]!;
}

/** The forms a term lists ("pelvis, pelvic"), lower case, or undefined when it is a phrase ("Failure, heart"). */
function wordForms(term: string): string[] | undefined {
  const parts = term.split(/,\s*/).map((p) => p.trim().toLowerCase());
  // Same first four letters, or three when one form is short ("femur, femoral").
  const sameStem = (p: string): boolean => p.slice(0, 4) === parts[0]!.slice(0, 4) || (p.slice(0, 3) === parts[0]!.slice(0, 3) && Math.min(p.length, parts[0]!.length) <= 5);
  return parts.length > 1 && parts.every((p) => !p.includes(' ') && sameStem(p)) ? parts : undefined;
}

/**
 * Forms a subterm's adjective does not share: "cervical" is as often the neck's ("cervical stenosis" is
 * the spine's), so "Stenosis > cervix, cervical" reads only as the cervix.
 */
const FORMS_WITH_OTHER_SENSES: ReadonlySet<string> = new Set(['cervical']);

/**
 * A subterm listing its word forms ("Disease > pelvis, pelvic > inflammatory") as alternatives any one
 * of which a note may say ("pelvis or pelvic"): "pelvic inflammatory disease". Unlike a main term's,
 * they are no aliases for the whole Index.
 */
export function subtermForms(segment: string): string {
  const parts = wordForms(segment)?.filter((p, i) => i === 0 || !FORMS_WITH_OTHER_SENSES.has(p));
  return parts ? [...new Set(parts)].join(' or ') : segment;
}
