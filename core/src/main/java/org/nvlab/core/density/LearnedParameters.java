package org.nvlab.core.density;

import java.util.List;
import org.nvlab.core.project.ProjectBuilder;
import org.nvlab.core.project.ProjectSpec;
import org.nvlab.core.project.TypeBuilder;
import org.nvlab.core.vocabulary.ReleaseKind;

/**
 * Sets learned parameter blocks in a project's spec, so that a model trained through the density
 * relaxation becomes an ordinary project the stochastic engine (and the window) can run, and that
 * {@code ProjectWriter} writes like any other.
 */
public final class LearnedParameters {
  private LearnedParameters() {}

  /**
   * {@code spec} with every block the density model names set to {@code values}: kernel theta and
   * per-move biases, emission weights, bias, maximum rate and payload map, docking bias and
   * weights, activation gain and bias readouts (shared or per node, by their length), and
   * learning-rule readouts. The rest of the spec is as it was.
   */
  public static ProjectSpec apply(ProjectSpec spec, DensityModel model, List<double[]> values) {
    ProjectBuilder project = ProjectBuilder.from(spec);
    List<Block> blocks = model.blocks();
    for (int b = 0; b < blocks.size(); b++) {
      String name = blocks.get(b).name();
      double[] v = values.get(b);
      int dot = name.indexOf('.');
      String type = name.substring(0, dot);
      String what = name.substring(dot + 1);
      int d = model.types[model.typeIndex(type)].d;
      project.withType(type, t -> set(t, what, v, d));
    }
    return project.build();
  }

  private static void set(TypeBuilder t, String what, double[] v, int d) {
    switch (what) {
      case "kernel.theta" -> t.kernel(k -> k.theta(v));
      case "kernel.edgeBias" -> t.kernel(k -> k.edgeBias(v));
      case "emission.weights" -> t.emission(e -> e.weights(v));
      case "emission.bias" -> t.emission(e -> e.bias(v[0]));
      case "emission.lambdaMax" -> t.emission(e -> e.lambdaMax(v[0]));
      // The learned matrix covers the z columns too.
      case "emission.payload.matrix" -> t.emission(e -> e.payloadMatrix(v));
      case "emission.payload.offset" -> t.emission(e -> e.payloadOffset(v));
      case "docking.bias" -> t.docking(k -> k.bias(v[0]));
      case "docking.eta" -> t.docking(k -> k.weights(v));
      default -> release(t, what, v, d);
    }
  }

  /** release.activation{a}.gain|bias and release.learning{l}.l: the a-th (l-th) of its kind. */
  private static void release(TypeBuilder t, String what, double[] v, int d) {
    String[] parts = what.split("\\.");
    if (parts.length != 3 || !parts[0].equals("release")) {
      throw new IllegalArgumentException("no project field for parameter " + what);
    }
    ReleaseKind kind =
        parts[1].startsWith(ReleaseKind.ACTIVATION.id())
            ? ReleaseKind.ACTIVATION
            : ReleaseKind.LEARNING;
    int index = Integer.parseInt(parts[1].substring(kind.id().length()));
    boolean shared = v.length == d;
    try {
      t.withRelease(
          kind,
          index,
          r -> {
            switch (parts[2]) {
              case "gain" -> {
                if (shared) {
                  r.gain(v);
                } else {
                  r.gainPerNode(v);
                }
              }
              case "bias" -> {
                if (shared) {
                  r.bias(v);
                } else {
                  r.biasPerNode(v);
                }
              }
              default -> r.l(v);
            }
          });
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the project has no release for " + what, e);
    }
  }
}
