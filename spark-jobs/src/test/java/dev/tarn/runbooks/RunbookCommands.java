package dev.tarn.runbooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts the commands of a Markdown document's {@code ```shell} blocks, in document order, and splits each into
 * words the way POSIX sh does for the subset runbooks use: single quotes (literal), double quotes (variables expand),
 * backslash escapes and line continuations, {@code $NAME} and {@code ${NAME}}, and a trailing {@code # comment}.
 * A variable without a binding is an error, so the document cannot use a value the test does not provide; so is
 * anything else a shell would interpret (pipes, redirections, command substitution), which the test could not run
 * as written.
 */
final class RunbookCommands {
  static final String LONG_RUNNING_MARK = "runs until stopped";
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private RunbookCommands() {}

  /** Every command of every {@code shell} block, with the variables bound from {@code variables}. */
  static List<RunbookCommand> extract(String markdown, Map<String, String> variables) {
    List<RunbookCommand> commands = new ArrayList<>();
    String[] lines = markdown.split("\n", -1);
    boolean inShell = false;
    StringBuilder pending = null;
    int start = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].stripTrailing();
      if (!inShell) {
        inShell = line.strip().equals("```shell");
        continue;
      }
      if (line.strip().equals("```")) {
        if (pending != null) {
          throw new IllegalArgumentException("runbooks.md:" + (start + 1) + ": the block ends inside a continued line");
        }
        inShell = false;
        continue;
      }
      if (pending == null) {
        if (line.isBlank() || line.strip().startsWith("#")) {
          continue;
        }
        pending = new StringBuilder();
        start = i;
      }
      if (line.endsWith("\\")) {
        pending.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      pending.append(line);
      commands.add(parse(start + 1, pending.toString().strip(), variables));
      pending = null;
    }
    if (inShell) {
      throw new IllegalArgumentException("runbooks.md: a ```shell block is not closed");
    }
    return List.copyOf(commands);
  }

  /** Splits one command line into words; {@code line} is its line number for messages. */
  static RunbookCommand parse(int line, String text, Map<String, String> variables) {
    String where = "runbooks.md:" + line;
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    String comment = "";
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
        i++;
      } else if (c == '#' && word == null) {
        comment = text.substring(i + 1).strip();
        break;
      } else if (c == '\'') {
        int end = text.indexOf('\'', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException(where + ": unclosed single quote in: " + text);
        }
        word = append(word, text.substring(i + 1, end));
        i = end + 1;
      } else if (c == '"') {
        word = append(word, "");
        i++;
        while (i < text.length() && text.charAt(i) != '"') {
          char d = text.charAt(i);
          if (d == '\\' && i + 1 < text.length() && "$`\"\\".indexOf(text.charAt(i + 1)) >= 0) {
            word.append(text.charAt(i + 1));
            i += 2;
          } else if (d == '$') {
            i = expand(text, i, variables, word, where);
          } else if (d == '`') {
            throw new IllegalArgumentException(where + ": command substitution is not supported: " + text);
          } else {
            word.append(d);
            i++;
          }
        }
        if (i >= text.length()) {
          throw new IllegalArgumentException(where + ": unclosed double quote in: " + text);
        }
        i++;
      } else if (c == '\\') {
        if (i + 1 >= text.length()) {
          throw new IllegalArgumentException(where + ": a backslash ends the line: " + text);
        }
        word = append(word, String.valueOf(text.charAt(i + 1)));
        i += 2;
      } else if (c == '$') {
        word = append(word, "");
        i = expand(text, i, variables, word, where);
      } else if ("|&;<>()`*?[".indexOf(c) >= 0) {
        throw new IllegalArgumentException(where + ": '" + c + "' would need a shell; write one plain command per "
            + "line: " + text);
      } else {
        word = append(word, String.valueOf(c));
        i++;
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return new RunbookCommand(line, text, words, comment.contains(LONG_RUNNING_MARK));
  }

  private static StringBuilder append(StringBuilder word, String text) {
    return (word == null ? new StringBuilder() : word).append(text);
  }

  /** Expands the variable at {@code text[at] == '$'} into {@code word}; returns the index after it. */
  private static int expand(String text, int at, Map<String, String> variables, StringBuilder word, String where) {
    boolean braced = at + 1 < text.length() && text.charAt(at + 1) == '{';
    Matcher m = NAME.matcher(text).region(at + (braced ? 2 : 1), text.length());
    if (!m.lookingAt()) {
      throw new IllegalArgumentException(where + ": '$' without a variable name in: " + text);
    }
    String name = m.group();
    int end = m.end();
    if (braced) {
      if (end >= text.length() || text.charAt(end) != '}') {
        throw new IllegalArgumentException(where + ": ${" + name + " is not closed in: " + text);
      }
      end++;
    }
    String value = variables.get(name);
    if (value == null) {
      throw new IllegalArgumentException(where + ": unknown variable $" + name + " (the test binds "
          + variables.keySet().stream().sorted().toList() + "): " + text);
    }
    word.append(value);
    return end;
  }
}
