import type { Setting, Sex } from '../chart';
import type { CodeSystemId } from '../codeset/types';
import type { EditResult } from '../edits/types';
import type { RafResult } from '../hcc/types';
import type { ServerUpdateNotice } from '../sync/chart-changes';
import type { ChartStatus } from '../worklist/types';

export interface EvidenceSpan {
  documentId: string;
  /** UTF-16 offsets into the document text, [start, end). */
  start: number;
  end: number;
  /** The chart text at those offsets, verbatim. */
  quote: string;
}

/** Where a review item comes from: a code already on the claim / problem list, one the coder added, or a suggestion. */
export type ItemOrigin = 'existing' | 'added' | 'suggested';

export type Disposition = 'pending' | 'accepted' | 'rejected' | 'delete_proposed' | 'query';

export const REJECT_REASONS = ['not_documented', 'meat_missing', 'wrong_specificity', 'ruled_out', 'history_only', 'other'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export const REJECT_REASON_LABELS: Readonly<Record<RejectReason, string>> = {
  not_documented: 'Not documented',
  meat_missing: 'MEAT missing / not addressed',
  wrong_specificity: 'Wrong specificity',
  ruled_out: 'Ruled out',
  history_only: 'History only',
  other: 'Other',
};

/** Where a suggestion came from; carried into the audit trail when a coder acts on it. */
export interface SuggestionProvenance {
  engine: 'local' | 'model';
  model?: string;
  endpointHost?: string;
  responseId?: string;
  promptTemplateHash?: string;
  temperature?: number;
  codeSetVersion: string;
  createdAt: string;
}

export interface ReviewItem {
  id: string;
  system: CodeSystemId;
  code: string;
  display: string;
  description: string;
  billable: boolean;
  hccs: number[];
  origin: ItemOrigin;
  /** For existing codes: a draft claim or the problem list. */
  existingSource?: 'claim' | 'problem-list';
  disposition: Disposition;
  reason?: RejectReason;
  reasonText?: string;
  queryNote?: string;
  /** When the coder changed the code (`e`), the code it replaced. */
  replacedCode?: string;
  evidence: EvidenceSpan[];
  /**
   * Set when loading a newer server version of the chart left this code to be looked at again; it
   * clears when the coder decides on the code again.
   */
  recheck?: ItemRecheck;
  suggestion?: {
    kind: 'add' | 'keep' | 'delete-unsupported' | 'query';
    confidence: number;
    assertion?: string;
    rationale?: string;
    provenance: SuggestionProvenance;
  };
}

export interface ItemRecheck {
  /** Quotes of the code's evidence the new text no longer holds; they were taken off the code. */
  lostQuotes: string[];
  /** The server's version no longer lists this existing code on the claim or problem list. */
  codeRemoved: boolean;
  /** The server version whose load flagged the code. */
  serverVersion: number;
}

export interface ChartSection {
  title: string;
  start: number;
  end: number;
}

export interface ChartDocumentView {
  id: string;
  type: string;
  authorRole: string | null;
  date: string | null;
  text: string;
  sections: ChartSection[];
}

export interface HistoryEncounter {
  encounterId: string;
  dateOfService: string;
  setting: Setting;
  codes: Array<{ system: CodeSystemId; code: string; display: string; description: string; source: 'final' | 'claim' | 'problem-list' }>;
}

export interface ChartView {
  encounter: { id: string; setting: Setting; dateOfService: string; payer: string | null; status: ChartStatus; fiscalYear: number; title: string };
  patient: { id: string; label: string; birthYear: number | null; sex: Sex; age: number | null };
  documents: ChartDocumentView[];
  items: ReviewItem[];
  edits: EditResult[];
  /** Null when the patient's age or sex is unknown. */
  raf: RafResult | null;
  history: HistoryEncounter[];
  submit: { allowed: boolean; reasons: string[] };
  /** Whether `u` has something to undo. */
  canUndo: boolean;
  /**
   * A newer version of this chart arrived from the server after the coder started on it. The chart
   * and the work on it are as they were until the coder loads it (`chartLoadServerUpdate`); this
   * says what the server's version changes. Null when none waits.
   */
  serverUpdate: ServerUpdateNotice | null;
}

export type ReviewAction =
  | { type: 'accept'; itemId: string }
  | { type: 'reject'; itemId: string; reason: RejectReason; text?: string }
  | { type: 'delete'; itemId: string; reason: RejectReason; text?: string }
  | { type: 'change'; itemId: string; system: CodeSystemId; code: string }
  | { type: 'add'; system: CodeSystemId; code: string; evidence: Array<{ documentId: string; start: number; end: number; /** What the coder saw; refused unless it matches the chart at these offsets. */ quote?: string }> }
  | { type: 'query'; itemId: string; note: string };

export type SubmitResult = { ok: true; nextEncounterId: string | null } | { ok: false; reasons: string[] };

/** How a code on the submitted claim came about, as the pre-submit summary says it. */
export type SubmitCodeOrigin =
  /** An existing claim / problem-list code the coder kept. */
  | { kind: 'kept'; source: 'claim' | 'problem-list' }
  /** An existing code the coder changed (`e`); `from` is the code it replaces, displayed. */
  | { kind: 'changed'; source: 'claim' | 'problem-list'; from: string }
  /** A code not on the claim before: added by the coder, or a suggestion they accepted. */
  | { kind: 'added'; suggested: boolean };

export interface SubmitPreviewCode {
  system: CodeSystemId;
  code: string;
  display: string;
  description: string;
  /** CMS-HCC V28 categories the code maps to; empty when it is not HCC-relevant. */
  hccs: number[];
  origin: SubmitCodeOrigin;
}

/** An existing code that will not be on the submitted claim, and the coder's decision that keeps it off. */
export interface SubmitPreviewRemoved {
  system: CodeSystemId;
  code: string;
  display: string;
  description: string;
  source: 'claim' | 'problem-list';
  disposition: Extract<Disposition, 'rejected' | 'delete_proposed' | 'query'>;
  reason?: RejectReason;
  reasonText?: string;
  queryNote?: string;
}

/**
 * What `reviewSubmit` would do now, without doing it: the codes it would record (in that order), the
 * existing codes left off, and, when it would refuse, the gate's reasons.
 */
export interface SubmitPreview {
  encounterId: string;
  allowed: boolean;
  reasons: string[];
  codes: SubmitPreviewCode[];
  removed: SubmitPreviewRemoved[];
  /** Pass to `reviewSubmit` as `expected`: it refuses if the chart's codes or decisions changed since. */
  fingerprint: string;
}
