import { type RoleGrant, staffRoleSchema } from '../../../../shared/src/identity/access.ts';
import { parseNationalNumber } from '../../../../shared/src/identity/national-number.rules.ts';
import { type Language, languageSchema } from '../../../../shared/src/platform/language.ts';

/** Where a residents' identity provider puts what we need. */
export type ResidentClaimProfile = {
  scopes: string[];
  nationalNumber: string;
  givenName: string;
  familyName: string;
  locale: string;
};

/**
 * The two identity providers Flemish residents log in with. ACM/IDM (Vlaanderen) gives the national
 * register number in `rrn` under the `rrn` scope; FAS (federal CSAM) in `egovNRN`, with its own
 * name claims. `generic` follows the OpenID Connect standard claims plus `national_number`.
 */
export const residentClaimProfiles: Record<'acm-idm' | 'fas' | 'generic', ResidentClaimProfile> = {
  'acm-idm': { scopes: ['openid', 'profile', 'rrn'], nationalNumber: 'rrn', givenName: 'given_name', familyName: 'family_name', locale: 'locale' },
  fas: { scopes: ['openid', 'profile', 'egovNRN'], nationalNumber: 'egovNRN', givenName: 'givenName', familyName: 'surname', locale: 'prefLanguage' },
  generic: { scopes: ['openid', 'profile'], nationalNumber: 'national_number', givenName: 'given_name', familyName: 'family_name', locale: 'locale' },
};

export type ResidentIdentity = {
  subject: string;
  nationalNumber: string;
  givenName: string | null;
  familyName: string | null;
  language: Language | null;
};

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);

const languageOf = (value: unknown): Language | null => {
  const base = text(value)?.toLowerCase().split(/[-_]/)[0];
  const parsed = languageSchema.safeParse(base);
  return parsed.success ? parsed.data : null;
};

/**
 * A resident's identity from the ID token's claims. The national register number must be present
 * and valid: a login without it cannot be tied to anyone's file, so it is refused.
 */
export const mapResidentClaims = (
  profile: ResidentClaimProfile,
  claims: Record<string, unknown>,
): { ok: true; identity: ResidentIdentity } | { ok: false; reason: 'national-number-missing' | 'national-number-invalid' } => {
  const raw = claims[profile.nationalNumber];
  const value = typeof raw === 'number' ? String(raw).padStart(11, '0') : text(raw);
  if (!value) return { ok: false, reason: 'national-number-missing' };
  const parsed = parseNationalNumber(value);
  if (!parsed.ok) return { ok: false, reason: 'national-number-invalid' };
  return {
    ok: true,
    identity: {
      subject: String(claims.sub),
      nationalNumber: parsed.value.digits,
      givenName: text(claims[profile.givenName]),
      familyName: text(claims[profile.familyName]),
      language: languageOf(claims[profile.locale]),
    },
  };
};

export type StaffIdentity = { subject: string; email: string | null; name: string | null; roles: RoleGrant[] };

/**
 * A staff member's identity. Roles in a claim (e.g. Entra ID app roles) are read as `role` or
 * `role:team` (`back-office:burgerzaken`); unknown values are ignored, never guessed.
 */
export const mapStaffClaims = (claims: Record<string, unknown>, rolesClaim: string | null): StaffIdentity => {
  const rawRoles = rolesClaim ? claims[rolesClaim] : undefined;
  const values = Array.isArray(rawRoles) ? rawRoles : typeof rawRoles === 'string' ? rawRoles.split(/[\s,]+/) : [];
  const roles: RoleGrant[] = [];
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const [role, team] = value.split(':');
    const parsed = staffRoleSchema.safeParse(role);
    if (!parsed.success) continue;
    if (team !== undefined && !/^[a-z0-9-]+$/.test(team)) continue;
    roles.push(team ? { role: parsed.data, team } : { role: parsed.data });
  }
  const email = text(claims.email) ?? text(claims.preferred_username) ?? text(claims.upn);
  return { subject: String(claims.sub), email: email?.includes('@') ? email.toLowerCase() : null, name: text(claims.name), roles };
};
