import type { Document } from '../../../../documents/document';
import { mentionsAny } from '../../../../literals';
import type { PolicyFacts } from '../model';
import { csharp } from './frameworks/aspnet-identity';
import { b2c } from './frameworks/b2c';
import { PASSWORD_WORDS } from './frameworks/context';
import { dataAnnotations } from './frameworks/data-annotations';
import { DECORATOR_WORDS, decorators } from './frameworks/decorators';
import { django } from './frameworks/django';
import { expressValidator } from './frameworks/express-validator';
import { firebaseCode } from './frameworks/firebase';
import { goTags } from './frameworks/go-validator';
import { iacPrograms } from './frameworks/iac-programs';
import { laravel } from './frameworks/laravel';
import { lengthChecks } from './frameworks/length-checks';
import { modelFields } from './frameworks/model-fields';
import { passay } from './frameworks/passay';
import { PYTHON_FIELD_WORDS, pythonFields } from './frameworks/python';
import { ruby } from './frameworks/rails';
import { schemaChains } from './frameworks/schemas';
import { symfonyLength } from './frameworks/symfony';

/**
 * Password policies written in application code: ASP.NET Core Identity options, Django's
 * AUTH_PASSWORD_VALIDATORS, Laravel's Password rule, Devise and Rails validations, validation
 * schemas (zod, yup, Joi, class-validator, Bean Validation, pydantic/Django forms), Firebase's
 * passwordPolicyConfig and Azure AD B2C predicates.
 *
 * A schema's `min(n)` is a policy only where passwords are set (registration, reset, change);
 * a login form's `min(1)` merely says "required". We judge a schema only when its field or its
 * enclosing declaration or file is named for setting a password, never for logging in.
 */

/** Every source below needs one of these words (any case): checked in the shared one-pass search. */
const CODE_WORDS = ['pass', 'pwd', 'predicate', 'userpool'];

/** Reads one framework's or library's policies from a document, adding them to `out`. */
type CodeReader = (doc: Document, out: PolicyFacts[]) => void;

const JS_READERS: readonly CodeReader[] = [schemaChains, decorators, firebaseCode, iacPrograms, expressValidator, modelFields, lengthChecks];

/**
 * The readers of each language (one per framework or library in frameworks/), run in this
 * order: each reads its own calls or settings, and none depends on what another found.
 */
const READERS: ReadonlyMap<string, readonly CodeReader[]> = new Map([
  ['javascript', JS_READERS],
  ['typescript', JS_READERS],
  ['go', [goTags, lengthChecks]],
  ['java', [decorators, passay, lengthChecks]],
  ['kotlin', [decorators, passay, lengthChecks]],
  ['python', [django, pythonFields, lengthChecks]],
  ['ruby', [ruby, lengthChecks]],
  ['php', [laravel, symfonyLength, lengthChecks]],
  ['csharp', [csharp, dataAnnotations]],
  ['xml', [b2c]],
]);

/** Every password policy written in application code or framework settings. */
export function codePolicies(doc: Document): PolicyFacts[] {
  if (!mentionsAny(doc, CODE_WORDS)) return [];
  const out: PolicyFacts[] = [];
  for (const read of READERS.get(doc.format) ?? []) read(doc, out);
  return out;
}

/** Every word the code sources ask about (declared by the password-policy rules: Rule.literals). */
export const CODE_LITERALS: readonly string[] = [
  ...DECORATOR_WORDS,
  'passwordpolicyconfig',
  'userpool',
  'accountpasswordpolicy',
  ...PASSWORD_WORDS,
  ...PYTHON_FIELD_WORDS,
  ...CODE_WORDS,
];
