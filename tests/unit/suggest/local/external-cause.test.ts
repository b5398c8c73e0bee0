// External causes read beside an injury (guideline I.C.20), the gap the probe notes of rounds 35–40 showed
// on every injury chart: the mechanism with the injury's encounter, and at the initial encounter the place,
// activity and status, all read from the sentences that tell how the injury happened.
import { describe, expect, it } from 'vitest';
import { noteReaders } from '../../../helpers/local-engine';

const { shown } = noteReaders();
const external = (codes: readonly string[]): string[] => codes.filter((c) => /^[VWXY]/.test(c)).sort();

describe('local engine: external causes of an injury', () => {
  it('reads a slip on ice, the place, the activity and a leisure status beside the injury, with its initial encounter', () => {
    const note =
      'ED NOTE\nCC: R wrist pain after fall\nHPI: 68 y/o F slipped on ice on the driveway of her single-family home this morning while walking to get the newspaper. Landed on outstretched R hand.\nA/P: Sprain of right wrist - splint, ortho f/u 1 wk.';
    const codes = shown(note, 'outpatient', 68, 'F');
    expect(codes).toContain('S63501A');
    expect(external(codes)).toEqual(['W000XXA', 'Y92014', 'Y9301', 'Y998']);
  });

  it('reads what bit the patient from the Index, and a bite on the job as work (Y99.0)', () => {
    const note =
      'URGENT CARE\nHPI: 41 y/o M mail carrier, on the job, was bitten by a loose dog on his L hand while walking his route.\nExam: two puncture wounds dorsum L hand.\nA/P: Dog bite of left hand, open bite - irrigated, amox-clav. Tdap given.';
    expect(external(shown(note, 'outpatient', 41, 'M'))).toEqual(['W540XXA', 'Y9301', 'Y990']);
  });

  it("codes a later encounter's mechanism with the injury's 7th character, and no place, activity or status", () => {
    const note =
      'ORTHO FOLLOW-UP\nHPI: Seen for follow-up of a R calcaneus fracture sustained 4 weeks ago when he fell from a ladder while cleaning gutters at home. Routine healing.\nA/P: Closed fracture of right calcaneus, subsequent encounter with routine healing. Continue boot.';
    const codes = shown(note, 'outpatient', 55, 'M');
    expect(codes).toContain('S92001D');
    expect(external(codes)).toEqual(['W11XXXD']);
  });

  it('takes the room the fall happened in, not the one the patient was walking to, and the furniture struck after slipping', () => {
    const note =
      'ED NOTE\nHPI: 84M slipped on the bathroom floor while walking to the bedroom, fell and struck his forehead on a nightstand. No LOC.\nA/P: Laceration of forehead without foreign body, 3 cm - repaired. Fall precautions reviewed.';
    expect(external(shown(note, 'outpatient', 84, 'M'))).toEqual(['W01190A', 'Y92002', 'Y9301', 'Y998']);
  });

  it('reads a slide tackle by an opponent and a fall as a collision with another person, not a playground slide, and no place from "college sophomore"', () => {
    const note =
      'SPORTS MED\nHPI: 19 y/o college sophomore, soccer player, slide-tackled by an opposing player during a game on the soccer field, fell and twisted her L knee.\nA/P: Sprain of medial collateral ligament of left knee, initial encounter. Brace, PT.';
    const codes = shown(note, 'outpatient', 19, 'F');
    expect(codes).toContain('S83412A');
    expect(external(codes)).toEqual(['W03XXXA', 'Y92322', 'Y9366', 'Y998']);
  });

  it('reads no external cause without an injury, nor from advice, precautions or a denied fall', () => {
    const note = 'CLINIC\nT2DM - A1c 7.1, continue metformin. Walking 30 min daily at the park. Fall precautions reviewed, no falls this year.\nHTN - controlled.';
    expect(external(shown(note, 'outpatient', 70, 'F'))).toEqual([]);
  });

  it('reads no story from a denied strike or an ulcer\'s "punched-out" edge', () => {
    const note =
      'WOUND CLINIC\nOver the left lateral malleolus is a 1.8 cm punched-out ulcer with a pale base. Did not hit anything.\nA/P: Laceration of left ankle, initial encounter - dressing.';
    expect(external(shown(note, 'outpatient', 60, 'M'))).toEqual([]);
  });
});
