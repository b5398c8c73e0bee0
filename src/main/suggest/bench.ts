// Local-engine benchmarks on a fixed, made-up visit note (no sample data needed): reading speed per
// 1,000 words and the cost of grounding a batch of suggestions.
import { round, sampleMs, type Metric } from '../bench/metric';
import { percentile } from '../bench/metric';
import { groundSuggestions, type RawSuggestion } from '../../shared/suggest/grounding';
import type { SuggestInput } from '../../shared/suggest/types';
import { existsSync } from 'node:fs';
import { emptyPriors, loadPriors } from './learn/priors';
import { shippedPriorsFile } from './learn/store';
import { createLocalEngine, type EngineCodeSet } from './local/engine';

const NOTE_PARTS = [
  'PROGRESS NOTE\nS: 68 y/o F for f/u of DM2, HTN and CKD 3a. Denies chest pain, orthopnea or leg swelling. No fever.',
  'Reports occasional headache and fatigue. Family history of colon cancer in mother. History of tobacco use, quit 2015.',
  'PMH: hypothyroidism; osteoarthritis of the right knee; GERD; cataracts.',
  'Meds: metformin 1000 mg BID, lisinopril 20 mg daily, levothyroxine 75 mcg, omeprazole 20 mg daily.',
  'O: BP 142/88, HR 76, BMI 33.1. Lungs clear. No edema. Monofilament decreased bilaterally.',
  'Labs: A1c 8.2, eGFR 54, TSH 2.1, LDL 128.',
  'A/P:\n1. Type 2 diabetes with diabetic polyneuropathy and chronic kidney disease stage 3a - A1c above goal. Increase metformin; start empagliflozin 10 mg.',
  '2. Essential hypertension - not at goal. Increase lisinopril to 40 mg. Rule out renal artery stenosis.',
  '3. Hypothyroidism - stable on levothyroxine.\n4. Obesity, BMI 33 - dietary counseling.\nReturn if worsening shortness of breath.',
];

/** A note of about `words` words, made of the parts above. */
export function benchNote(words: number): string {
  const out: string[] = [];
  let n = 0;
  for (let i = 0; n < words; i++) {
    const part = NOTE_PARTS[i % NOTE_PARTS.length]!;
    out.push(part);
    n += part.split(/\s+/).length;
  }
  return out.join('\n');
}

function input(text: string): SuggestInput {
  return { encounterId: 'bench', documents: [{ id: 'note', text }], dateOfService: '2026-03-02', setting: 'professional', age: 68, sex: 'F', existingCodes: [{ system: 'icd10cm', code: 'E119' }], priorCodes: [{ system: 'icd10cm', code: 'I5022' }] };
}

export function benchLocalSuggest(codeSet: EngineCodeSet): Metric[] {
  const priors = existsSync(shippedPriorsFile()) ? loadPriors(shippedPriorsFile()) : emptyPriors();
  const engine = createLocalEngine(codeSet, priors);
  const text = benchNote(1000);
  const words = text.split(/\s+/).filter(Boolean).length;
  const inp = input(text);
  for (let i = 0; i < 5; i++) engine.suggest(inp); // warm-up (JIT, caches)
  const runs = sampleMs(50, () => engine.suggest(inp));
  const perK = runs.map((ms) => (ms * 1000) / words);

  // Grounding: 50 raw suggestions with quotes, half of them invented.
  const quotes = text.split(/[.\n]/).map((s) => s.trim()).filter((s) => s.length > 10);
  const raw: RawSuggestion[] = Array.from({ length: 50 }, (_, i) => ({
    system: 'ICD-10-CM',
    code: i % 2 === 0 ? 'E1142' : `Q99${i}`,
    kind: 'add',
    quotes: [quotes[i % quotes.length]!, i % 3 === 0 ? 'a quote that is not in the note' : quotes[(i * 7) % quotes.length]!],
  }));
  const prov = { engine: 'model' as const, codeSetVersion: codeSet.version, createdAt: '2026-03-02T00:00:00Z' };
  for (let i = 0; i < 5; i++) groundSuggestions(raw, inp, codeSet, prov);
  const ground = sampleMs(50, () => groundSuggestions(raw, inp, codeSet, prov));
  return [
    { metric: 'suggest.local.ms_per_1k_words', value: round(percentile(perK, 50)), unit: 'ms', n: runs.length },
    { metric: 'suggest.grounding_ms', value: round(percentile(ground, 50)), unit: 'ms', n: ground.length },
  ];
}
