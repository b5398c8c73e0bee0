// Transport accidents (V00–V59), read the way their titles are built: who the patient was (a pedestrian,
// a cyclist, a motorcyclist, a car's driver or passenger …), what they collided with (another car, a
// pick-up truck, a tree — or nothing: a rollover, a fall off a bicycle), and whether it happened in traffic.
// The note's story gives the three; the code is the one whose title says them, so no code is written here.
import type { CodeTable } from './code-table';

type Vehicle = 'foot' | 'bicycle' | 'ebike' | 'motorcycle' | 'car' | 'pickup' | 'heavy' | 'bus';
type Role = 'driver' | 'passenger' | 'unspecified';
type Counterpart = 'animal' | 'bicycle' | 'motorcycle' | 'car' | 'suv' | 'pickup' | 'van' | 'heavy' | 'train' | 'object' | 'motor';

/** How the titles name the patient, by vehicle and role. */
const VICTIM: Readonly<Record<Vehicle, readonly [driver: string, passenger: string, unspecified: string]>> = {
  foot: ['pedestrian on foot', 'pedestrian on foot', 'pedestrian on foot'],
  bicycle: ['pedal cycle driver', 'pedal cycle passenger', 'unspecified pedal cyclist'],
  ebike: ['electric (assisted) bicycle driver', 'electric (assisted) bicycle passenger', 'unspecified electric (assisted) bicycle rider'],
  motorcycle: ['other motorcycle driver', 'other motorcycle passenger', 'unspecified rider of other motorcycle'],
  car: ['car driver', 'car passenger', 'unspecified car occupant'],
  pickup: ['driver of pick-up truck or van', 'passenger in pick-up truck or van', 'unspecified occupant of pick-up truck or van'],
  heavy: ['driver of heavy transport vehicle', 'passenger in heavy transport vehicle', 'unspecified occupant of heavy transport vehicle'],
  bus: ['driver of bus', 'passenger on bus', 'unspecified occupant of bus'],
};
/** A car occupant's collision with a vehicle the note does not name has its own titles (V49.4-): "Driver injured …". */
const CAR_OCCUPANT_OF_UNNAMED: readonly [string, string, string] = ['driver', 'passenger', 'unspecified car occupant'];

/** How the titles name what was collided with, the most particular first. */
const COUNTERPART: Readonly<Record<Counterpart, readonly string[]>> = {
  animal: ['pedestrian or animal'],
  bicycle: ['other pedal cycle', 'pedal cycle'],
  motorcycle: ['two- or three-wheeled motor vehicle'],
  car: ['other type car', 'car, pick-up truck or van'],
  suv: ['sport utility vehicle', 'car, pick-up truck or van'],
  pickup: ['pick-up truck', 'car, pick-up truck or van'],
  van: ['van', 'car, pick-up truck or van'],
  heavy: ['heavy transport vehicle or bus'],
  train: ['railway train or railway vehicle'],
  object: ['fixed or stationary object'],
  motor: ['unspecified motor vehicles'],
};

/** The transport titles of a code set, "victim|counterpart|traffic" → category (V4352), read once per code set. */
const titlesOf = new WeakMap<CodeTable, Map<string, string>>();

const TITLE =
  /^(.*?) injured in (?:collision with (.*?)|(noncollision transport accident))(?: in (traffic|nontraffic) accident|, (unspecified) whether traffic or nontraffic accident), initial encounter$/;

function transportTitles(table: CodeTable): Map<string, string> {
  let out = titlesOf.get(table);
  if (out) return out;
  out = new Map();
  for (const r of table.byCode.values()) {
    if (!r.billable || !/^V[0-5]\d/.test(r.code) || !r.code.endsWith('A')) continue;
    const title = r.long_desc.toLowerCase().replace('car, pick-up or van', 'car, pick-up truck or van').replace('three wheeled', 'three-wheeled');
    const m = TITLE.exec(title);
    if (!m) continue;
    const key = `${m[1]}|${m[2] ?? 'noncollision'}|${m[4] ?? m[5]}`;
    if (!out.has(key)) out.set(key, r.code.slice(0, -1).replace(/X+$/, ''));
  }
  titlesOf.set(table, out);
  return out;
}

