package org.nvlab.core.limits;

import java.util.Arrays;

/**
 * The median and range of one quantity over seeds. NaN values (a quantity a condition does not
 * have) are left out; with none left every field is NaN.
 *
 * @param median the median (the mean of the two middle values for an even count)
 * @param min the smallest value
 * @param max the largest value
 * @param count how many values were summarised
 */
public record Spread(double median, double min, double max, int count) {

  public static Spread of(double[] values) {
    double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
    int m = v.length;
    if (m == 0) {
      return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
    }
    double median = m % 2 == 1 ? v[m / 2] : 0.5 * (v[m / 2 - 1] + v[m / 2]);
    return new Spread(median, v[0], v[m - 1], m);
  }
}
