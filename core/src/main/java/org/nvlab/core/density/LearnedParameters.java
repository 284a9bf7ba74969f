package org.nvlab.core.density;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.nvlab.core.vocabulary.DockingFeature;
import org.nvlab.core.vocabulary.KernelFeature;
import org.nvlab.core.vocabulary.Signals;

/**
 * Writes learned parameter blocks back into a project's JSON, so that a model trained through the
 * density relaxation becomes an ordinary project the stochastic engine (and the window) can run.
 */
public final class LearnedParameters {
  private LearnedParameters() {}

  /**
   * Sets, in {@code project} (the root of a project.json tree), every block the density model
   * names: kernel theta and per-move biases, emission weights, bias, maximum rate and payload map,
   * docking bias and weights, activation gain and bias readouts, learning-rule readouts.
   */
  public static void apply(ObjectNode project, DensityModel model, List<double[]> values) {
    List<Block> blocks = model.blocks();
    int zDim = model.signals - Signals.Z0;
    for (int b = 0; b < blocks.size(); b++) {
      String name = blocks.get(b).name();
      double[] v = values.get(b);
      int dot = name.indexOf('.');
      String type = name.substring(0, dot);
      String what = name.substring(dot + 1);
      ObjectNode t = typeNode(project, type);
      switch (what) {
        case "kernel.theta" -> {
          ObjectNode th = obj(obj(t, "kernel"), "theta");
          for (KernelFeature f : KernelFeature.ALL) {
            th.put(f.id(), v[f.ordinal()]);
          }
        }
        case "kernel.edgeBias" -> obj(t, "kernel").set("edgeBias", array(t, v));
        case "emission.weights" -> {
          ObjectNode w = obj(obj(t, "emission"), "weights");
          for (int k = 0; k < Signals.Z0; k++) {
            w.put(Signals.name(k), v[k]);
          }
          ArrayNode z = w.putArray("z");
          for (int k = 0; k < zDim; k++) {
            z.add(v[Signals.Z0 + k]);
          }
        }
        case "emission.bias" -> obj(t, "emission").put("bias", v[0]);
        case "emission.lambdaMax" -> obj(t, "emission").put("lambdaMax", v[0]);
        case "emission.payload.matrix" -> {
          ObjectNode p = obj(obj(t, "emission"), "payload");
          p.remove("z"); // the matrix carries the z columns too
          int cols = model.signals;
          ArrayNode rows = p.putArray("matrix");
          for (int r = 0; r < v.length / cols; r++) {
            ArrayNode row = rows.addArray();
            for (int c = 0; c < cols; c++) {
              row.add(v[r * cols + c]);
            }
          }
        }
        case "emission.payload.offset" ->
            obj(obj(t, "emission"), "payload").set("offset", array(t, v));
        case "docking.bias" -> obj(t, "docking").put("bias", v[0]);
        case "docking.eta" -> {
          ObjectNode d = obj(obj(t, "docking"), "weights");
          for (DockingFeature f : DockingFeature.ALL) {
            d.put(f.id(), v[f.ordinal()]);
          }
        }
        default -> releaseBlock(t, what, v, model, type);
      }
    }
  }

  private static void releaseBlock(
      ObjectNode t, String what, double[] v, DensityModel m, String type) {
    // release.activation<a>.gain|bias, release.learning<l>.l
    String[] parts = what.split("\\.");
    if (parts.length != 3 || !parts[0].equals("release")) {
      throw new IllegalArgumentException("no project field for parameter " + what);
    }
    boolean activation = parts[1].startsWith("activation");
    int index =
        Integer.parseInt(
            parts[1].substring(activation ? "activation".length() : "learning".length()));
    JsonNode list = t.get("release");
    int seen = 0;
    for (JsonNode r : list) {
      String kind = r.path("kind").asText();
      if (kind.equals(activation ? "activation" : "learning")) {
        if (seen++ == index) {
          ObjectNode op = (ObjectNode) r;
          if (activation && parts[2].equals("gain")) {
            int d = m.types[m.typeIndex(type)].d;
            if (v.length == d) {
              op.set("gain", array(t, v));
              op.remove("gainPerNode");
            } else {
              ArrayNode rows = op.putArray("gainPerNode");
              for (int i = 0; i < v.length / d; i++) {
                ArrayNode row = rows.addArray();
                for (int k = 0; k < d; k++) {
                  row.add(v[i * d + k]);
                }
              }
              op.remove("gain");
            }
          } else {
            op.set(activation ? "bias" : "l", array(t, v));
          }
          return;
        }
      }
    }
    throw new IllegalArgumentException("the project has no release for " + what);
  }

  /** The child object {@code name} of {@code parent}, created when absent. */
  private static ObjectNode obj(ObjectNode parent, String name) {
    JsonNode c = parent.get(name);
    if (c instanceof ObjectNode o) {
      return o;
    }
    return parent.putObject(name);
  }

  private static ObjectNode typeNode(ObjectNode project, String name) {
    for (JsonNode t : project.path("vesicleTypes")) {
      if (t.path("name").asText().equals(name)) {
        return (ObjectNode) t;
      }
    }
    throw new IllegalArgumentException("the project has no vesicle type named " + name);
  }

  private static ArrayNode array(ObjectNode anyNode, double[] v) {
    ArrayNode a = anyNode.arrayNode();
    for (double x : v) {
      a.add(x);
    }
    return a;
  }
}
