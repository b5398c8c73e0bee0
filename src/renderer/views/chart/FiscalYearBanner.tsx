import { fiscalYearDates, loadedClause, type UncoveredFiscalYear } from './fiscal-year-coverage';

/**
 * The chart's date of service is in a fiscal year the loaded code set lacks. A warning, not a block:
 * grounding and the review checks already refuse its ICD-10 codes, and without this the empty
 * suggestion list reads like a broken engine. Code sets ship with Plumbline (no in-app updater), so
 * the way out is the update that carries the edition.
 */
export function FiscalYearBanner({ gap }: { gap: UncoveredFiscalYear }) {
  const fy = `FY${gap.fiscalYear}`;
  return (
    <section className="banner warn fiscal-year-gap" role="status" aria-label="Code set does not cover this date of service" data-testid="fiscal-year-gap">
      <strong>
        This date of service falls in {fy} ({fiscalYearDates(gap.fiscalYear)}); {loadedClause(gap.loaded)}.
      </strong>{' '}
      ICD-10 codes cannot be confirmed valid for it: none is suggested to add, keep or query, none can be added here, and codes already on the
      chart fail the date-of-service edit. The {fy} edition reaches this computer only with a Plumbline update that ships it: ask whoever
      installs Plumbline for your organisation.
    </section>
  );
}
