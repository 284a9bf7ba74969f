package org.nvlab.core.density;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far the stochastic engine's seed mean is from the density model: z-scores (mean - rho) /
 * stderr over every (tick, type, node) cell where the runs varied, and the relative drift sum |mean
 * - rho| / sum mean. On a feedback-free project the z-scores are standard normal; with feedback
 * (releases that change the rules' inputs) the mean field drifts, and this says how far.
 */
public final class MeanFieldComparison {
  private MeanFieldComparison() {}

  /** Steps a fresh model through the average's ticks and compares cell by cell. */
  public static Map<String, Object> compare(SeedAverage avg, DensityModel m) {
    double sum = 0;
    double sq = 0;
    double max = 0;
    int cells = 0;
    double absDiff = 0;
    double mass = 0;
    for (int t = 0; t < avg.ticks(); t++) {
      m.step();
      for (int k = 0; k < m.typeCount(); k++) {
        for (int i = 0; i < m.nodeCount(); i++) {
          double rho = m.rho(k, i);
          double mean = avg.mean(t, k, i);
          absDiff += Math.abs(mean - rho);
          mass += mean;
          double se = avg.stderr(t, k, i);
          if (se == 0) {
            continue;
          }
          double z = (mean - rho) / se;
          sum += z;
          sq += z * z;
          max = Math.max(max, Math.abs(z));
          cells++;
        }
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    double zMean = cells == 0 ? 0 : sum / cells;
    out.put("runs", avg.runs());
    out.put("ticks", avg.ticks());
    out.put("cells", cells);
    out.put("z_mean", zMean);
    out.put("z_sd", cells == 0 ? 0 : Math.sqrt(Math.max(0, sq / cells - zMean * zMean)));
    out.put("z_max_abs", max);
    out.put("relative_drift", mass == 0 ? 0 : absDiff / mass);
    out.put("approximations", m.approximations());
    return out;
  }
}
