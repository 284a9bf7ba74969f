package org.nvlab.core.project;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.function.BiFunction;
import org.nvlab.core.project.ProjectSpec.DockingSpec;
import org.nvlab.core.project.ProjectSpec.EmissionSpec;
import org.nvlab.core.project.ProjectSpec.GlobalsSpec;
import org.nvlab.core.project.ProjectSpec.GraphSpec;
import org.nvlab.core.project.ProjectSpec.HostSpec;
import org.nvlab.core.project.ProjectSpec.KernelSpec;
import org.nvlab.core.project.ProjectSpec.LifSpec;
import org.nvlab.core.project.ProjectSpec.LifetimeSpec;
import org.nvlab.core.project.ProjectSpec.ReleaseSpec;
import org.nvlab.core.project.ProjectSpec.SignalSpec;
import org.nvlab.core.project.ProjectSpec.StateSpec;
import org.nvlab.core.project.ProjectSpec.TypeSpec;
import org.nvlab.core.project.ProjectSpec.WeightSpec;

/**
 * The reader's defaults, as the records {@link ProjectReader} makes of a part that gives only what
 * decides the others (a signal's shape, an emission's mode, a release's kind). {@link
 * ProjectBuilder} starts from these records and {@link ProjectWriter} leaves out every field equal
 * to them, so a default is written once, in the reading code, and a project built in code means
 * what the same project written by hand means.
 *
 * <p>Each call reads a fresh fragment (the records hold arrays, which callers may fill in), and
 * what the reader would say about a fragment (a cycle signal without values, a learning release
 * without its readout) is dropped: only the defaults around it are wanted.
 */
final class ProjectDefaults {
  private ProjectDefaults() {}

  private static final String FILE = "(defaults)";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** A whole project with nothing but a one-node host: the top-level defaults. */
  static ProjectSpec project() {
    ObjectNode p = NODES.objectNode();
    p.put("formatVersion", ProjectSpec.FORMAT_VERSION);
    p.set("host", hostNode("rate"));
    return read(p, ProjectReader::project);
  }

  static GlobalsSpec globals() {
    return read(NODES.objectNode(), ProjectReader::globals);
  }

  /** A signal of this shape (null: the default shape). */
  static SignalSpec signal(String shape) {
    ObjectNode s = NODES.objectNode();
    if (shape != null) {
      s.put("shape", shape);
    }
    return read(s, ProjectReader::signal);
  }

  /** A host of this kind on a one-node layered graph, in a project of seed {@code seed}. */
  static HostSpec host(String kind, long seed) {
    return read(hostNode(kind), (r, o) -> r.host(o, seed));
  }

  /** A graph of this builder with its required fields as small as they may be. */
  static GraphSpec graph(String builder, long seed) {
    ObjectNode g = NODES.objectNode();
    g.put("builder", builder);
    switch (builder) {
      case "layered" -> g.putArray("layers").add(1);
      case "edge-list" -> {
        g.put("nodes", 1);
        g.putArray("edges");
      }
      default -> {}
    }
    return read(g, (r, o) -> r.graph(o, seed));
  }

  static WeightSpec weights() {
    ObjectNode h = hostNode("rate");
    h.putObject("weights");
    return read(h, (r, o) -> r.host(o, 1)).weights();
  }

  static LifSpec lif() {
    return read(NODES.objectNode(), ProjectReader::lif);
  }

  /**
   * A vesicle type with only its name and dimensions, in a project whose z has {@code zDim} entries
   * and whose host has {@code memoryDim} floats of memory per node.
   */
  static TypeSpec type(String name, int d, int p, int zDim, int memoryDim) {
    return read(typeNode(name, d, p), (r, o) -> r.type(o, zDim, memoryDim));
  }

  /** A vesicle type with only its name: the default dimensions. */
  static TypeSpec type(String name) {
    ObjectNode t = NODES.objectNode();
    t.put("name", name);
    return read(t, (r, o) -> r.type(o, 0, 0));
  }

  /** The std an empty {@code "memoryInit": {}} gives. */
  static double memoryInitStd() {
    ObjectNode h = hostNode("rate");
    h.put("memoryDim", 1);
    h.putObject("memoryInit");
    return read(h, (r, o) -> r.host(o, 1)).memoryInitStd();
  }

  /** The state a type gets from an empty {@code "state": {}}. */
  static StateSpec state(int p) {
    ObjectNode t = typeNode("t", 1, p);
    t.putObject("state");
    return read(t, (r, o) -> r.type(o, 0, 0)).state();
  }

  /**
   * An emission of this mode (null: the default mode), with a rate expression or without; the
   * maximum rate's default depends on both.
   */
  static EmissionSpec emission(String mode, boolean rate, ProjectReader.Dims dims) {
    ObjectNode e = NODES.objectNode();
    if (mode != null) {
      e.put("mode", mode);
    }
    if (rate) {
      e.put("rate", "0");
    }
    return read(e, (r, o) -> r.emission(o, dims.d(), dims.zDim(), dims));
  }

  static LifetimeSpec lifetime() {
    return read(NODES.objectNode(), ProjectReader::lifetime);
  }

  /** A kernel, with an empty {@code "content": {}} or without one. */
  static KernelSpec kernel(boolean content) {
    ObjectNode k = NODES.objectNode();
    if (content) {
      k.putObject("content");
    }
    return read(k, (r, o) -> r.kernel(o, new ProjectReader.Dims(1, 0, 0, 0)));
  }

  static DockingSpec docking(int p) {
    return read(NODES.objectNode(), (r, o) -> r.docking(o, p, new ProjectReader.Dims(1, p, 0, 0)));
  }

  /**
   * A release of this kind (for a parameter release, of this mode; null: the default mode) in a
   * type of payload dimension {@code d}; null when the kind is neither built in nor added by a
   * plugin on the class path.
   */
  static ReleaseSpec release(String kind, String mode, int d) {
    ObjectNode op = NODES.objectNode();
    op.put("kind", kind);
    if (mode != null) {
      op.put("mode", mode);
    }
    return read(op, (r, o) -> r.release(o, d, new ProjectReader.Dims(d, 0, 0, 0)));
  }

  private static ObjectNode hostNode(String kind) {
    ObjectNode h = NODES.objectNode();
    h.put("kind", kind);
    ObjectNode g = h.putObject("graph");
    g.put("builder", "layered");
    g.putArray("layers").add(1);
    return h;
  }

  private static ObjectNode typeNode(String name, int d, int p) {
    ObjectNode t = NODES.objectNode();
    t.put("name", name);
    t.put("payloadDim", d);
    t.put("stateDim", p);
    return t;
  }

  private static <T> T read(ObjectNode fragment, BiFunction<ProjectReader, JsonIn, T> part) {
    return part.apply(
        new ProjectReader(FILE), new JsonIn(fragment, "", FILE, new ArrayList<Problem>()));
  }
}