// The vehicles, as notes name them.
const CAR = String.raw`(?:car|sedan|coupe|hatchback|automobile|suv|sport utility vehicle|crossover|jeep)`;
const PICKUP = String.raw`(?:pick-?up(?: truck)?|truck|van|minivan)`;
const HEAVY = String.raw`(?:semi(?:-truck| truck|-trailer)?|tractor[- ]trailer|18[- ]wheeler|big rig|(?:box|dump|garbage|delivery|cement|commercial|tow|moving) truck)`;
const BUS = String.raw`(?:(?:school |city |transit )?bus)`;
const OWN = String.raw`(?:a|an|the|his|her|their|my)\s+(?:[a-z]+\s+){0,2}?`;

/** A sentence telling of a transport accident. */
const TRANSPORT = new RegExp(
  String.raw`\b(?:mvcs?|mvas?|motor vehicle (?:collision|crash|accident)|(?:car|auto|vehicle|traffic|motorcycle|bicycle|bike|moped|scooter) (?:accident|crash|collision|wreck)|(?:restrained|unrestrained|belted|unbelted|seat-?belted) (?:driver|passenger)|(?:front|rear|back)[- ]seat passenger|pedestrian|(?:struck|hit|run over|knocked down|clipped) by (?:a |an |the )?(?:[a-z]+ )?(?:car|vehicle|truck|suv|van|bus|motorcycle|pick-?up|sedan)|roll-?over|rolled (?:over|(?:the|his|her|their) (?:car|vehicle|truck|suv|jeep|van))|t-boned|rear-ended|(?:fell|falling|fall|thrown|ejected|flipped) (?:off|from|over) (?:a |an |the |his |her |their )?(?:[a-z]+ )?(?:bicycle|bike|motorcycle|moped|scooter|e-bike|handlebars)|over the handlebars|(?:riding|rode|operating) (?:a |an |the |his |her |their )?(?:[a-z]+ )?(?:bicycle|bike|motorcycle|motorbike|moped|e-bike|scooter)|crashed (?:his|her|their|the|a) (?:[a-z]+ )?(?:car|vehicle|bike|bicycle|motorcycle|truck)|(?:motorcycle|bicycle|bike) (?:vs\.?|versus|fall)|cyclist|bicyclist|motorcyclist)\b`,
  'i',
);
/** Bicycles that go nowhere, and off-road machines the V00–V59 titles do not cover. */
const NOT_ON_THE_ROAD = /\b(?:stationary|exercise|spin|dirt|pit|quad|atv|mountain-board)\s+(?:bike|bicycle)|\b(?:atv|all-terrain|snowmobile|dirt bike|golf cart|tractor(?![- ]trailer)|forklift|go-kart|motocross)\b/i;
/** Said of a past accident, not this injury's: "T8 paraplegia from a motor vehicle collision in 2009". */
const LONG_AGO = /\b(?:19|20)\d\d\b|\byears? ago\b|\bremote\b|\bhistory of\b/i;
const DENIED = /\b(?:no|not|denies|denied|without|never)\b[^.;:]{0,25}$/i;

/** Where a collision is not on a public road (otherwise it is assumed to be: the Chapter 20 definition of a traffic accident). */
const NONTRAFFIC = /\b(?:parking (?:lot|garage|deck|structure|ramp)|driveway|private (?:road|property|drive|lane)|off[- ]road|trail|farm|field|pasture|sidewalk|bike path|yard|park|campground|skate ?park)\b/i;

