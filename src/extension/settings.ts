import * as vscode from 'vscode';
import { CATEGORY_SETTINGS, PASSWORD_PROFILE_SETTING, settingDefault } from '../core/config';
import { isProfileId } from '../core/guidelines/profiles';
import type { Category, ScanConfig, Severity } from '../core/types';

/** The `mamori.*` settings for a resource. Defaults come from package.json via VS Code. */
export interface Settings {
  enable: boolean;
  onType: boolean;
  onSave: boolean;
  debounceMs: number;
  exclude: string[];
  maxFileSizeBytes: number;
  scan: ScanConfig;
}

/** Reads the settings that apply to a file (or the window when no resource is given). */
export function readSettings(resource?: vscode.Uri): Settings {
  const c = vscode.workspace.getConfiguration('mamori', resource);
  // VS Code fills in package.json defaults; the engine's copy of them is the fallback.
  const get = <T>(key: string): T => c.get<T>(key) ?? settingDefault<T>(`mamori.${key}`);
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
export function editorExcludes(resource?: vscode.Uri): string[] {
  const out: string[] = [];
  for (const section of ['files', 'search']) {
    const map = vscode.workspace.getConfiguration(section, resource).get<Record<string, boolean | { when: string }>>('exclude') ?? {};
    for (const [glob, on] of Object.entries(map)) if (on === true) out.push(glob);
  }
  return out;
}
