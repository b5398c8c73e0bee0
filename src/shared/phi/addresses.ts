// Street addresses and the parts of an address below the state (city, ZIP). The state itself is
// allowed by Safe Harbor and stays, so "Cambridge, MA 02138" reads "[ADDRESS], MA [ADDRESS]".
import type { Detection } from './types';

const SUFFIXES = [
  'Street', 'St', 'Avenue', 'Ave', 'Av', 'Road', 'Rd', 'Boulevard', 'Blvd', 'Lane', 'Ln', 'Drive', 'Dr', 'Court', 'Ct',
  'Way', 'Place', 'Pl', 'Terrace', 'Ter', 'Circle', 'Cir', 'Parkway', 'Pkwy', 'Highway', 'Hwy', 'Square', 'Sq',
  'Trail', 'Trl', 'Crossing', 'Xing', 'Alley', 'Aly', 'Row', 'Path', 'Pike', 'Turnpike', 'Tpke', 'Expressway',
  'Expy', 'Freeway', 'Fwy', 'Trafficway', 'Trfy', 'Skyway', 'Plaza', 'Plz', 'Loop', 'Run', 'Walk', 'Heights',
  'Hts', 'Crescent', 'Cres', 'Close', 'Gardens', 'Gdns', 'Point', 'Pt', 'Ridge', 'Rdg', 'Route', 'Rte',
  'Junction', 'Jct', 'Landing', 'Lndg', 'Estates', 'Manor', 'Meadows', 'Commons', 'Green', 'Glen', 'Grove', 'Hill',
  'Hollow', 'Park', 'Station', 'Stravenue', 'Throughway', 'View', 'Village', 'Vista',
];
// Full words may also be upper-case; two-letter abbreviations only in mixed case, because upper-case
// "ST", "CT" and "DR" are ST segments, CT scans and diabetic retinopathy.
const SUFFIX = SUFFIXES.flatMap((s) => (s.length > 3 ? [s, s.toUpperCase()] : [s])).join('|');

const STREET = new RegExp(
  String.raw`(?<![\w.,/-])\d{1,6}[A-Za-z]?(?:[ \t](?:[NSEW]|North|South|East|West|NORTH|SOUTH|EAST|WEST)\.?)?(?:[ \t][A-Z][A-Za-z0-9'’.-]{0,30}){1,4}[ \t](?:${SUFFIX})\.?(?![A-Za-z])(?:,?[ \t](?:Apt|Apartment|Suite|Ste|Unit|APT|SUITE|UNIT|#)\.?[ \t]?#?[A-Za-z0-9-]{1,8})?`,
  'g',
);
const PO_BOX = /\b(?:P\.?\s?O\.?\s?Box|POB|Post Office Box)\s{1,2}\d{1,8}\b/gi;

const STATE_CODES = 'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|PR|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY';
const STATE_NAMES = [
  'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'Florida', 'Georgia',
  'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine', 'Maryland',
  'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska', 'Nevada',
  'New Hampshire', 'New Jersey', 'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Ohio', 'Oklahoma',
  'Oregon', 'Pennsylvania', 'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee', 'Texas', 'Utah',
  'Vermont', 'Virginia', 'Washington', 'West Virginia', 'Wisconsin', 'Wyoming', 'Puerto Rico',
].join('|');

const CITY = String.raw`[A-Z][A-Za-z'’.-]{1,30}(?:[ \t][A-Z][A-Za-z'’.-]{1,30}){0,3}`;
// "Cambridge, MA 02138" and "Cambridge, Massachusetts 02138": the city and the ZIP go.
const CITY_STATE_ZIP = new RegExp(String.raw`(?<![\p{L}])(${CITY}),?[ \t]{1,2}(?:${STATE_CODES}|${STATE_NAMES})\.?,?[ \t]{1,2}(\d{5}(?:-\d{4})?)(?!\d)`, 'gu');
// "Bellingham, Massachusetts" without a ZIP: only with a full state name, since "Smith, MD" or "Jones, PA" are credentials.
const CITY_STATE_NAME = new RegExp(String.raw`(?<![\p{L}])(${CITY}),[ \t]{1,2}(?:${STATE_NAMES})(?![\p{L}])`, 'gu');
const LABELLED_ZIP = /\b(?:zip|zip code|postal code)\s{0,2}[:#]?\s{0,2}(\d{5}(?:-\d{4})?)(?!\d)/gi;

const NOT_CITY = new Set(['The', 'In', 'At', 'From', 'To', 'Of', 'Lives', 'Born', 'Resides', 'Patient', 'Moved', 'Near']);

function pushCity(m: RegExpExecArray, out: Detection[]): void {
  const city = m[1]!;
  let start = m.index;
  let value = city;
  // "Lives in Boston, MA": the regex may have taken leading non-city words.
  for (const word of city.split(/[ \t]/)) {
    if (!NOT_CITY.has(word)) break;
    start += word.length + 1;
    value = value.slice(word.length + 1);
  }
  if (value.length > 0) out.push({ kind: 'address', start, end: start + value.length });
}

export function findAddresses(text: string): Detection[] {
  const out: Detection[] = [];
  let m: RegExpExecArray | null;
  for (const re of [STREET, PO_BOX]) {
    re.lastIndex = 0;
    while ((m = re.exec(text)) !== null) out.push({ kind: 'address', start: m.index, end: m.index + m[0].length });
  }
  CITY_STATE_ZIP.lastIndex = 0;
  while ((m = CITY_STATE_ZIP.exec(text)) !== null) {
    pushCity(m, out);
    const zip = m[2]!;
    const zipStart = m.index + m[0].length - zip.length;
    out.push({ kind: 'address', start: zipStart, end: zipStart + zip.length });
  }
  CITY_STATE_NAME.lastIndex = 0;
  while ((m = CITY_STATE_NAME.exec(text)) !== null) pushCity(m, out);
  LABELLED_ZIP.lastIndex = 0;
  while ((m = LABELLED_ZIP.exec(text)) !== null) {
    const start = m.index + m[0].length - m[1]!.length;
    out.push({ kind: 'address', start, end: start + m[1]!.length });
  }
  return out;
}
