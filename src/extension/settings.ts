import * as vscode from 'vscode';
import { CATEGORY_SETTINGS, isProfileId, PASSWORD_PROFILE_SETTING, settingDefault, type Category, type ScanConfig, type Severity } from './facade';

/** The `mamori.*` settings for a resource. Defaults come from package.json via VS Code. */
export interface Settings {
  enable: boolean;
  onType: boolean;
  onSave: boolean;
  debounceMs: number;
  exclude: string[];
  maxFileSizeBytes: number;
  /** The workspace scan takes git's file set in a git work tree (as `mamori scan` does). */
  useGit: boolean;
  /** What the editor does with findings the project's baseline already holds. */
  knownFindings: KnownFindings;
  scan: ScanConfig;
}

/**
 * Findings a project's baseline (`.mamori.json` `baseline`) already records: shown as hints
 * (faint, out of the Problems panel, still on the line for whoever edits it), shown as any
 * other finding but marked known, or not shown.
 */
export type KnownFindings = 'hint' | 'show' | 'hide';

/**
 * Settings a workspace could use to make Mamori report less: in Restricted Mode (an untrusted
 * workspace) only their user-level value applies, so a hostile repository cannot silence the
 * scanner meant to review it. Also listed in package.json `restrictedConfigurations`.
 */
export const RESTRICTED_SETTINGS: readonly string[] = [
  'enable',
  'files.exclude',
  'files.maxFileSize',
  'files.useGit',
  'baseline.knownFindings',
  'rules.severity',
  ...Object.values(CATEGORY_SETTINGS).map((k) => k.slice('mamori.'.length)),
];

/**
 * Reads the settings that apply to a file (or the window when no resource is given). In an
 * untrusted workspace (`trusted` false) the restricted settings take their user value only.
 */
export function readSettings(resource?: vscode.Uri, trusted = vscode.workspace.isTrusted !== false): Settings {
  const c = vscode.workspace.getConfiguration('mamori', resource);
  // VS Code fills in package.json defaults; the engine's copy of them is the fallback.
  const get = <T>(key: string): T => {
    if (!trusted && RESTRICTED_SETTINGS.includes(key)) {
      const i = c.inspect<T>(key);
      return i?.globalValue ?? i?.defaultValue ?? settingDefault<T>(`mamori.${key}`);
    }
    return c.get<T>(key) ?? settingDefault<T>(`mamori.${key}`);
  };
  const categories: Partial<Record<Category, boolean>> = {};
  for (const [category, key] of Object.entries(CATEGORY_SETTINGS) as [Category, string][]) {
    categories[category] = get<boolean>(key.slice('mamori.'.length));
  }
  const profile = get<string>(PASSWORD_PROFILE_SETTING.slice('mamori.'.length));
  return {
    enable: get<boolean>('enable'),
    onType: get<boolean>('scan.onType'),
    onSave: get<boolean>('scan.onSave'),
    debounceMs: get<number>('scan.debounceMs'),
    exclude: get<string[]>('files.exclude'),
    maxFileSizeBytes: get<number>('files.maxFileSize') * 1024,
    useGit: get<boolean>('files.useGit'),
    knownFindings: knownFindings(get<string>('baseline.knownFindings')),
    scan: {
      categories,
      // A copy: VS Code hands out read-only proxies, which cannot be posted to worker threads.
      ruleSeverity: { ...get<Record<string, Severity | 'off'>>('rules.severity') },
      ...(isProfileId(profile) ? { passwordPolicy: { profile } } : {}),
    },
  };
}

/**
 * Glob patterns VS Code users already maintain (`files.exclude`, `search.exclude`), as
 * gitignore-style lines for the walker.
 */
export function editorExcludes(resource?: vscode.Uri, trusted = vscode.workspace.isTrusted !== false): string[] {
  const out: string[] = [];
  for (const section of ['files', 'search']) {
    const c = vscode.workspace.getConfiguration(section, resource);
    // An untrusted workspace's own excludes would hide files from the scan: the user's only.
    const i = trusted ? undefined : c.inspect<Record<string, boolean | { when: string }>>('exclude');
    const map = (trusted ? c.get<Record<string, boolean | { when: string }>>('exclude') : (i?.globalValue ?? i?.defaultValue)) ?? {};
    for (const [glob, on] of Object.entries(map)) if (on === true) out.push(glob);
  }
  return out;
}

/**
 * The ignore files the workspace scan honours: in an untrusted workspace not `.mamoriignore`,
 * which exists only to hide files from Mamori.
 */
export function ignoreFiles(trusted = vscode.workspace.isTrusted !== false): string[] {
  return trusted ? ['.gitignore', '.mamoriignore'] : ['.gitignore'];
}

/** The `mamori.baseline.knownFindings` value, with anything unknown read as the default. */
function knownFindings(value: string | undefined): KnownFindings {
  return value === 'show' || value === 'hide' ? value : 'hint';
}
