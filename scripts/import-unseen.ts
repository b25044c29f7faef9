/** `npm run import-unseen`: per-field accuracy on the held-out set (scripts/unseenScore.ts), then every miss. */
import { UNSEEN_FIELDS, scoreUnseen } from './unseenScore';

const { perField, misses } = scoreUnseen();
for (const field of UNSEEN_FIELDS) {
  const s = perField[field];
  console.log(`${field.padEnd(12)} ${String(s.hit).padStart(3)}/${String(s.total).padEnd(3)} ${(s.total ? (100 * s.hit) / s.total : 100).toFixed(1)} %`);
}
for (const miss of misses) console.log(`  miss ${miss}`);
