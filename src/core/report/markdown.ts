import type { Lang } from '../messages';
import type { ScanReport } from './model';
import { buildReview } from './review';

/** Escapes text for a Markdown table cell or paragraph. */
function md(s: string): string {
  return s.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

/** The review report as Markdown. */
export function formatMarkdown(report: ScanReport, lang: Lang, generatedAt = new Date().toISOString()): string {
  const r = buildReview(report, lang, generatedAt);
  const out: string[] = [`# ${r.title}`, ''];
  for (const [k, v] of r.meta) out.push(`- **${md(k)}**: ${md(v)}`);
  out.push('', `## ${r.labels.summary}`, '', `| ${r.labels.category} | ${r.labels.error} | ${r.labels.warning} | ${r.labels.info} |`, '|---|---:|---:|---:|');
  for (const c of r.counts) out.push(`| ${md(c.label)} (\`${c.category}\`) | ${c.error} | ${c.warning} | ${c.info} |`);
  if (r.reminder) {
    out.push('', `## ${r.reminder.heading}`, '');
    for (const p of r.reminder.paragraphs) out.push(`- ${md(p)}`);
    for (const l of r.reminder.links) out.push(`- <${l.url}> (${md(l.label)})`);
  }
  out.push('', `## ${r.labels.byGuideline}`, '');
  if (r.groups.length === 0) out.push(r.labels.none);
  for (const g of r.groups) {
    out.push(`### ${md(g.heading)}`, '');
    if (g.url) out.push(`<${g.url}>`, '');
    if (g.summary) out.push(`> ${md(g.summary)}`, '');
    for (const o of g.org) out.push(`- ${o.url ? `[${md(o.label)}](${o.url})` : md(o.label)}${o.summary ? `: ${md(o.summary)}` : ''}`);
    if (g.org.length > 0) out.push('');
    out.push(`| ${r.labels.location} | ${r.labels.severity} | ${r.labels.rule} | ${r.labels.message} |`, '|---|---|---|---|');
    for (const row of g.rows) {
      const guidance = row.guidance ? ` ${md(row.guidance.label)} <${row.guidance.url}>` : '';
      out.push(`| \`${row.location.replace(/`/g, "'")}\` | ${r.labels[row.severity]} | \`${row.ruleId}\` | ${md(row.message)}${guidance} |`);
    }
    out.push('');
  }
  if (r.skipped.length > 0) {
    out.push(`## ${r.labels.skipped}`, '');
    for (const s of r.skipped) out.push(`- \`${s.path.replace(/`/g, "'")}\`: ${md(s.reason)}`);
    out.push('');
  }
  return out.join('\n');
}
