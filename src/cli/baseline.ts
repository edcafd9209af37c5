import * as fs from 'node:fs';
import { formatBaseline, parseBaseline, type Baseline, type BaselineProblem } from '../core/baseline';
import { VERSION } from '../core/config';
import type { Lang } from '../core/messages';
import type { LocatedFinding } from '../core/report/model';
import { writeFileAtomic } from '../core/write-file';
import { writeErrorMessage } from './io';

/** The largest baseline read: about 200,000 findings. A larger file is refused, not half-read. */
const MAX_BASELINE_BYTES = 64 << 20;

/**
 * Reads the baseline named by `--baseline` (or `.mamori.json`'s `baseline`). Returns the
 * baseline, or a message that names the file, says what is wrong with it and what to do.
 */
export function readBaselineFile(file: string, lang: Lang): { baseline: Baseline } | { error: string } {
  const ja = lang === 'ja';
  let text: string;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) {
      return {
        error: ja
          ? `ベースライン ${file} はファイルではありません。--write-baseline で書き出したファイルを指定してください。`
          : `the baseline ${file} is not a file. Name a file written by --write-baseline.`,
      };
    }
    if (st.size > MAX_BASELINE_BYTES) {
      return {
        error: ja
          ? `ベースライン ${file} が大きすぎます（${MAX_BASELINE_BYTES} バイト超）。`
          : `the baseline ${file} is larger than ${MAX_BASELINE_BYTES} bytes.`,
      };
    }
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException)?.code ?? String(error);
    if (code === 'ENOENT') {
      return {
        error: ja
          ? `ベースライン ${file} が見つかりません。まず \`mamori scan --write-baseline ${file}\` で現在の検出を記録してください。`
          : `the baseline ${file} does not exist. Record today's findings first with \`mamori scan --write-baseline ${file}\`.`,
      };
    }
    return { error: ja ? `ベースライン ${file} を読み取れません（${code}）。` : `cannot read the baseline ${file} (${code}).` };
  }
  const parsed = parseBaseline(text);
  if ('baseline' in parsed) return parsed;
  return { error: problemMessage(file, parsed.problem, lang) };
}

/**
 * Writes the baseline of these findings (atomically: a kill or a full disk leaves the previous
 * baseline whole) and says so on stderr; false, with the reason said, when it cannot be written.
 */
export function writeBaseline(file: string, findings: readonly LocatedFinding[], lang: Lang): boolean {
  try {
    writeFileAtomic(file, formatBaseline(findings, VERSION));
  } catch (error) {
    process.stderr.write(`${writeErrorMessage(file, 'baseline', error, lang)}\n`);
    return false;
  }
  process.stderr.write(
    lang === 'ja'
      ? `mamori: 検出 ${findings.length} 件をベースライン ${file} に記録しました（秘密の値は含みません）。以後は --baseline ${file} で新しい検出だけが終了コードに数えられます。\n`
      : `mamori: recorded ${findings.length} finding(s) in the baseline ${file} (no secret values). From now on, --baseline ${file} counts only new findings for the exit code.\n`,
  );
  return true;
}

function problemMessage(file: string, p: BaselineProblem, lang: Lang): string {
  const ja = lang === 'ja';
  const redo = ja ? `\`mamori scan --write-baseline ${file}\` で書き出し直してください。` : `Write it again with \`mamori scan --write-baseline ${file}\`.`;
  switch (p.kind) {
    case 'syntax':
      return ja
        ? `ベースライン ${file} は JSON として読めません（壊れているか、途中までしか書かれていません）。${redo}`
        : `the baseline ${file} is not valid JSON (damaged, or cut short). ${redo}`;
    case 'not-baseline':
      return ja
        ? `${file} は Mamori のベースラインではありません（"tool": "mamori-baseline" と findings の配列がありません）。--write-baseline で書き出したファイルを指定するか、${redo}`
        : `${file} is not a Mamori baseline (it lacks "tool": "mamori-baseline" and a findings array). Name a file written by --write-baseline, or ${redo.charAt(0).toLowerCase()}${redo.slice(1)}`;
    case 'version':
      return ja
        ? `ベースライン ${file} の形式（version ${p.found}）はこの Mamori では読めません。${redo}`
        : `the baseline ${file} has a format (version ${p.found}) this Mamori does not read. ${redo}`;
    case 'fingerprints':
      return ja
        ? `ベースライン ${file} は別の方式のフィンガープリント（${p.found}）で書かれているため、今回の検出と照合できません。${redo}`
        : `the baseline ${file} holds fingerprints of another kind (${p.found}), which cannot be matched with this scan's. ${redo}`;
    case 'entry':
      return ja
        ? `ベースライン ${file} の ${p.index + 1} 件目の項目が不正です（ruleId・path・severity と 16 進 32 桁の fingerprint が必要です）。${redo}`
        : `entry ${p.index + 1} of the baseline ${file} is malformed (it needs ruleId, path, severity and a 32-hex-digit fingerprint). ${redo}`;
  }
}
