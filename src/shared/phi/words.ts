// Word lists the name detectors consult. Kept apart so the rules in names.ts stay readable.

/** Titles and credentials: never part of the name itself. */
export const TITLES = new Set([
  'dr', 'mr', 'mrs', 'ms', 'miss', 'mx', 'prof', 'sr', 'jr', 'ii', 'iii', 'iv', 'md', 'do', 'phd', 'rn', 'np', 'pa',
  'dds', 'dmd', 'mba', 'mph', 'lpn', 'aprn', 'crnp', 'facp', 'facc',
]);

/**
 * Names that are also everyday or clinical words. A known name equal to one of these is removed only
 * next to another name word ("Hope Murray856"), never on its own ("Hope to see improvement").
 */
export const COMMON_WORDS = new Set([
  'will', 'may', 'june', 'april', 'august', 'hope', 'faith', 'grace', 'joy', 'dawn', 'rose', 'lily', 'iris', 'ivy',
  'bill', 'mark', 'pat', 'sue', 'don', 'art', 'guy', 'chase', 'case', 'long', 'young', 'brown', 'white', 'black',
  'green', 'gray', 'grey', 'bell', 'hall', 'king', 'wood', 'mills', 'banks', 'rich', 'page', 'lane', 'price', 'rice',
  'ward', 'frank', 'major', 'summer', 'amber', 'crystal', 'ruby', 'pearl', 'sunny', 'early', 'cash', 'love', 'hill',
  'stone', 'field', 'ray', 'max', 'cole', 'bass', 'fish', 'fox', 'wolf', 'day', 'north', 'south', 'east', 'west',
  'patient', 'doctor', 'nurse', 'family', 'care', 'health', 'medical', 'center', 'clinic', 'hospital', 'practice',
  'general', 'street', 'the', 'and', 'for', 'with', 'baby', 'boy', 'girl', 'son', 'daughter', 'mother', 'father',
  'plan', 'history', 'note', 'exam', 'review', 'normal', 'acute', 'chronic', 'stable', 'good', 'well', 'none',
  'head', 'back', 'hand', 'foot', 'heart', 'chest', 'lung', 'liver', 'kidney', 'blood', 'pain', 'cough', 'fever',
  'drug', 'dose', 'daily', 'oral', 'tablet', 'unit', 'units', 'sugar', 'salt', 'iron', 'gold', 'silver', 'lead',
  'english', 'spanish', 'white', 'asian', 'hispanic', 'latino', 'american', 'indian', 'native', 'african',
  'christian', 'mercy', 'hope', 'trinity', 'providence', 'st', 'saint', 'mount', 'baptist', 'memorial', 'regional',
  'january', 'february', 'march', 'july', 'september', 'october', 'november', 'december', 'monday', 'tuesday',
  'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'christmas', 'easter', 'spring', 'autumn', 'fall', 'winter',
]);

/**
 * Eponyms in diagnoses. A known name equal to one of these is kept when a disease word follows, so a
 * patient called Wilson does not erase "Wilson disease" from a note that must be coded.
 */
