// Child process for crash.test.ts: applies an endless stream of review actions to the database given on
// the command line and prints "ack <audit seq>" after each committed transaction. The parent kills it
// with SIGKILL at a moment of its choosing.
import { openDatabase } from '../../../src/main/db/open';
import { ReviewService } from '../../../src/main/review/actions';
import { buildChartView } from '../../../src/main/review/view';
import { memoryLookup } from '../edits/fixtures/memory-lookup';
import { CODER } from './fixtures';

const db = openDatabase(process.argv[2]!);
const lookup = memoryLookup();
const review = new ReviewService(db, lookup, CODER);
const lastSeq = db.prepare('SELECT max(seq) AS s FROM audit_events');
const ack = () => process.stdout.write(`ack ${(lastSeq.get() as { s: number }).s}\n`);
const charts = (db.prepare("SELECT id FROM encounters WHERE status != 'done' ORDER BY import_seq").all() as Array<{ id: string }>).map((r) => r.id);
process.stdout.write('ready\n');

const ADDS = ['I10', 'Z7901', 'E119', 'J449', 'E785', 'F329', 'N1831', 'I2510'];
const reasons = ['not_documented', 'meat_missing', 'wrong_specificity', 'ruled_out', 'history_only'] as const;
for (let round = 0; ; round++) {
  for (const id of charts) {
    const view = buildChartView(review.store, lookup, id);
    const doc = view.documents[0]!;
    for (const [i, item] of view.items.entries()) {
      const k = (round + i) % 4;
      if (k === 0) review.act(id, { type: 'accept', itemId: item.id });
      else if (k === 1) review.act(id, { type: 'reject', itemId: item.id, reason: reasons[(round + i) % reasons.length]!, text: `round ${round}` });
      else if (k === 2) review.act(id, { type: 'query', itemId: item.id, note: `Please clarify (round ${round})` });
      else if (item.origin === 'existing') review.act(id, { type: 'delete', itemId: item.id, reason: 'not_documented' });
      else review.act(id, { type: 'accept', itemId: item.id });
      ack();
    }
    const end = Math.min(doc.text.length, 12 + (round % 20));
    const code = ADDS[round % ADDS.length]!;
    if (view.items.some((i) => i.code === code)) continue;
    review.act(id, { type: 'add', system: 'icd10cm', code, evidence: [{ documentId: doc.id, start: 0, end }] });
    ack();
    if (round % 3 !== 2) {
      review.undo(id);
      ack();
    }
  }
}
