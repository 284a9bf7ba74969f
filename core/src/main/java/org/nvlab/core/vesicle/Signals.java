package org.nvlab.core.vesicle;

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

  /** Names in order, for documentation and messages. */
  public static String name(int k) {
    return switch (k) {
      case ACTIVATION -> "activation";
      case ABS_ERROR -> "abs_error";
      case SPIKE -> "spike";
      case GATE -> "gate";
      case REWARD -> "reward";
      case TASK -> "task";
      default -> "z" + (k - Z0);
    };
  }
}
