import * as z from 'zod/mini';

/**
 * How the sidebar recognises the customer on an approved web portal (docs/hosts.md "Portal
 * rules"). Stored per origin in extension storage, exported and imported as JSON so a team can
 * share them, and read by the portal content script: zod/mini, like host-context, for its size.
 */
export const CLUE_KINDS = ['email', 'code', 'taxNumber', 'name'] as const;
export const clueKindSchema = z.enum(CLUE_KINDS);
export type ClueKind = z.infer<typeof clueKindSchema>;

/** Text without control characters (a selector or pattern never needs them). */
const plain = (max: number) =>
  z.string().check(
    z.trim(),
    z.minLength(1),
    z.maxLength(max),
    z.refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'must not contain control characters'),
  );

const validPattern = (source: string): boolean => {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
};

export const recogniserSchema = z.object({
  kind: clueKindSchema,
  /**
   * CSS selector of the elements holding the value, typically one the user pointed at. Without
   * one the whole page text is read (sensible for `email` and `taxNumber` patterns only).
   */
  selector: z.optional(plain(500)),
  /** Read this attribute instead of the text (e.g. `data-email`, `href` of a mailto: link). */
  attribute: z.optional(plain(100).check(z.regex(/^[a-zA-Z_:][-a-zA-Z0-9_:.]*$/, 'is not an attribute name'))),
  /** A regular expression (JavaScript, `u` flag) on that text: its first group, else the whole match, is the value. */
  pattern: z.optional(plain(300).check(z.refine(validPattern, 'is not a valid regular expression'))),
  /** What the user calls it ("Requester", "客户编号"). */
  label: z.optional(plain(100)),
});
export type Recogniser = z.infer<typeof recogniserSchema>;

/** An origin exactly as URL.origin writes it: scheme, host and port, nothing else. */
export const portalOriginSchema = z.string().check(
  z.maxLength(300),
  z.refine((s) => {
    try {
      const url = new URL(s);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === s;
    } catch {
      return false;
    }
  }, 'must be an origin such as https://support.example.com'),
);

export const portalRuleSchema = z.object({
  origin: portalOriginSchema,
  name: plain(100),
  /** Only pages whose path starts with one of these ("/tickets/"); none = every page of the origin. */
  paths: z._default(z.array(plain(200).check(z.startsWith('/', 'must start with /'))).check(z.maxLength(20)), []),
  recognisers: z.array(recogniserSchema).check(z.minLength(1), z.maxLength(20)),
});
export type PortalRule = z.infer<typeof portalRuleSchema>;

/** The exported file: a version, so a later format can read an older file. */
export const portalRulesFileSchema = z.object({
  format: z.literal('inbox-crm-portal-rules'),
  version: z.literal(1),
  rules: z.array(portalRuleSchema).check(z.maxLength(200)),
});
export type PortalRulesFile = z.infer<typeof portalRulesFileSchema>;