export const EPONYMS = new Set([
  'addison', 'alzheimer', 'barrett', 'bell', 'bright', 'burkitt', 'chagas', 'charcot', 'conn', 'crohn', 'cushing',
  'down', 'dupuytren', 'ewing', 'fabry', 'gaucher', 'graves', 'guillain', 'barre', 'hashimoto', 'hodgkin',
  'huntington', 'kaposi', 'kawasaki', 'lyme', 'marfan', 'meniere', 'paget', 'parkinson', 'peyronie', 'pick',
  'raynaud', 'reiter', 'still', 'tourette', 'turner', 'wegener', 'wernicke', 'korsakoff', 'whipple', 'wilson',
  'wilms', 'hirschsprung', 'klinefelter', 'sjogren', 'sjögren', 'behcet', 'kussmaul', 'babinski', 'murphy',
  'homans', 'brown', 'fallot', 'colles', 'smith', 'barton', 'bennett', 'monteggia', 'galeazzi', 'jones', 'baker',
  'morton', 'heberden', 'bouchard', 'osgood', 'schlatter', 'legg', 'perthes', 'scheuermann', 'zenker', 'meckel',
  'mallory', 'weiss', 'boerhaave', 'budd', 'chiari', 'dubin', 'johnson', 'stevens', 'gilbert', 'crigler', 'najjar',
  'gleason', 'koch', 'fisher', 'mayer', 'rokitansky', 'kuster', 'hauser', 'apgar', 'glasgow', 'breslow', 'clark',
  'pugh', 'ranson', 'wells', 'killip', 'forrest', 'hunt', 'hess', 'fontaine', 'rutherford', 'charcot',
  'tooth', 'lewy', 'tay', 'sachs', 'niemann', 'ehlers', 'danlos', 'prader', 'willi', 'angelman', 'rett', 'fanconi',
  'graham', 'steell', 'austin', 'flint', 'duke', 'hamman', 'trendelenburg', 'lachman', 'mcmurray', 'phalen', 'tinel',
  'finkelstein', 'spurling', 'romberg', 'brudzinski', 'kernig', 'cullen', 'grey', 'turner', 'virchow',
  'kehr', 'boas', 'rovsing', 'mcburney', 'blumberg', 'courvoisier', 'trousseau', 'chvostek',
]);

// An eponym followed by a disease word, or by a grade or score ("Gleason 3+3", "Gleason VII", "Killip II").
export const DISEASE_WORDS = /^(?:(?:'s|’s|s)?[\s-]{1,2}(?:disease|syndrome|palsy|sarcoma|lymphoma|esophagus|ulcer|tumou?r|fracture|sign|phenomenon|thyroiditis|encephalopathy|contracture|cyst|node|reflex|anomaly|tetralogy|diverticulum|tear|triad|criteria|score|test|maneuver|manoeuvre|classification|scale|type|grade|pattern|bacill\w*|procedure|operation|repair|block|staging|class|level|stage|point|murmur|nodes?|spots?|ring|law|dementia|body|bodies|mole|sum)\b|[\s-]{1,2}(?:\d|[IVX]{1,4}\b))/i;

/** Words that end a run of capitalised name words after a title ("Dr. Smith Reports …"). */
export const NOT_NAME_WORDS = new Set([
  'reports', 'states', 'denies', 'notes', 'says', 'said', 'is', 'was', 'has', 'had', 'and', 'or', 'the', 'a', 'an',
  'at', 'in', 'on', 'of', 'for', 'to', 'from', 'with', 'by', 'recommends', 'recommended', 'ordered', 'agrees',
  'presents', 'returns', 'comes', 'today', 'here', 'who', 'she', 'he', 'they', 'will', 'would', 'should', 'please',
  'follow', 'followup', 'plan', 'assessment', 'history', 'exam', 'patient', 'pt', 'md', 'do', 'phd', 'np', 'pa', 'rn',
  'office', 'clinic', 'hospital', 'cardiology', 'oncology', 'neurology', 'surgery', 'department', 'service',
  'team', 'group', 'center', 'practice', 'et', 'al',
  // Header labels that often follow a name on the same line ("Name: Jane Roe DOB: …").
  'dob', 'dos', 'mrn', 'mr', 'ssn', 'age', 'sex', 'gender', 'date', 'phone', 'tel', 'fax', 'email', 'address', 'acct',
  'account', 'id', 'room', 'bed', 'unit', 'admitted', 'discharged', 'visit', 'encounter', 'insurance', 'payer',
]);

/** Words that may open "X is a 50-year-old" without being a name. */
export const NOT_SUBJECT_WORDS = new Set([
  'patient', 'pt', 'she', 'he', 'this', 'the', 'client', 'resident', 'mother', 'father', 'sister', 'brother', 'son',
  'daughter', 'wife', 'husband', 'child', 'infant', 'baby', 'boy', 'girl', 'man', 'woman', 'female', 'male', 'who',
  'which', 'that', 'there', 'it', 'case', 'subject', 'proband', 'index', 'our', 'we', 'history', 'hpi', 'today',
  'currently', 'now', 'also', 'presently', 'then', 'here', 'veteran', 'gentleman', 'lady', 'they', 'individual',
]);
