import type { Lang } from '../lang';
import type { DutyAssessment } from './duty';
import { regimeStatus } from './render';

/**
 * The assessment in the JSON and SARIF reports: stable keys for scripts (regime, status of each
 * item, guideline ids) with the text in the report's language.
 */
export function dutyJson(a: DutyAssessment, lang: Lang): unknown {
  return {
    url: a.url,
    incidents: a.incidents,
    regimes: a.regimes.map((r) => ({
      regime: r.regime,
      title: r.title[lang],
      reportable: r.reportable,
      status: regimeStatus(r, lang),
      leak: r.leak[lang],
      items: r.items.map((i) => ({ ref: i.ref[lang], applies: i.applies, why: i.why[lang] })),
      ...(r.clock ? { clock: r.clock[lang] } : {}),
      ...(r.preliminary ? { preliminary: r.preliminary[lang] } : {}),
      ...(r.final ? { final: r.final[lang] } : {}),
      ...(r.notice ? { notice: r.notice[lang] } : {}),
      ...(r.exemption ? { exemption: r.exemption[lang] } : {}),
      ...(r.route ? { route: r.route[lang] } : {}),
      ...(r.otherwise ? { otherwise: r.otherwise[lang] } : {}),
      guidelines: r.guidelines,
    })),
    firstSteps: a.firstSteps.map((s) => ({ text: s.text[lang], guidelines: s.guidelines })),
  };
}
