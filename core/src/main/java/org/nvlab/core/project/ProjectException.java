package org.nvlab.core.project;

import java.util.List;

/** A project could not be loaded or compiled; carries every problem found, not just the first. */
public final class ProjectException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  public ProjectException(List<Problem> problems) {
    super(summary(problems));
    this.problems = List.copyOf(problems);
  }

  public ProjectException(Problem problem) {
    this(List.of(problem));
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String summary(List<Problem> problems) {
    StringBuilder b = new StringBuilder();
    for (Problem p : problems) {
      if (b.length() > 0) {
        b.append('\n');
      }
      b.append(p);
    }
    return b.toString();
  }
}
