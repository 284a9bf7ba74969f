package org.nvlab.core.release;

/**
 * A kind of release operator: its name in project files and how its operator is built from an
 * entry. The five built-in kinds are providers like any plugin's, and {@link ReleaseKinds} holds
 * them all; plugins add theirs through {@link java.util.ServiceLoader}.
 */
public interface ReleaseOperatorProvider {
  /** The kind name this provider answers to (a plugin's must not be a built-in kind's). */
  String kind();

  /** One line saying what the kind does, for editors and messages. */
  default String help() {
    return "";
  }

  /**
   * Builds the operator of one entry. The operator belongs to a compiled model that every run of it
   * shares, on any thread: it must keep nothing of a run (see {@link NodeRelease}).
   *
   * @return the operator, or null after reporting every problem through {@link
   *     ReleaseContext#problem}
   * @throws IllegalArgumentException with a message naming a bad parameter (reported at the entry's
   *     {@code params})
   */
  ReleaseOperator create(ReleaseContext entry);
}
