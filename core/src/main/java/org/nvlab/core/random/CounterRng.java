package org.nvlab.core.random;

/**
 * Counter-based randomness: every draw is a pure function of (seed, tick, id, purpose).
 *
 * <p>A draw is {@code mix64(tickKey(seed, tick, purpose) + id * GOLDEN)}: the tick key is mixed
 * twice so that different ticks and purposes give unrelated sequences, and the per-id step is one
 * SplitMix64 output (the Stafford "mix13" finaliser), which passes BigCrush on consecutive
 * counters. Because no state is carried from one draw to the next, a run gives the same bits
 * whatever the number of threads or the order in which vesicles are visited.
 *
 * <p>Where one key needs several draws (a Poisson count, a Gaussian), use {@link RngStream}, which
 * starts from a draw and walks the SplitMix64 sequence from there.
 */
public final class CounterRng {
  /** The golden-ratio increment of SplitMix64. */
  public static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private static final long TICK_MULT = 0xD1B54A32D192ED03L;

  private CounterRng() {}

  /** The SplitMix64 finaliser: a bijective, avalanching 64-bit mix. */
  public static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The key of all draws for one (seed, tick, purpose); compute once per tick and purpose. */
  public static long tickKey(long seed, long tick, int purpose) {
    long k = mix64(seed + GOLDEN * (purpose + 1L));
    return mix64(k ^ mix64(tick * TICK_MULT + 0x632BE59BD9B4E019L));
  }

  /** One 64-bit draw for an entity (vesicle id, node id, edge id) under a tick key. */
  public static long draw(long tickKey, long id) {
    return mix64(tickKey + id * GOLDEN);
  }

  /** The full draw in one call, for code outside hot loops. */
  public static long draw(long seed, long tick, long id, int purpose) {
    return draw(tickKey(seed, tick, purpose), id);
  }

  /** Uniform in [0, 1) from the top 53 bits. */
  public static double unit(long h) {
    return (h >>> 11) * 0x1.0p-53;
  }

  /** Uniform in (0, 1): never 0, so safe under a logarithm. */
  public static double unitOpen(long h) {
    return ((h >>> 11) + 0.5) * 0x1.0p-53;
  }

  /** Uniform integer in [0, bound) by multiply-shift on the top 32 bits (bias below 2^-32). */
  public static int below(long h, int bound) {
    return (int) (((h >>> 32) * bound) >>> 32);
  }
}
