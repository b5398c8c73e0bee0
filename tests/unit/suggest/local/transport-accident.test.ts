// Transport accidents (V00–V59) beside an injury: the patient's vehicle and role, what they collided with,
// and traffic, read from the story and coded as the title that says them. Earlier releases coded none, so
// "restrained driver … struck by another sedan on the interstate" had its fractures and no cause.
import { describe, expect, it } from 'vitest';
import { noteReaders } from '../../../helpers/local-engine';

const { shown } = noteReaders();
const transport = (codes: readonly string[]): string[] => codes.filter((c) => c.startsWith('V'));

describe('local engine: transport accidents', () => {
  it("reads a car driver struck by another car, not the other car's driver side, in traffic", () => {
    const note =
      'ED NOTE\nHPI: 38 yo M, restrained driver of a sedan struck on the driver side by another sedan on the interstate. Airbags deployed.\nA/P: Closed fracture of three ribs, left side - pain control, incentive spirometry.';
    expect(transport(shown(note, 'outpatient', 38, 'M'))).toEqual(['V4352XA']);
  });

  it('takes the sentence that says most: "MVC vs pole" as a fixed object, over a bare "MVC"', () => {
    const note =
      'ED NOTE\nCC: MVC.\nHPI: 34M restrained driver, high-speed MVC vs pole, prolonged extrication. Complains of L wrist pain.\nA/P: Closed fracture of left distal radius, unspecified - splint, ortho f/u.';
    expect(transport(shown(note, 'outpatient', 34, 'M'))).toEqual(['V475XXA']);
  });

  it('reads a fall off a bicycle on the sidewalk as a noncollision, nontraffic accident, and on a street as traffic', () => {
    const sidewalk =
      'URGENT CARE\nHPI: 9 yo M brought by mom after falling off his bicycle while riding on the sidewalk near home. Struck chin on pavement.\nA/P: Laceration without foreign body of chin, 2 cm - repaired.';
    expect(transport(shown(sidewalk, 'outpatient', 9, 'M'))).toEqual(['V180XXA']);
    const street =
      'URGENT CARE\nHPI: 41 yo F cyclist, fell off her road bike when the front wheel dropped into a pothole on a residential street.\nA/P: Sprain of right wrist - splint.';
    expect(transport(shown(street, 'outpatient', 41, 'F'))).toEqual(['V184XXA']);
  });

  it("reads a pedestrian struck by an SUV, and a motorcyclist's crash into a guardrail with the injury's later encounter", () => {
    const pedestrian =
      'ED NOTE\nHPI: 70 yo F pedestrian struck by an SUV while crossing the street at a crosswalk.\nA/P: Closed fracture of right fibula shaft - splint, ortho.';
    expect(transport(shown(pedestrian, 'outpatient', 70, 'F'))).toEqual(['V0310XA']);
    const motorcycle =
      'ORTHO CLINIC\nHPI: 40 y/o M, 3 wks s/p motorcycle crash on a state highway (he was the rider; lost control and struck the guardrail). Routine healing.\nA/P: Closed fracture of left clavicle, subsequent encounter with routine healing. Sling.';
    expect(transport(shown(motorcycle, 'outpatient', 40, 'M'))).toEqual(['V2749XD']);
  });

  it('codes no transport accident from an occupation, an exercise bike, a denied crash or a crash years ago', () => {
    const note =
      'CLINIC\nWorks as a bus driver. Rides an exercise bike daily. Denies MVC. Splenectomy after a motor vehicle collision in 2009.\nA/P: Sprain of right ankle after tripping on a curb - brace.';
    expect(transport(shown(note, 'outpatient', 50, 'M'))).toEqual([]);
  });
});
