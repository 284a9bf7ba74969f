package org.nvlab.core.vocabulary;

import java.util.List;
import java.util.Locale;

/**
 * The metric series a run records once per tick (step 6 of the tick). A series is named by {@link
 * SeriesName}: a per-type metric carries the type's name ({@code population.carrier}), deaths also
 * their cause ({@code deaths.expired.carrier}); the others are one number per tick ({@code
 * mean_abs_gamma}). These names are what {@code metrics.csv}, the run store and the charts show.
 */
public enum Metric {
  /** Live vesicles of the type after the tick. */
  POPULATION("population", true, "vesicles alive"),
  /** Vesicles of the type born in the tick. */
  BIRTHS("births", true, "vesicles born"),
  /** Vesicles of the type that died in the tick, by cause. */
  DEATHS("deaths", true, "vesicles that died"),
  /** Vesicles of the type that docked in the tick. */
  DOCKINGS("dockings", true, "vesicles that docked"),
  /** Releases by the type's vesicles in the tick (dwelling vesicles release every tick). */
  RELEASES("releases", true, "releases"),
  /** The L1 payload mass the type released in the tick. */
  RELEASED_PAYLOAD("released_payload", true, "payload released (L1)"),
  /** Mean activation over nodes. */
  MEAN_ACTIVATION("mean_activation", false, "mean activation a"),
  /** Mean |gamma| over nodes. */
  MEAN_ABS_GAMMA("mean_abs_gamma", false, "mean |gamma|"),
  /** Mean |beta| over nodes. */
  MEAN_ABS_BETA("mean_abs_beta", false, "mean |beta|"),
  /** Mean plasticity gate over nodes. */
  MEAN_GATE("mean_gate", false, "mean gate g"),
  /** Mean length of the nodes' memory traces (hosts with memory). */
  MEAN_MEMORY_NORM("mean_memory_norm", false, "mean |M|"),
  /** Share of nodes that spiked (LIF hosts). */
  SPIKE_RATE("spike_rate", false, "spike rate"),
  /** The task's loss (projects with task targets). */
  LOSS("loss", false, "task loss"),
  /** The global reward signal (projects with a reward). */
  REWARD("reward", false, "reward");

  /** Every metric, in declaration order (one shared list: {@code values()} copies). */
  public static final List<Metric> ALL = List.of(values());

  private final String id;
  private final boolean perType;
  private final String label;

  Metric(String id, boolean perType, String label) {
    this.id = id;
    this.perType = perType;
    this.label = label;
  }

  /** The name as written in series names, e.g. {@code released_payload}. */
  public String id() {
    return id;
  }

  /** True when the metric has one series per vesicle type. */
  public boolean perType() {
    return perType;
  }

  /** A short human label for charts and tables. */
  public String label() {
    return label;
  }

  /** The metric with this id, or null. */
  public static Metric byId(String id) {
    for (Metric m : ALL) {
      if (m.id.equals(id)) {
        return m;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
