package org.nvlab.core.graph;

import org.nvlab.core.random.CounterRng;
import org.nvlab.core.random.Purpose;
import org.nvlab.core.random.RngStream;

/**
 * How initial weights are drawn. {@code NORMAL_FAN_IN} scales the standard deviation by
 * 1/sqrt(fan-in) of the target, the usual choice that keeps activations O(1).
 *
 * @param law the distribution
 * @param a mean (normal laws), lower bound (uniform) or the value (constant)
 * @param b standard deviation (normal laws) or upper bound (uniform); unused for constant
 */
public record WeightInit(Law law, double a, double b) {

  public enum Law {
    CONSTANT,
    UNIFORM,
    NORMAL,
    NORMAL_FAN_IN
  }

  public static WeightInit constant(double value) {
    return new WeightInit(Law.CONSTANT, value, 0);
  }

  public static WeightInit normal(double mean, double std) {
    return new WeightInit(Law.NORMAL, mean, std);
  }

  float sample(long seed, int edge, int fanIn) {
    if (law == Law.CONSTANT) {
      return (float) a;
    }
    RngStream r = new RngStream().reset(CounterRng.draw(seed, 0, edge, Purpose.WEIGHTS));
    return switch (law) {
      case UNIFORM -> (float) (a + (b - a) * r.nextDouble());
      case NORMAL -> (float) (a + b * r.nextGaussian());
      case NORMAL_FAN_IN -> (float) (a + b / Math.sqrt(Math.max(1, fanIn)) * r.nextGaussian());
      case CONSTANT -> (float) a;
    };
  }
}
