package org.nvlab.core.vocabulary;

/**
 * The signal vector x_i that emission rules and payload maps read (SPEC section 3): local signals
 * of node i followed by global meta-signals. Its layout is fixed here so projects, docs and code
 * agree.
 */
public final class Signals {
  private Signals() {}

  public static final int ACTIVATION = 0;
  public static final int ABS_ERROR = 1;
  public static final int SPIKE = 2;
  public static final int GATE = 3;
  public static final int REWARD = 4;
  public static final int TASK = 5;

  /** Index of z_0; the conditioning vector z follows. */
  public static final int Z0 = 6;

  /** The length of x for a conditioning vector of dimension zDim. */
  public static int length(int zDim) {
    return Z0 + zDim;
  }

  /** What each named signal is, in one line (the z components are "conditioning vector z_k"). */
  public static String help(int k) {
    return switch (k) {
      case ACTIVATION -> "the node's activation a_i";
      case ABS_ERROR -> "the node's |error|";
      case SPIKE -> "1 when the node spiked this tick (LIF)";
      case GATE -> "the node's plasticity gate g_i";
      case REWARD -> "the global reward";
      case TASK -> "the global task id";
      default -> "component " + (k - Z0) + " of the conditioning vector z";
    };
  }

  /** The names of the signals before z, in order: the keys of {@code emission.weights}. */
  public static final java.util.List<String> NAMED =
      java.util.List.of("activation", "abs_error", "spike", "gate", "reward", "task");

  /** Names in order, for documentation and messages. */
  public static String name(int k) {
    return k < Z0 ? NAMED.get(k) : "z" + (k - Z0);
  }
}
