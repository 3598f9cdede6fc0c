import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';

/** The region numbers written without +country are read in, unless a caller says otherwise. */
export const DEFAULT_PHONE_REGION: CountryCode = 'GB';

/** A normaliser to E.164 ("+4930123456"), or null for text that is no valid number. */
export function phoneNormaliser(region: string = DEFAULT_PHONE_REGION): (raw: string) => string | null {
  return (raw) => {
    const parsed = parsePhoneNumberFromString(raw.trim(), region.toUpperCase() as CountryCode);
    return parsed?.isValid() ? parsed.number : null;
  };
}
