/**
 * A name from CDF as a tab or a tree row shows it. Bidi controls would make it read otherwise than it
 * is (`invoice\u202Efdp.exe` shows as "invoiceexe.pdf"), so they go; control characters and half a
 * surrogate pair (which VS Code cannot put in a URI) become `_`, visible where they are.
 */
export function shownText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, '_')
      .replace(BIDI_CONTROLS, '')
      .replace(LONE_SURROGATE, '_')
  );
}

const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
