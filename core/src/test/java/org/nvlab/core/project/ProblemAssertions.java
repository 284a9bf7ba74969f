package org.nvlab.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Locale;

/** Assertions on reported problems: exact file and pointer, key words of the message. */
public final class ProblemAssertions {
  private ProblemAssertions() {}

  /** The single problem reported, checked for file, pointer and words (case-insensitive). */
  public static Problem assertOnlyProblem(List<Problem> problems, String pointer, String... words) {
    assertEquals(
        1, problems.size(), () -> "expected exactly one problem, got:\n" + lines(problems));
    Problem p = problems.get(0);
    assertProblem(p, pointer, words);
    return p;
  }

  /** Some problem at {@code pointer} whose message holds every word. */
  public static Problem assertHasProblem(List<Problem> problems, String pointer, String... words) {
    for (Problem p : problems) {
      if (p.pointer().equals(pointer) && containsAll(p.message(), words)) {
        assertEquals(ProjectFixtures.FILE, p.file(), () -> "wrong file in " + p);
        return p;
      }
    }
    fail(
        "no problem at "
            + pointer
            + " saying "
            + String.join(" ... ", words)
            + "; got:\n"
            + lines(problems));
    return null;
  }

  public static void assertProblem(Problem p, String pointer, String... words) {
    assertEquals(ProjectFixtures.FILE, p.file(), () -> "wrong file in " + p);
    assertEquals(pointer, p.pointer(), () -> "wrong pointer in " + p);
    assertTrue(
        containsAll(p.message(), words),
        () -> "message of " + p + " lacks one of: " + String.join(" | ", words));
  }

  public static boolean containsAll(String message, String... words) {
    String m = message.toLowerCase(Locale.ROOT);
    for (String w : words) {
      if (!m.contains(w.toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }

  public static String lines(List<Problem> problems) {
    StringBuilder b = new StringBuilder();
    for (Problem p : problems) {
      b.append("  ").append(p).append('\n');
    }
    return b.toString();
  }
}
