package org.nvlab.core.limits;

/**
 * What one run of one condition produced, and its effect measured against the run without vesicles
 * on the same seed.
 *
 * @param condition the condition
 * @param seed the seed (project and run)
 * @param finalLoss the loss at the last tick
 * @param windowLoss the mean loss over the last {@code window} ticks
 * @param dockings docking events over the run: the interventions
 * @param releases release events (a dwelling vesicle releases on every tick it dwells)
 * @param releasedPayload the payload mass released over the run (sum of the released_payload
 *     series): with l = 1, the total gate increment
 * @param dockingTopShare the share of the dockings made on the docking site with the largest |e| of
 *     their tick (NaN without dockings); a uniform choice gives 1 / sites
 * @param dockingTop3Share the same for the three sites with the largest |e|
 * @param payloadTopShare the share of the released payload that landed on the site with the largest
 *     |e| of its tick (a dwelling vesicle keeps releasing after its docking, while learning lowers
 *     the error it found, so this share is lower than the docking share)
 * @param reduction windowLoss of the run without vesicles minus this windowLoss
 * @param relativeReduction reduction over the windowLoss without vesicles
 * @param reductionPerDocking reduction / dockings (NaN without dockings)
 * @param reductionPerPayload reduction / releasedPayload (NaN without payload)
 */
public record AgentsOutcome(
    AgentsCondition condition,
    long seed,
    double finalLoss,
    double windowLoss,
    long dockings,
    long releases,
    double releasedPayload,
    double dockingTopShare,
    double dockingTop3Share,
    double payloadTopShare,
    double reduction,
    double relativeReduction,
    double reductionPerDocking,
    double reductionPerPayload) {

  /**
   * Computes the outcome from a run's loss series and counts.
   *
   * @param loss the loss at every tick, in tick order
   * @param window the last ticks to average over (at most loss.length)
   * @param baselineWindowLoss the windowLoss of the run without vesicles on the same seed
   */
  public static AgentsOutcome of(
      AgentsCondition condition,
      long seed,
      double[] loss,
      int window,
      long dockings,
      long releases,
      double releasedPayload,
      double dockingTopShare,
      double dockingTop3Share,
      double payloadTopShare,
      double baselineWindowLoss) {
    if (window < 1 || window > loss.length) {
      throw new IllegalArgumentException(
          "window " + window + " must be in 1.." + loss.length + " (the ticks run)");
    }
    double windowLoss = windowMean(loss, window);
    double reduction = baselineWindowLoss - windowLoss;
    return new AgentsOutcome(
        condition,
        seed,
        loss[loss.length - 1],
        windowLoss,
        dockings,
        releases,
        releasedPayload,
        dockingTopShare,
        dockingTop3Share,
        payloadTopShare,
        reduction,
        reduction / baselineWindowLoss,
        dockings > 0 ? reduction / dockings : Double.NaN,
        releasedPayload > 0 ? reduction / releasedPayload : Double.NaN);
  }

  /** The mean of the last {@code window} values. */
  public static double windowMean(double[] series, int window) {
    double s = 0;
    for (int t = series.length - window; t < series.length; t++) {
      s += series[t];
    }
    return s / window;
  }
}
