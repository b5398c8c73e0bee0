import type { PhiKind } from '../chart';

/** One identifier found in a text: where it is and what kind it is. Never carries the value itself. */
export interface PhiFinding {
  kind: PhiKind;
  start: number;
  end: number;
}

/** An identifier value whose kind the source record states (an SSN, a driver's licence, a phone number). */
export interface KnownIdentifier {
  value: string;
  kind: PhiKind;
}

/** Values shared by many notes: the staff and organisations of an import. */
export interface StaffValues {
  /**
   * Names of practitioners and other staff. A note shares these with eponyms and everyday words far more
   * often than the patient's own names ("Gleason score", "January"), so a word on its own counts only
   * with Synthea's digits ("Barton704") or beside another name word ("Enriqueta Barton"); "Dr. X" is
   * caught by its title anyway.
   */
  names?: readonly string[];
  /** Organisation, facility and location names, matched as whole phrases. */
  phrases?: readonly string[];
  addresses?: readonly string[];
  identifiers?: ReadonlyArray<string | KnownIdentifier>;
}

/** What the guard knows about the people behind a text, taken from the source record (FHIR Patient, etc.). */
export interface PhiContext {
  /**
   * Person names; each entry may hold several words ("Dr. Alvin56 Jerde200"). Every word is matched on
   * its own (capitalised), so "Alvin56" alone is found too. Titles are ignored.
   */
  knownNames?: string[];
  /**
   * Practitioners and organisations known to the whole import (support bundles, bulk-export files). The
   * same object is passed for every note, so its lists are prepared once.
   */
  staff?: StaffValues;
  /** Organisation or facility names, matched only as a whole phrase (so "Family Practice" stays a phrase). */
  knownPhrases?: string[];
  /** Street lines, cities and ZIP codes. */
  knownAddresses?: string[];
  /** Identifier values: SSN, MRN, licence and passport numbers, phone numbers, e-mail addresses. A bare string's kind is guessed from its shape. */
  knownIdentifiers?: Array<string | KnownIdentifier>;
  /**
   * Stored charts carry dates already shifted by the patient's offset, which the guard cannot tell
   * apart from real dates; when true, dates are not reported.
   */
  shiftedDatesAllowed?: boolean;
}

export interface DeidentifyContext extends PhiContext {
  /** The patient's date offset in days (see dateShiftDaysFor); every full or partial date moves by it. */
  dateShiftDays: number;
  /** Year used to shift dates written without one ("Feb 10"); the year itself is never printed. */
  refYear?: number;
}

/** A detector's hit. Dates and ages carry how to rewrite them; everything else becomes a token. */
export interface Detection extends PhiFinding {
  rewrite?: (ctx: DeidentifyContext) => string;
}

/** Tokens that stand in for removed values. Dates and ages are normally rewritten, not tokenised. */
export const REPLACEMENT: Readonly<Record<PhiKind, string>> = {
  date: '[DATE]',
  age_over_89: '90+',
  name: '[NAME]',
  address: '[ADDRESS]',
  phone: '[PHONE]',
  fax: '[FAX]',
  email: '[EMAIL]',
  ssn: '[SSN]',
  mrn: '[MRN]',
  account: '[ACCOUNT]',
  license: '[LICENSE]',
  url: '[URL]',
  ip: '[IP]',
  device: '[DEVICE]',
};
