package dev.tarn.runbooks;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One command line of a {@code shell} block of a runbook, split into words as a shell would, with its variables
 * bound.
 *
 * @param line the line of the document where the command starts (1-based), for failure messages
 * @param text the command as written
 * @param words the words after quote removal and variable expansion
 * @param runsUntilStopped whether the document marks it {@code # runs until stopped} (a long-running process)
 */
record RunbookCommand(int line, String text, List<String> words, boolean runsUntilStopped) {
  RunbookCommand {
    requireNonNull(text, "text is null");
    words = List.copyOf(words);
    if (words.isEmpty()) {
      throw new IllegalArgumentException("line " + line + ": empty command");
    }
  }

  String program() {
    return words.get(0);
  }

  List<String> arguments() {
    return words.subList(1, words.size());
  }

  @Override
  public String toString() {
    return "runbooks.md:" + line + ": " + text;
  }
}
