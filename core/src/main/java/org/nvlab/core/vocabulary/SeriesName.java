package org.nvlab.core.vocabulary;

/**
 * One metric series' name, built and read in one place: {@code population.T}, {@code births.T},
 * {@code deaths.CAUSE.T}, {@code dockings.T}, {@code releases.T}, {@code released_payload.T} for a
 * vesicle type T, and the bare id for metrics over nodes ({@code mean_abs_gamma}). Type names may
 * contain dots: the type is whatever follows the metric (and cause).
 *
 * @param metric what is measured
 * @param cause the cause, for {@link Metric#DEATHS} only (else null)
 * @param type the vesicle type's name, for per-type metrics (else null)
 */
public record SeriesName(Metric metric, DeathCause cause, String type) {
  public SeriesName {
    if (metric == null) {
      throw new IllegalArgumentException("a series needs a metric");
    }
    if (metric.perType() != (type != null)) {
      throw new IllegalArgumentException(
          metric.id() + (metric.perType() ? " needs a vesicle type" : " has no vesicle type"));
    }
    if ((metric == Metric.DEATHS) != (cause != null)) {
      throw new IllegalArgumentException("a cause goes with deaths, and deaths need one");
    }
  }

  /** A per-type series other than deaths, e.g. {@code of(POPULATION, "carrier")}. */
  public static SeriesName of(Metric metric, String type) {
    return new SeriesName(metric, null, type);
  }

  /** A metric over nodes, e.g. {@code of(MEAN_GATE)}. */
  public static SeriesName of(Metric metric) {
    return new SeriesName(metric, null, null);
  }

  /** The deaths of a type by one cause. */
  public static SeriesName deaths(DeathCause cause, String type) {
    return new SeriesName(Metric.DEATHS, cause, type);
  }

  /** The series' name as written in metrics.csv and the run store. */
  public String text() {
    if (!metric.perType()) {
      return metric.id();
    }
    return cause == null
        ? metric.id() + "." + type
        : metric.id() + "." + cause.label() + "." + type;
  }

  /** Reads a series name, or returns null when it is none of the lab's. */
  public static SeriesName parse(String text) {
    if (text == null) {
      return null;
    }
    Metric bare = Metric.byId(text);
    if (bare != null && !bare.perType()) {
      return of(bare);
    }
    int dot = text.indexOf('.');
    if (dot <= 0 || dot == text.length() - 1) {
      return null;
    }
    Metric m = Metric.byId(text.substring(0, dot));
    if (m == null || !m.perType()) {
      return null;
    }
    String rest = text.substring(dot + 1);
    if (m != Metric.DEATHS) {
      return of(m, rest);
    }
    int second = rest.indexOf('.');
    if (second <= 0 || second == rest.length() - 1) {
      return null;
    }
    DeathCause c = DeathCause.byLabel(rest.substring(0, second));
    return c == null ? null : deaths(c, rest.substring(second + 1));
  }

  @Override
  public String toString() {
    return text();
  }
}
