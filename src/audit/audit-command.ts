import type { EventStore } from '../event-store/index.js';
import { printable } from '../kernel/index.js';
import { LIVE_BLOG_ID_PATTERN, LiveBlogNotFound } from '../live-blog/index.js';
import { AuditService } from './audit.service.js';
import type { ChainProblem, IntegrityReport } from './hash-chain-verifier.js';

const AUDIT_USAGE = 'usage: npm run audit -- verify <live-blog-id>';

interface AuditOutcome {
  /** 0: the chain holds; 1: it is broken; 2: nothing was verified (bad arguments, unknown blog). */
  readonly exitCode: 0 | 1 | 2;
  readonly line: string;
}

const PROBLEMS: Record<ChainProblem, string> = {
  missing: 'the revision is missing',
  content: "the event's content was altered",
  link: 'the link to the previous event was altered',
  redaction: 'a redaction does not hold (a field emptied with no redaction event to say so, or removed text is back)',
};

/** What `npm run audit` does once the store is open: kept apart from the process so tests can run it. */
export async function runAuditCommand(args: readonly string[], store: EventStore): Promise<AuditOutcome> {
  const [command, id, ...rest] = args;
  if (command !== 'verify' || id === undefined || rest.length > 0) return { exitCode: 2, line: AUDIT_USAGE };
  if (!LIVE_BLOG_ID_PATTERN.test(id)) return { exitCode: 2, line: `"${id}" is not a live blog id` };
  try {
    const report = await new AuditService(store).integrity(id);
    const redacted = redactionLines(report);
    if (report.ok) {
      return { exitCode: 0, line: `${id}: hash chain intact, ${report.checked} events checked${redacted}` };
    }
    const why = PROBLEMS[report.problem!];
    return {
      exitCode: 1,
      line: `${id}: hash chain broken at revision ${report.firstBrokenRevision}: ${why} (${report.checked} events read)${redacted}`,
    };
  } catch (error) {
    if (error instanceof LiveBlogNotFound) return { exitCode: 2, line: `no live blog "${id}" in this store` };
    throw error;
  }
}

/**
 * One line per lawful redaction the chain proves: what was removed, when, by whom, under which
 * reference. Names, ids, fields and references are stored text, printed to a terminal: each is made
 * printable on its own, so none can move the cursor, clear the screen or start a line of its own.
 */
function redactionLines(report: IntegrityReport): string {
  return (report.redactions ?? [])
    .map((found) => {
      const [fields, name, id, reference] = printable([
        found.fields.join(', '),
        found.by.name,
        found.by.id,
        found.reference,
      ]);
      return (
        `\n  revision ${found.revision}: ${fields} redacted at revision ${found.redactedAt}` +
        ` by ${name} (${id}), reference ${reference}`
      );
    })
    .join('');
}
