package org.nvlab.core.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Brings an older project file up to the current format, one version at a time, on load. Each step
 * is a small, tested transformation of the JSON tree; the file on disk changes only when the
 * project is saved (or by {@code nvlab migrate}), and the previous file is kept as a backup.
 *
 * <ul>
 *   <li>1 -> 2: the docking rule's node-state weights (activation, abs_error, gate) move from the
 *       docking object itself into {@code docking.weights}, like {@code emission.weights} and
 *       {@code kernel.theta}.
 * </ul>
 */
public final class ProjectMigrations {
  private ProjectMigrations() {}

  /** The format this build writes. */
  public static final int CURRENT = ProjectSpec.FORMAT_VERSION;

  /** One step from version {@code from} to {@code from + 1}; returns notes on what it changed. */
  public record Migration(int from, String summary, Function<ObjectNode, List<String>> step) {}

  public static final List<Migration> ALL =
      List.of(
          new Migration(
              1,
              "docking weights (activation, abs_error, gate) move into docking.weights",
              ProjectMigrations::dockingWeights));

  /** The file's format version (1 when the field is missing, as in the first files). */
  public static int version(JsonNode root) {
    JsonNode v = root.get("formatVersion");
    return v != null && v.canConvertToInt() ? v.asInt() : 1;
  }

  /**
   * Migrates {@code root} in place to {@link #CURRENT} and returns one note per change; does
   * nothing for current files. Versions newer than this build are left for the reader to refuse.
   */
  public static List<String> migrate(ObjectNode root) {
    List<String> notes = new ArrayList<>();
    int v = version(root);
    if (v >= CURRENT) {
      return notes;
    }
    for (Migration m : ALL) {
      if (m.from() >= v && m.from() < CURRENT) {
        for (String note : m.step().apply(root)) {
          notes.add("format " + m.from() + " -> " + (m.from() + 1) + ": " + note);
        }
      }
    }
    root.put("formatVersion", CURRENT);
    return notes;
  }

  private static List<String> dockingWeights(ObjectNode root) {
    List<String> notes = new ArrayList<>();
    JsonNode types = root.get("vesicleTypes");
    if (types == null || !types.isArray()) {
      return notes;
    }
    for (int k = 0; k < types.size(); k++) {
      JsonNode docking = types.get(k).get("docking");
      if (!(docking instanceof ObjectNode d)
          || (d.has("weights") && !d.get("weights").isObject())) {
        // Not a docking object (or one whose weights are not an object, which format 1 never
        // had): leave it for the reader to report as it is.
        continue;
      }
      ObjectNode weights = null;
      for (String f : new String[] {"activation", "abs_error", "gate"}) {
        JsonNode value = d.remove(f);
        if (value != null) {
          if (weights == null) {
            weights =
                d.has("weights") && d.get("weights").isObject()
                    ? (ObjectNode) d.get("weights")
                    : d.putObject("weights");
          }
          weights.set(f, value);
          notes.add(
              "/vesicleTypes/"
                  + k
                  + "/docking/"
                  + f
                  + " -> /vesicleTypes/"
                  + k
                  + "/docking/weights/"
                  + f);
        }
      }
    }
    return notes;
  }
}
