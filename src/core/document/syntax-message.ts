import * as l10n from '@vscode/l10n';
import { printParseErrorCode, type ParseError } from 'jsonc-parser';

/** What went wrong, in words (jsonc-parser gives only an error code). */
export function syntaxMessage(text: string, error: ParseError): string {
  const found = text.slice(error.offset, error.offset + Math.max(error.length, 1)).slice(0, 20);
  const atEnd = error.offset >= text.trimEnd().length;
  const before = text.slice(0, error.offset).trimEnd();
  const trailingComma = before.endsWith(',') && (found.startsWith('}') || found.startsWith(']'));
  const code = printParseErrorCode(error.error);
  const detail = ((): string => {
    switch (code) {
      case 'InvalidSymbol':
        if (found.startsWith("'")) return l10n.t('strings and keys need double quotes (").');
        return l10n.t(
          'unexpected {0}; expected a value (a string in double quotes, a number, true, false, null, an object or an array).',
          JSON.stringify(found),
        );
      case 'InvalidNumberFormat':
        return l10n.t('malformed number (JSON numbers have no leading zeros, "+", or trailing ".").');
      case 'PropertyNameExpected':
        if (trailingComma) return l10n.t('trailing comma before "}": JSON does not allow it; remove the comma.');
        return l10n.t('expected a property name in double quotes; found {0}.', JSON.stringify(found));
      case 'ValueExpected':
        if (trailingComma)
          return l10n.t('trailing comma before "{0}": JSON does not allow it; remove the comma.', found[0]!);
        if (atEnd)
          return text.trim() === ''
            ? l10n.t('the document is empty; expected a JSON object.')
            : l10n.t('expected a value, but the text ends here.');
        return l10n.t('expected a value; found {0}.', JSON.stringify(found));
      case 'ColonExpected':
        return l10n.t('expected ":" after the property name.');
      case 'CommaExpected':
        return l10n.t('expected "," between two entries.');
      case 'CloseBraceExpected':
        return l10n.t('expected "}" to close the object.');
      case 'CloseBracketExpected':
        return l10n.t('expected "]" to close the array.');
      case 'EndOfFileExpected':
        return l10n.t('unexpected text after the end of the document.');
      case 'InvalidCommentToken':
      case 'UnexpectedEndOfComment':
        return l10n.t('comments are not allowed in JSON; remove it.');
      case 'UnexpectedEndOfString':
        return l10n.t('string not closed (write a line break inside a string as \\n).');
      case 'UnexpectedEndOfNumber':
        return l10n.t('number not complete.');
      case 'InvalidUnicode':
        return l10n.t('invalid \\u escape: it needs exactly 4 hex digits.');
      case 'InvalidEscapeCharacter':
        return l10n.t('invalid escape sequence; JSON allows \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX.');
      case 'InvalidCharacter':
        return l10n.t('control characters inside a string must be escaped (for example \\n or \\t).');
      default:
        return l10n.t('syntax error ({0}).', code);
    }
  })();
  return l10n.t('Invalid JSON: {0}', detail);
}
