package org.nvlab.core.density;

import java.util.List;
import org.nvlab.core.Model;
import org.nvlab.core.observe.Observer;
import org.nvlab.core.observe.SimulationView;
import org.nvlab.core.observe.SnapshotMaker;
import org.nvlab.core.project.ProjectSpec;

/**
 * The density model stepped alongside a run: after every tick of the run it steps the mean-field
 * model of the same project to the same tick, so a viewer can put rho (the expected undocked
 * vesicles per node) next to the vesicles it draws. It follows the project as written, from tick 0
 * (the run's own host has learned since), is rebuilt when the run takes new rules, and after a
 * rewind replays the model to the run's tick (it is deterministic).
 *
 * <p>Which type to show may be chosen from any thread ({@link #show}); everything else happens on
 * the thread that steps the run. When the model cannot represent the project, or fails, {@link
 * #problem} says why and no values are given.
 */
public final class DensityCompanion implements Observer, SnapshotMaker.NodeValues {
  private volatile String wanted;
  private String shownType;
  private ProjectSpec builtFor;
  private DensityModel model;
  private int type = -1;
  private String problem;

  /** Shows this type's rho from the next tick on (null: none, and the model is dropped). */
  public void show(String typeName) {
    wanted = typeName;
  }

  /** The type asked for, or null. */
  public String wanted() {
    return wanted;
  }

  @Override
  public void attached(SimulationView sim) {
    sync(sim);
  }

  @Override
  public void ticked(SimulationView sim) {
    sync(sim);
  }

  @Override
  public void rulesChanged(SimulationView sim) {
    builtFor = null; // rebuilt at the next sync, from the rules the run follows now
    sync(sim);
  }

  @Override
  public void detached(SimulationView sim) {
    drop();
  }

  /** Builds, rebuilds or drops the model to match what is asked and the run, then catches up. */
  public void sync(SimulationView sim) {
    String name = wanted;
    if (name == null) {
      drop();
      return;
    }
    if (!name.equals(shownType)
        || builtFor != sim.spec()
        || (model != null && model.tick() > sim.tick())) {
      build(sim, name);
    }
    if (model != null && model.tick() < sim.tick()) {
      try {
        model.run(sim.tick() - model.tick());
      } catch (RuntimeException e) {
        fail(e);
      }
    }
  }

  private void build(SimulationView sim, String name) {
    drop();
    shownType = name;
    builtFor = sim.spec();
    type = sim.typeIndex(name);
    if (type < 0) {
      problem = "this project has no vesicle type '" + name + "'";
      return;
    }
    try {
      Model m = Model.compile(sim.spec());
      List<String> why = DensityModel.problems(m);
      if (!why.isEmpty()) {
        problem = String.join("; ", why);
        return;
      }
      model = new DensityModel(m);
    } catch (Exception e) {
      fail(e);
    }
  }

  private void fail(Exception e) {
    if (model != null) {
      model.close();
      model = null;
    }
    problem =
        "the density model stopped: " + (e.getMessage() != null ? e.getMessage() : e.toString());
  }

  private void drop() {
    if (model != null) {
      model.close();
      model = null;
    }
    shownType = null;
    builtFor = null;
    type = -1;
    problem = null;
  }

  /** The type shown, by index (-1: none asked for). */
  public int type() {
    return shownType == null ? -1 : Math.max(0, type);
  }

  /** Why there are no values for the type asked for, or null. */
  public String problem() {
    return problem;
  }

  /** True when values are there to show. */
  public boolean hasValues() {
    return model != null;
  }

  /** The values to draw, or null when there are none (see {@link #problem}). */
  public SnapshotMaker.NodeValues values() {
    return model != null ? this : null;
  }

  @Override
  public double value(int type, int node) {
    return model.rho(type, node);
  }
}
