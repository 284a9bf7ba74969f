package org.nvlab.core.observe;

import org.nvlab.core.record.MetricsRecorder;
import org.nvlab.core.vocabulary.DeathCause;
import org.nvlab.core.vocabulary.Metric;
import org.nvlab.core.vocabulary.SeriesName;

/**
 * Records a run's metric series, one row per tick (step 6 of the tick), into a {@link
 * MetricsRecorder}: per type its population, births, deaths by cause, dockings, releases and
 * released payload; over nodes the mean activation, |gamma|, |beta| and gate; the spike rate (LIF),
 * the mean memory norm (hosts with memory), the loss (tasks) and the reward. Series names come from
 * {@link SeriesName}. Recording a tick allocates nothing once the recorder's columns are large
 * enough.
 *
 * <p>The recorder may outlive a run: attached to another run with the same types (a run resumed
 * from a checkpoint, a branch), it goes on adding rows to the series it has.
 */
public final class MetricsObserver implements Observer {
  private final MetricsRecorder metrics;
  private int[] population;
  private int[] births;
  private int[][] deaths;
  private int[] dockings;
  private int[] releases;
  private int[] released;
  private int activation;
  private int gamma;
  private int beta;
  private int gate;
  private int spikes = -1;
  private int memory = -1;
  private int loss = -1;
  private int reward = -1;

  /** Records into a new recorder. */
  public MetricsObserver() {
    this(new MetricsRecorder());
  }

  /** Records into {@code metrics} (which may hold earlier rows of the same run). */
  public MetricsObserver(MetricsRecorder metrics) {
    this.metrics = metrics;
  }

  public MetricsRecorder recorder() {
    return metrics;
  }

  @Override
  public void attached(SimulationView sim) {
    int k = sim.typeCount();
    population = new int[k];
    births = new int[k];
    deaths = new int[k][DeathCause.COUNT];
    dockings = new int[k];
    releases = new int[k];
    released = new int[k];
    for (int t = 0; t < k; t++) {
      String name = sim.typeName(t);
      population[t] = series(SeriesName.of(Metric.POPULATION, name));
      births[t] = series(SeriesName.of(Metric.BIRTHS, name));
      for (DeathCause c : DeathCause.ALL) {
        deaths[t][c.ordinal()] = series(SeriesName.deaths(c, name));
      }
      dockings[t] = series(SeriesName.of(Metric.DOCKINGS, name));
      releases[t] = series(SeriesName.of(Metric.RELEASES, name));
      released[t] = series(SeriesName.of(Metric.RELEASED_PAYLOAD, name));
    }
    activation = series(SeriesName.of(Metric.MEAN_ACTIVATION));
    gamma = series(SeriesName.of(Metric.MEAN_ABS_GAMMA));
    beta = series(SeriesName.of(Metric.MEAN_ABS_BETA));
    gate = series(SeriesName.of(Metric.MEAN_GATE));
    spikes = sim.spiking() ? series(SeriesName.of(Metric.SPIKE_RATE)) : -1;
    memory = sim.memoryDim() > 0 ? series(SeriesName.of(Metric.MEAN_MEMORY_NORM)) : -1;
    loss = sim.hasTask() ? series(SeriesName.of(Metric.LOSS)) : -1;
    reward = sim.hasReward() ? series(SeriesName.of(Metric.REWARD)) : -1;
  }

  /** A series' index: declared on a new recorder, found on one that holds a run already. */
  private int series(SeriesName name) {
    int k = metrics.index(name.text());
    if (k >= 0) {
      return k;
    }
    if (metrics.rows() > 0) {
      throw new IllegalStateException(
          "these metrics belong to a run without the series " + name.text());
    }
    return metrics.series(name);
  }

  @Override
  public void ticked(SimulationView sim) {
    metrics.begin(sim.tick() - 1);
    for (int t = 0; t < population.length; t++) {
      metrics.set(population[t], sim.vesicleCount(t));
      metrics.set(births[t], sim.births(t));
      for (int c = 0; c < DeathCause.COUNT; c++) {
        metrics.set(deaths[t][c], sim.deaths(t, DeathCause.of(c)));
      }
      metrics.set(dockings[t], sim.dockings(t));
      metrics.set(releases[t], sim.releases(t));
      metrics.set(released[t], sim.releasedPayload(t));
    }
    int n = sim.nodeCount();
    double a = 0;
    double gm = 0;
    double bt = 0;
    double gt = 0;
    double sp = 0;
    for (int i = 0; i < n; i++) {
      a += sim.activation(i);
      gm += Math.abs(sim.gamma(i));
      bt += Math.abs(sim.beta(i));
      gt += sim.gate(i);
      sp += sim.spike(i);
    }
    metrics.set(activation, a / n);
    metrics.set(gamma, gm / n);
    metrics.set(beta, bt / n);
    metrics.set(gate, gt / n);
    if (spikes >= 0) {
      metrics.set(spikes, sp / n);
    }
    if (memory >= 0) {
      metrics.set(memory, meanMemoryNorm(sim));
    }
    if (loss >= 0) {
      metrics.set(loss, sim.loss());
    }
    if (reward >= 0) {
      metrics.set(reward, sim.reward());
    }
    metrics.commit();
  }

  /** Mean over nodes of |M_i|, the length of each node's memory trace. */
  private static double meanMemoryNorm(SimulationView sim) {
    int m = sim.memoryDim();
    int n = sim.nodeCount();
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double sq = 0;
      for (int k = 0; k < m; k++) {
        double v = sim.memory(i, k);
        sq += v * v;
      }
      sum += Math.sqrt(sq);
    }
    return sum / n;
  }
}
