package org.nvlab.core;

import java.util.List;
import org.nvlab.core.project.ProjectSpec;
import org.nvlab.core.project.ProjectSpec.TypeSpec;

/**
 * What moving a run from one model to another means, decided here and nowhere else: nothing (the
 * run uses nothing that changed), a live change (new vesicle-type rules taken at the next tick,
 * keeping every vesicle, the host's state and the metrics), or a reset (a new run is needed).
 *
 * <p>A reset is needed when anything but vesicle-type rules changed (the host, its graph and
 * weights, the project seed that keys the structure's randomness, the global signals), when types
 * were added, removed, renamed or reordered (names key the metrics and cascades), or when a type's
 * payload or state dimension or its dwelling changed (the vesicles alive keep their place in the
 * pools, whose layout those fix).
 *
 * @param kind nothing, live or reset
 * @param reason why a reset is needed (null otherwise)
 */
public record ModelChange(Kind kind, String reason) {
  public enum Kind {
    /** Nothing a run uses changed (a name, a description, the default ticks). */
    NONE,
    /** The running model can take the new rules at its next tick. */
    LIVE,
    /** Only a new run can have it. */
    RESET
  }

  private static final ModelChange NONE = new ModelChange(Kind.NONE, null);
  private static final ModelChange LIVE = new ModelChange(Kind.LIVE, null);

  /** What a run of {@code running} would make of {@code next}. */
  public static ModelChange between(Model running, Model next) {
    return between(running.spec(), running.keys(), next.spec(), next.keys());
  }

  /** What a run of the project {@code running} would make of the project {@code next}. */
  public static ModelChange between(ProjectSpec running, ProjectSpec next) {
    return between(running, ModelKeys.of(running), next, ModelKeys.of(next));
  }

  private static ModelChange between(
      ProjectSpec running, ModelKeys a, ProjectSpec next, ModelKeys b) {
    if (running.seed() != next.seed()) {
      return reset("the project seed changed (it keys the network's random structure)");
    }
    if (!a.host().equals(b.host())) {
      return reset("the host network changed");
    }
    if (!a.globals().equals(b.globals())) {
      return reset("the global signals changed");
    }
    String layout = layoutChange(running.vesicleTypes(), next.vesicleTypes());
    if (layout != null) {
      return reset(layout);
    }
    return a.rules().equals(b.rules()) ? NONE : LIVE;
  }

  /**
   * Why {@code next} cannot replace the running types in place, or null: the same number of types,
   * each with the running one's name, payload and state dimension and dwelling.
   */
  private static String layoutChange(List<TypeSpec> running, List<TypeSpec> next) {
    if (next.size() != running.size()) {
      return "the project has " + next.size() + " vesicle types, the run " + running.size();
    }
    for (int k = 0; k < running.size(); k++) {
      TypeSpec a = running.get(k);
      TypeSpec b = next.get(k);
      String what = "type " + k + " '" + a.name() + "'";
      if (!b.name().equals(a.name())) {
        return what + " is now '" + b.name() + "'";
      }
      if (b.payloadDim() != a.payloadDim() || b.stateDim() != a.stateDim()) {
        return what + " changed its payload or state dimension";
      }
      if ((b.docking().dwell() > 1) != (a.docking().dwell() > 1)) {
        return what + " changed whether docked vesicles dwell";
      }
    }
    return null;
  }

  private static ModelChange reset(String reason) {
    return new ModelChange(Kind.RESET, reason);
  }

  /** True when a running simulation can take the change (nothing, or new rules). */
  public boolean live() {
    return kind != Kind.RESET;
  }
}
