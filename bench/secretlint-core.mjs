// secretlint's core library in a plain loop over a list of files (the baseline Mamori's
// per-file engine is compared with). Usage: node bench/secretlint-core.mjs LIST.json
// Prints one JSON line: files, bytes, loopMs (time inside the loop, reading included).
// secretlint as shipped, profiler included (Mamori switches the profiler off; see
// src/core/rules/secret/secretlint.ts).
import * as fs from 'node:fs';
import { lintSource } from '@secretlint/core';
import { creator as preset } from '@secretlint/secretlint-rule-preset-recommend';

const files = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const config = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: preset }] };
let bytes = 0;
let messages = 0;
const started = performance.now();
for (const file of files) {
  const content = fs.readFileSync(file, 'utf8');
  bytes += content.length;
  const ext = /(\.[^./]+)$/.exec(file)?.[1] ?? '';
  const result = await lintSource({ source: { content, filePath: file, ext, contentType: 'text' }, options: { config, maskSecrets: true } });
  messages += result.messages.length;
}
console.log(JSON.stringify({ files: files.length, bytes, messages, loopMs: performance.now() - started }));
// secretlint's profiler has queued work for every performance mark made in the loop (it grows
// with the square of the files); it would run for minutes after the loop on a large tree and
// adds nothing to the result, so the process ends here.
process.exit(0);