// The patient's own role, not the other car's driver ("struck by a drunk driver", "the driver side").
const DRIVER = /\b(?<!(?:other|another|drunk|impaired|at-fault|intoxicated|the other) )(?:driver|drove|driving)\b(?!'?s?[- ]side)/i;
const PASSENGER = /\b(?<!(?:his|her|their) )(?:passenger|(?:rear|back|front)[- ]seat|riding in)\b(?!'?s?[- ]side)/i;
const EBIKE = /\b(?:e-?bike|electric(?: assisted| \(assisted\))? (?:bicycle|bike))\b/i;
const MOTORCYCLE = /\b(?:motorcycl\w*|motorbike|moped|motor scooter)\b/i;
const BICYCLE = /\b(?:bicycle|bike|cyclist|bicyclist|biking|cycling)\b/i;
/** The cycle is what the patient was hit by, not what they rode: "struck by a motorcycle while crossing". */
const HIT_BY_MOTORCYCLE = new RegExp(String.raw`\b(?:struck|hit|by|vs\.?|versus|with)\s+${OWN}(?:motorcycle|motorbike|moped)`, 'i');
const HIT_BY_BICYCLE = /\b(?:struck|hit|by|vs\.?|versus|with) (?:a |an |the )?(?:bicycle|bike|cyclist|bicyclist)\b/i;
const ON_FOOT = /\bpedestrian\b|\b(?:walking|crossing|jogging|running|standing)\b/i;
/** An occupant's own vehicle, named after the role ("driver of a pickup", "passenger in a minivan", "driving his truck"). */
const OWN_VEHICLE = new RegExp(String.raw`\b(?:driver of|passenger (?:in|of|on)|driving|riding in|occupant of|in)\s+${OWN}(${HEAVY}|${BUS}|${PICKUP}|${CAR})\b`, 'i');
const OWN_KINDS: ReadonlyArray<[RegExp, Vehicle]> = [[new RegExp(`^${HEAVY}$`, 'i'), 'heavy'], [new RegExp(`^${BUS}$`, 'i'), 'bus'], [new RegExp(`^${PICKUP}$`, 'i'), 'pickup']];
/** A motor-vehicle accident said without the patient's role. */
const MOTOR_ACCIDENT = /\b(?:mvcs?|mvas?|motor vehicle|car (?:accident|crash|collision|wreck)|roll-?over|rolled over|t-boned|rear-ended)\b/i;

function victimOf(s: string): { vehicle: Vehicle; role: Role } | undefined {
  // A cyclist or motorcyclist who fell or crashed rode it: the titles' "driver", unless a passenger.
  const rider: Role = PASSENGER.test(s) ? 'passenger' : 'driver';
  if (EBIKE.test(s)) return { vehicle: 'ebike', role: rider };
  if (MOTORCYCLE.test(s) && !HIT_BY_MOTORCYCLE.test(s)) return { vehicle: 'motorcycle', role: rider };
  if (BICYCLE.test(s) && !HIT_BY_BICYCLE.test(s)) return { vehicle: 'bicycle', role: rider };
  const role: Role = PASSENGER.test(s) ? 'passenger' : DRIVER.test(s) ? 'driver' : 'unspecified';
  if (role === 'unspecified' && ON_FOOT.test(s)) return { vehicle: 'foot', role };
  if (role === 'unspecified' && !MOTOR_ACCIDENT.test(s)) return undefined;
  const own = OWN_VEHICLE.exec(s)?.[1];
  return { vehicle: (own && OWN_KINDS.find(([re]) => re.test(own))?.[1]) || 'car', role };
}

/** What the patient collided with: the thing named after "by", "with", "vs", "into" and the like. */
const COUNTERPARTS: ReadonlyArray<[Counterpart, string]> = [
  ['animal', String.raw`(?:deer|moose|elk|cow|horse|dog|animal|pedestrian)`],
  ['heavy', `(?:${HEAVY}|${BUS})`],
  ['train', String.raw`(?:train|railway \w+|trolley)`],
  ['motorcycle', String.raw`(?:motorcycl\w*|motorbike|moped|motor scooter)`],
  ['bicycle', String.raw`(?:bicycle|bike|cyclist|bicyclist)`],
  ['suv', String.raw`(?:suv|sport utility vehicle)`],
  ['van', String.raw`(?:van|minivan)`],
  ['pickup', String.raw`(?:pick-?up(?: truck)?|truck)`],
  ['car', String.raw`(?:car|sedan|coupe|hatchback|automobile|jeep)`],
  ['object', String.raw`(?:tree|(?:telephone |utility |light |power |street ?light )?pole|guard ?rail|barrier|median|(?:concrete |retaining |brick )?wall|bridge|abutment|overpass|fence|building|house|mailbox|sign(?:post)?|curb|parked (?:car|vehicle|truck)|boulder|rock)`],
  ['motor', String.raw`(?:vehicle|motorist|(?:drunk |impaired |other )?driver(?!'?s?[- ]side))`],
];
const AFTER = String.raw`\b(?:(?:by|with|vs\.?|versus|into|hit|struck|striking|against|rear-ended|t-boned|clipped|swerved to avoid)\s+(?:(?:a|an|the|another|other|oncoming|a second|an oncoming|the other|one|two)\s+)?|(?<!\b(?:no|any|without) )(?:another|other|the other|an oncoming|oncoming|a second)\s+)(?:[a-z-]+\s+){0,2}?`;
const COUNTERPART_SAID = COUNTERPARTS.map(([kind, noun]) => [kind, new RegExp(`${AFTER}${noun}s?\\b`, 'i')] as const);
/** A vehicle named anywhere in a pedestrian's story. */
const VEHICLE_NAMED = COUNTERPARTS.filter(([kind]) => kind !== 'animal').map(([kind, noun]) => [kind, new RegExp(String.raw`\b${noun}\b`, 'i')] as const);
/** A collision with no other vehicle or thing: "rolled over", "lost control and went into a ditch", "fell off her bike". */
const NONCOLLISION = /\b(?:roll-?over|rolled over|rolled (?:the|his|her|their) (?:car|vehicle|truck|suv|jeep|van)|overturned|flipped|ran off the road|went off the road|lost control|into (?:a|the) ditch|(?:fell|falling|fall) (?:off|from)|thrown (?:off|from)|over the handlebars|laid (?:the|his|her) (?:bike|motorcycle) down|skidded|slid out|wiped out|pothole|gravel)\b/i;
/** A collision said without what it was with. */
const COLLISION = /\b(?:mvcs?|collision|collided|t-boned|rear-ended|head-on|struck by|hit by)\b/i;

function counterpartOf(s: string, victim: Vehicle): Counterpart | 'noncollision' | undefined {
  let best: [Counterpart, number] | undefined;
  for (const [kind, re] of COUNTERPART_SAID) {
    const m = re.exec(s);
    if (m && (!best || m.index < best[1])) best = [kind, m.index];
  }
  // A pedestrian's collision names the vehicle anywhere: "car vs pedestrian", "pedestrian struck by an SUV".
  if (!best && victim === 'foot') {
    for (const [kind, re] of VEHICLE_NAMED) if (re.test(s)) return kind;
  }
  if (best) return best[0];
  if (NONCOLLISION.test(s)) return 'noncollision';
  return COLLISION.test(s) ? 'motor' : undefined;
}

export interface TransportFound {
  /** The category, without its 7th character (V4352, V475). */
  code: string;
  start: number;
  end: number;
}

/**
 * The transport accident a story tells: of the sentences that tell one (each read with the sentence after
 * it), the one that says most ("MVC, multiple injuries" says less than "restrained driver, MVC vs pole"),
 * as the category whose title names the patient's vehicle and role, what they collided with, and traffic.
 */
export function transportAccident(text: string, sentences: ReadonlyArray<{ start: number; end: number }>, table: CodeTable, seventh: string): TransportFound | undefined {
  const titles = transportTitles(table);
  let best: (TransportFound & { says: number }) | undefined;
  for (const [i, s] of sentences.entries()) {
    const sentence = text.slice(s.start, s.end);
    const said = TRANSPORT.exec(sentence);
    if (!said || DENIED.test(sentence.slice(0, said.index)) || NOT_ON_THE_ROAD.test(sentence)) continue;
    // A past accident is this injury's cause only when the injury is its sequela.
    if (seventh !== 'S' && LONG_AGO.test(sentence)) continue;
    const next = sentences[i + 1];
    const story = next ? `${sentence} ${text.slice(next.start, next.end)}` : sentence;
    const victim = victimOf(sentence) ?? victimOf(story);
    if (!victim) continue;
    const counterpart = counterpartOf(sentence, victim.vehicle) ?? counterpartOf(story, victim.vehicle);
    if (!counterpart) continue;
    const says = (counterpart === 'motor' ? 0 : 2) + (victim.role === 'unspecified' ? 0 : 1);
    if (best && best.says >= says) continue;
    const traffic = NONTRAFFIC.test(story) ? 'nontraffic' : 'traffic';
    const who = { driver: 0, passenger: 1, unspecified: 2 }[victim.role];
    const names = counterpart === 'noncollision' ? ['noncollision'] : COUNTERPART[counterpart];
    const occupant = victim.vehicle === 'car' && counterpart === 'motor' ? CAR_OCCUPANT_OF_UNNAMED[who]! : VICTIM[victim.vehicle][who]!;
    // A pedestrian's title may be "unspecified whether traffic or nontraffic"; the first title that names them all is the code.
    const code = names.map((c) => titles.get(`${occupant}|${c}|${traffic}`) ?? titles.get(`${occupant}|${c}|unspecified`)).find((c) => c !== undefined);
    if (code) best = { code, start: s.start + said.index, end: s.start + said.index + said[0].length, says };
  }
  return best && { code: best.code, start: best.start, end: best.end };
}
