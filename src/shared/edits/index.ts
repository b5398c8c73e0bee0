export { runEdits, MAX_ENCOUNTER_CODES } from './run';
export { formatEditsTable } from './format';
export { parseNoteReferences, parseReferenceList, referenceMatches } from './references';
export type { NoteReference, CodeConstraint, ParsedNote } from './references';
export { EXCLUDES1_OVERRIDES, REMINDER_SUPPLEMENTS } from './overrides';
export type { EditEncounter, EditResult, EditRuleId, EditSeverity, EncounterCode } from './types';
