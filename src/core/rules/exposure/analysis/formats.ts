import type { Format } from '../../../documents/detect';

/** Formats that can hold infrastructure-as-code resources. */
export const IAC_FORMATS: ReadonlySet<Format> = new Set<Format>(['hcl', 'json', 'yaml', 'bicep']);
