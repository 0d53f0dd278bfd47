package dev.tarn.logschema;

import java.text.Normalizer;
import java.util.Map;

/**
 * Catalog-safe column names, as Panther made them for Glue: letters, digits, {@code _} and {@code -} are kept,
 * common symbols are spelled out ({@code @timestamp → at_sign_timestamp}), accented letters are transliterated to
 * ASCII, and anything else becomes {@code _}.
 */
public final class ColumnNames {
  private static final Map<Character, String> SYMBOLS = Map.ofEntries(
      Map.entry('@', "at_sign"), Map.entry(',', "comma"), Map.entry('`', "backtick"), Map.entry('\'', "apostrophe"),
      Map.entry('$', "dollar_sign"), Map.entry('*', "asterisk"), Map.entry('&', "ampersand"),
      Map.entry('!', "exclamation"), Map.entry('%', "percent"), Map.entry('+', "plus"), Map.entry('/', "slash"),
      Map.entry('\\', "backslash"), Map.entry('#', "hash"), Map.entry('~', "tilde"), Map.entry('=', "eq"));

  private ColumnNames() {}

  public static String safe(String name) {
    boolean clean = !name.isEmpty();
    for (int i = 0; i < name.length() && clean; i++) {
      clean = isKept(name.charAt(i));
    }
    if (clean) {
      return name;
    }
    StringBuilder out = new StringBuilder(name.length() + 16);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (isKept(c)) {
        out.append(c);
        continue;
      }
      String symbol = SYMBOLS.get(c);
      if (symbol != null) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
          out.append('_');
        }
        out.append(symbol);
        if (i + 1 < name.length()) {
          out.append('_');
        }
        continue;
      }
      String ascii = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("[^A-Za-z0-9]", "");
      out.append(ascii.isEmpty() ? "_" : ascii);
    }
    return out.length() == 0 ? "_" : out.toString();
  }

  private static boolean isKept(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  }
}
