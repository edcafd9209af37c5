import manifest from '../../package.json';
import { isProfileId, resolveProfile, type PasswordProfile, type ProfileId } from './guidelines/profiles';
import type { Category, ScanConfig, Severity } from './types';

/**
 * Defaults live only in package.json (`contributes.configuration`); the engine and the CLI
 * read them from there, so the Settings UI, the CLI and the engine can never disagree.
 */
type PropertySchema = { default?: unknown };
const properties: Record<string, PropertySchema> = {};
for (const section of manifest.contributes.configuration) Object.assign(properties, section.properties as unknown as Record<string, PropertySchema>);

/** The default value of a `mamori.*` setting, as declared in package.json. */
export function settingDefault<T>(key: string): T {
  const prop = properties[key];
  if (!prop || !('default' in prop)) throw new Error(`no default declared for ${key}`);
  return prop.default as T;
}

/** Setting key of each category's on/off switch. */
export const CATEGORY_SETTINGS: Readonly<Record<Category, string>> = {
  secret: 'mamori.categories.secret',
  'pii-exposure': 'mamori.categories.piiExposure',
  'pii-data': 'mamori.categories.piiData',
  'password-policy': 'mamori.categories.passwordPolicy',
};

/** Fully resolved engine configuration. */
export interface ResolvedConfig {
  categories: Record<Category, boolean>;
  ruleSeverity: Record<string, Severity | 'off'>;
  /** The password-policy profile with any custom numbers applied. */
  passwordPolicy: PasswordProfile;
  /** Literal strings whose presence in a finding's matched text allows it (see ScanConfig). */
  allowValues: string[];
}

/** Setting key of the password-policy profile. */
export const PASSWORD_PROFILE_SETTING = 'mamori.passwordPolicy.profile';

/** Fills every unset field of a ScanConfig from the package.json defaults. */
export function resolveConfig(config: ScanConfig = {}): ResolvedConfig {
  const categories = {} as Record<Category, boolean>;
  for (const [category, key] of Object.entries(CATEGORY_SETTINGS) as [Category, string][]) {
    categories[category] = config.categories?.[category] ?? settingDefault<boolean>(key);
  }
  const chosen = config.passwordPolicy?.profile;
  const profile: ProfileId = isProfileId(chosen) ? chosen : settingDefault<ProfileId>(PASSWORD_PROFILE_SETTING);
  return {
    categories,
    ruleSeverity: { ...(config.ruleSeverity ?? {}) },
    passwordPolicy: resolveProfile(profile, config.passwordPolicy?.overrides),
    allowValues: Array.isArray(config.allowValues) ? config.allowValues.filter((v) => typeof v === 'string' && v.length > 0) : [],
  };
}

/** Version of the engine (the package version). */
export const VERSION: string = manifest.version;
