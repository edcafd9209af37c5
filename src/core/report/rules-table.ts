import { GUIDELINES } from '../guidelines/catalog';
import { guidelineLabel, type Lang } from '../messages';
import { RULES } from '../rules/index';
import { CATEGORIES } from '../types';

/** The rule reference as a Markdown table, grouped by category (README and `mamori rules`). */
export function rulesMarkdown(lang: Lang): string {
  const head =
    lang === 'ja'
      ? '| ルール | 重大度 | 内容 | 主なガイドライン |\n|---|---|---|---|'
      : '| Rule | Severity | What | Primary guideline |\n|---|---|---|---|';
  const out: string[] = [];
  for (const category of CATEGORIES) {
    const rules = RULES.filter((r) => r.category === category).sort((a, b) => a.id.localeCompare(b.id));
    if (rules.length === 0) continue;
    out.push(`#### \`${category}\` (${rules.length})`, '', head);
    for (const r of rules) {
      const g = GUIDELINES[r.guidelines[0]];
      const link = g ? (g.url ? `[${guidelineLabel(g, lang)}](${g.url})` : guidelineLabel(g, lang)) : r.guidelines[0];
      out.push(`| \`${r.id}\` | ${r.severity} | ${r.title[lang].replace(/\|/g, '\\|')} | ${link.replace(/\|/g, '\\|')} |`);
    }
    out.push('');
  }
  return out.join('\n');
}
