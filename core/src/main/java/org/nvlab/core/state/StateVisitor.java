package org.nvlab.core.state;

/**
 * What walks a run's state: every part that holds state (the host, each pool, the population's
 * counters, the tick) describes it once, in one fixed order, by calling these methods with its
 * names and arrays, and the visitor decides what that means. {@link StateDigest} hashes it
 * (state_sha256); a checkpoint writer saves it; a checkpoint reader fills the same arrays back, so
 * saving and restoring can never disagree about what the state is.
 *
 * <p>A reader fills in place: before it fills an array whose length can vary (a pool's slots), the
 * part asks {@link #count} for the length, which a reader answers with the saved one, so the part
 * can make room first. Scalars go through {@link #value}/{@link #real}, which return the value to
 * keep (a reader returns the saved one).
 */
public interface StateVisitor {
  /**
   * True when only the state's content matters and not where it sits in memory: the state hash
   * visits each pool's vesicles in id order (copies), while saving and restoring visit the slots as
   * they are, in place.
   */
  boolean canonical();

  /**
   * True when the visitor fills the state (a checkpoint being read back): parts then drop what they
   * derived from the state they had (caches, last tick's lists) after they are visited.
   */
  default boolean restoring() {
    return false;
  }

  /**
   * A length or a count: returns {@code value}, or the saved one when restoring (the caller then
   * sizes its arrays to it before they are visited).
   */
  int count(String name, int value);

  /** A whole number of state: returns {@code value}, or the saved one when restoring. */
  long value(String name, long value);

  /** A real number of state: returns {@code value}, or the saved one when restoring. */
  double real(String name, double value);

  /** A text of state (a series name): returns {@code value}, or the saved one when restoring. */
  String text(String name, String value);

  /** The first {@code length} entries of {@code a} (read, or filled when restoring). */
  void floats(String name, float[] a, int length);

  void doubles(String name, double[] a, int length);

  void ints(String name, int[] a, int length);

  void longs(String name, long[] a, int length);

  /** Flags, e.g. which nodes are inputs. */
  void booleans(String name, boolean[] a, int length);

  default void floats(String name, float[] a) {
    floats(name, a, a.length);
  }

  default void doubles(String name, double[] a) {
    doubles(name, a, a.length);
  }

  default void ints(String name, int[] a) {
    ints(name, a, a.length);
  }
}
