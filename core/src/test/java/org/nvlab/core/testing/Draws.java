package org.nvlab.core.testing;

import org.nvlab.core.random.CounterRng;
import org.nvlab.core.random.RngStream;

/**
 * The random draws of one property case, from its seed alone: the lab's counter-based randomness
 * ({@link CounterRng}, {@link RngStream}) keyed by the seed, read in order. Draw k of seed s is a
 * pure function of (s, k), computed by the lab's own code, so a seed names the same case on any
 * machine, JDK and thread (nothing here asks {@code java.util.Random} or the JDK's bounded-draw
 * algorithms, which are free to change).
 *
 * <p>One instance belongs to one case and one thread; make a new one per case with {@link
 * #of(long)}.
 */
public final class Draws {
  /**
   * The purpose that keys test draws. Test cases never share a stream with a simulation, but a
   * purpose outside {@code Purpose}'s range keeps them apart even if a test seeds both the same.
   */
  static final int PURPOSE = 1 << 30;

  private final long seed;
  private final RngStream stream;

  private Draws(long seed) {
    this.seed = seed;
    this.stream = new RngStream().reset(CounterRng.draw(seed, 0, 0, PURPOSE));
  }

  /** The draws of the case with this seed, from the first. */
  public static Draws of(long seed) {
    return new Draws(seed);
  }

  /** The seed these draws come from. */
  public long seed() {
    return seed;
  }

  /** The next 64 bits. */
  public long nextLong() {
    return stream.nextLong();
  }

  /** Uniform in [0, bound), bound at least 1 (bias below 2^-32, see {@link CounterRng#below}). */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive, got " + bound);
    }
    return CounterRng.below(stream.nextLong(), bound);
  }

  /** True or false, each with probability one half (the top bit of a draw). */
  public boolean nextBoolean() {
    return stream.nextLong() < 0;
  }

  /** Uniform in [0, 1) from the top 53 bits of a draw. */
  public double nextDouble() {
    return CounterRng.unit(stream.nextLong());
  }
}
