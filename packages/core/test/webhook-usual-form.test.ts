import { describe, expect, it } from "vitest";
import { createCredentialCheck } from "../src/webhook/credentials";
import { type UsualForm, usualFormMatcher, usualFormOf } from "../src/webhook/usual-form";

const CREDENTIALS = Buffer.from("enfuce:new-secret").toString("base64");
const HEADER = `Basic ${CREDENTIALS}`;

const formOf = (header: string): UsualForm => {
  const form = usualFormOf(header);
  if (!form) throw new Error(`no usual form for ${header}`);
  return form;
};
const matches = usualFormMatcher([formOf(HEADER), formOf("Bearer bearer-token")]);

/** `text` with the character at `index` replaced. */
const replaced = (text: string, index: number, character: string) =>
  `${text.slice(0, index)}${character}${text.slice(index + 1)}`;

describe("the usual form of an Authorization header", () => {
  it.each([
    ["the header itself", HEADER, true],
    ["the other accepted header", "Bearer bearer-token", true],
    ["its scheme in another case (left to the comparison by characters)", HEADER.replace("Basic", "basic"), false],
    ["a tab for its space", HEADER.replace(" ", "\t"), false],
    ["a second space", HEADER.replace(" ", "  "), false],
    ["a blank after it", `${HEADER} `, false],
    ["one character less", HEADER.slice(0, -1), false],
    ["one character more", `${HEADER}=`, false],
    ["a character past ASCII for its last", replaced(HEADER, HEADER.length - 1, "\u00e9"), false],
    ["a lone surrogate for its last", replaced(HEADER, HEADER.length - 1, "\ud800"), false],
    ["the credentials of the other scheme", `Basic bearer-token`, false],
    ["far longer than any accepted header", `${HEADER}${"A".repeat(10_000)}`, false],
    ["nothing", "", false],
  ])("with %s: %s", (_, header, accepted) => {
    expect(matches(header)).toBe(accepted);
  });

  it("is refused with any one character changed", () => {
    for (let index = 0; index < HEADER.length; index++) {
      for (const other of ["A", "a", "0", "+", "/", "=", " ", "\u0000", "\u00ff"]) {
        if (other === HEADER[index]) continue;
        expect(matches(replaced(HEADER, index, other)), `${index}: ${other}`).toBe(false);
      }
    }
  });

  // Headers of every length modulo 4 end in a word of their own size, whose other bytes are masked
  // off: each is compared after a longer one left bytes there.
  it.each(["t", "to", "tok", "toke", "token"])("compares the last bytes of a header whose token is %j", (token) => {
    const match = usualFormMatcher([formOf(`Bearer ${token}`)]);
    expect(match(`Bearer ${token}xyz`)).toBe(false);
    expect(match(`Bearer ${token}`)).toBe(true);
    expect(match(`Bearer ${token.slice(0, -1)}x`)).toBe(false);
  });

  it("reads no bytes of an earlier, longer header into a later one", () => {
    const match = usualFormMatcher([formOf("Bearer tok")]);
    expect(match("Bearer tokXYZ")).toBe(false);
    expect(match("Bearer tok")).toBe(true);
    expect(match("Bearer tokXYZ")).toBe(false);
    expect(match("Bearer to")).toBe(false);
  });

  it("has no usual form past ASCII, and matches nothing without one", () => {
    expect(usualFormOf("Bearer t\u00f8ken")).toBeUndefined();
    expect(usualFormMatcher([])("Bearer t\u00f8ken")).toBe(false);
  });

  it("leaves the credentials check exact for a token past ASCII, compared by characters", () => {
    const check = createCredentialCheck({ token: "t\u00f8ken" });
    expect(check.accepts("Bearer t\u00f8ken")).toBe(true);
    expect(check.accepts("Bearer t\u00f8keN")).toBe(false);
    expect(check.accepts("Bearer t\u00c3\u00b8ken")).toBe(false);
  });
});
