import type { Lang } from '../messages';
import type { ScanReport } from './model';
import { buildReview } from './review';

function h(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const STYLE = `body{font-family:system-ui,-apple-system,"Hiragino Sans","Noto Sans JP",sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1b2a41;line-height:1.55}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}th,td{border:1px solid #d0d7de;padding:.35rem .6rem;text-align:left;vertical-align:top}
th{background:#f3f5f8}td.n{text-align:right}code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em}
.sev-error{color:#b3261e;font-weight:600}.sev-warning{color:#8a5300;font-weight:600}.sev-info{color:#0b57d0}
.reminder{border-left:4px solid #c8102e;background:#fff5f5;padding:.5rem 1rem;margin:1rem 0}blockquote{color:#444;margin:.5rem 0;border-left:3px solid #d0d7de;padding-left:.8rem}`;

/** The review report as a self-contained HTML page (no scripts, no external resources). */
export function formatHtml(report: ScanReport, lang: Lang, generatedAt = new Date().toISOString()): string {
  const r = buildReview(report, lang, generatedAt);
  const out: string[] = [
    '<!doctype html>',
    `<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${h(r.title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${h(r.title)}</h1><ul>`,
    ...r.meta.map(([k, v]) => `<li><strong>${h(k)}</strong>: ${h(v)}</li>`),
    `</ul><h2>${h(r.labels.summary)}</h2><table><tr><th>${h(r.labels.category)}</th><th>${h(r.labels.error)}</th><th>${h(r.labels.warning)}</th><th>${h(r.labels.info)}</th></tr>`,
    ...r.counts.map(
      (c) =>
        `<tr><td>${h(c.label)} (<code>${h(c.category)}</code>)</td><td class="n">${c.error}</td><td class="n">${c.warning}</td><td class="n">${c.info}</td></tr>`,
    ),
    '</table>',
  ];
  if (r.reminder) {
    out.push(`<section class="reminder"><h2>${h(r.reminder.heading)}</h2>`);
    for (const p of r.reminder.paragraphs) out.push(`<p>${h(p)}</p>`);
    out.push('<ul>', ...r.reminder.links.map((l) => `<li><a href="${h(l.url)}">${h(l.label)}</a></li>`), '</ul></section>');
  }
  out.push(`<h2>${h(r.labels.byGuideline)}</h2>`);
  if (r.groups.length === 0) out.push(`<p>${h(r.labels.none)}</p>`);
  for (const g of r.groups) {
    out.push(`<h3>${g.url ? `<a href="${h(g.url)}">${h(g.heading)}</a>` : h(g.heading)}</h3>`);
    if (g.summary) out.push(`<blockquote>${h(g.summary)}</blockquote>`);
    if (g.org.length > 0)
      out.push(
        '<ul>',
        ...g.org.map((o) => `<li>${o.url ? `<a href="${h(o.url)}">${h(o.label)}</a>` : h(o.label)}${o.summary ? `: ${h(o.summary)}` : ''}</li>`),
        '</ul>',
      );
    out.push(`<table><tr><th>${h(r.labels.location)}</th><th>${h(r.labels.severity)}</th><th>${h(r.labels.rule)}</th><th>${h(r.labels.message)}</th></tr>`);
    for (const row of g.rows) {
      const guidance = row.guidance ? `<br>${h(row.guidance.label)} <a href="${h(row.guidance.url)}">${h(row.guidance.url)}</a>` : '';
      out.push(
        `<tr><td><code>${h(row.location)}</code></td><td class="sev-${row.severity}">${h(r.labels[row.severity])}</td><td><code>${h(row.ruleId)}</code></td><td>${h(row.message)}${guidance}</td></tr>`,
      );
    }
    out.push('</table>');
  }
  if (r.skipped.length > 0) {
    out.push(`<h2>${h(r.labels.skipped)}</h2><ul>`, ...r.skipped.map((s) => `<li><code>${h(s.path)}</code>: ${h(s.reason)}</li>`), '</ul>');
  }
  out.push('</body></html>', '');
  return out.join('\n');
}
