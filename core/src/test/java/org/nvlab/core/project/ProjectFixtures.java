package org.nvlab.core.project;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.nvlab.core.Model;

/**
 * Small valid projects, JSON-pointer edits of them, and read-and-compile in one call, so each
 * problem test states only the one thing it breaks.
 */
public final class ProjectFixtures {
  private ProjectFixtures() {}

  public static final String FILE = "test.json";

  /**
   * A valid rate project on a layered graph of 9 nodes (layers 3, 4, 2; 12 + 8 = 20 edges) with one
   * vesicle type "signal" of payloadDim 2.
   */
  public static final String BASE =
      """
      {"formatVersion": 1, "name": "base", "seed": 3, "ticks": 10,
       "host": {"kind": "rate",
                "graph": {"builder": "layered", "layers": [3, 4, 2]},
                "rate": {"activation": "tanh", "mode": "feedforward"},
                "inputs": [{"nodes": {"layer": 0},
                            "signal": {"shape": "sine", "amplitude": 1, "period": 20}}]},
       "vesicleTypes": [
         {"name": "signal", "payloadDim": 2,
          "emission": {"mode": "poisson", "lambdaMax": 0.5, "weights": {"activation": 2},
                       "bias": -1, "emitters": [0, 1, 2]},
          "lifetime": {"law": "exponential", "mean": 10, "hazard": 0.01},
          "kernel": {"temperature": 1, "neighbourhood": "out", "theta": {"bias": 1}},
          "docking": {"bias": -2, "activation": 1},
          "release": [{"kind": "activation", "gain": [0.1, 0], "bias": [0, 0.1]}]}
       ]}
      """;

  /**
   * A valid project that uses nearly every field the reader knows: every release kind, state,
   * content kernel, explicit edge biases, memory, targets, reward from the task, z, absorbing
   * nodes, a plugin kind ({@link TestPluginRelease}). Mutating it reaches more of the reader and
   * compiler than the samples do.
   */
  public static final String EVERYTHING =
      """
      {"formatVersion": 1, "name": "everything", "description": "all features, small", "seed": 5,
       "ticks": 20,
       "host": {"kind": "rate",
                "graph": {"builder": "edge-list", "nodes": 6,
                          "edges": [[0, 1], [1, 2, 0.5], [2, 3], [3, 4], [4, 5], [5, 0, -0.5]]},
                "weights": {"law": "uniform", "low": -0.5, "high": 0.5},
                "rate": {"mode": "recurrent", "activation": "sigmoid", "bias": 0.1,
                         "learningRate": 0.01},
                "memoryDim": 2, "modulationDecay": 0.5, "gateDecay": 0.8,
                "inputs": [{"nodes": {"range": [0, 2]}, "signal": {"shape": "noise", "amplitude": 1}}],
                "targets": [{"nodes": [5], "signal": {"shape": "cycle", "values": [0, 1], "period": 4}}]},
       "globals": {"reward": "task", "task": 1,
                   "z": [{"shape": "square", "amplitude": 1, "period": 10, "phase": 2}]},
       "vesicleTypes": [
         {"name": "fast", "payloadDim": 2, "stateDim": 1,
          "emission": {"mode": "poisson", "lambdaMax": 2,
                       "weights": {"activation": 2, "abs_error": 1, "z": [0.5]}, "bias": -1,
                       "emitters": {"range": [0, 3]},
                       "payload": {"matrix": [[1, 0, 0, 0, 0, 0, 0], [0, 1, 0, 0, 0, 0, 0]],
                                   "z": [[1], [0]], "offset": [0, 0.1], "phi": "tanh",
                                   "noise": 0.05}},
          "lifetime": {"law": "exponential", "mean": 15, "hazard": 0.01},
          "kernel": {"temperature": 0.8, "neighbourhood": "out", "hops": 2,
                     "theta": {"bias": 1, "weight": 0.3, "activation": 1, "direction": 0.2},
                     "edgeBias": [0, 0, 0, 0, 0, 0, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1],
                     "content": {"scale": 0.5, "keys": "memory"}},
          "docking": {"bias": -2, "activation": 1, "gate": 0.5, "content": 1,
                      "receptors": "ones", "state": [0.5], "dwell": 2},
          "state": {"decay": 0.8, "input": [[1, 0, 0]]},
          "release": [{"kind": "activation", "gain": [0.01, 0], "bias": [0, 0.01],
                       "nodeScale": [1, 1, 1, 1, 1, 0.5]},
                      {"kind": "parameter", "mode": "multiplicative", "eta": 0.001, "h": [1, 0]},
                      {"kind": "learning", "l": [0.1, 0]},
                      {"kind": "memory", "omega": 0.2, "q": [[1, 0], [0, 1]]},
                      {"kind": "cascade", "child": "echo", "count": 1.5, "poisson": true,
                       "transform": [[1, 1]], "offset": [0.1], "phi": "tanh"}],
          "absorbing": [5],
          "cap": 1000},
         {"name": "echo", "payloadDim": 1,
          "emission": {"mode": "none"},
          "lifetime": {"law": "fixed", "value": 5},
          "kernel": {"temperature": "Infinity", "neighbourhood": "both",
                     "edgeBias": {"std": 0.5}},
          "docking": {"bias": -1, "receptors": "random", "receptorStd": 0.5},
          "release": [{"kind": "parameter", "mode": "low-rank", "edges": "outgoing",
                       "scale": 0.001, "uStd": 1, "vStd": 1},
                      {"kind": "activation", "gainPerNode": [[1], [1], [1], [1], [1], [1]]},
                      {"kind": "test-gain", "params": {"factor": 0.5}}]}
       ]}
      """;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads and compiles; the problems reported, or an empty list when the project is valid. */
  public static List<Problem> problems(String json) {
    try {
      Model.compile(ProjectReader.parse(json, FILE), FILE);
      return List.of();
    } catch (ProjectException e) {
      return e.problems();
    }
  }

  /** Reads and compiles a project that must be valid. */
  public static Model compile(String json) {
    List<Problem> p = problems(json);
    if (!p.isEmpty()) {
      throw new AssertionError("expected a valid project, got:\n" + p);
    }
    try {
      return Model.compile(ProjectReader.parse(json, FILE), FILE);
    } catch (ProjectException e) {
      throw new AssertionError(e);
    }
  }

  /** {@code json} with the value at {@code pointer} set (or added) to {@code value} (JSON text). */
  public static String set(String json, String pointer, String value) {
    JsonNode root = tree(json);
    JsonPointer p = JsonPointer.compile(pointer);
    JsonNode parent = root.at(p.head());
    String last = p.last().getMatchingProperty();
    JsonNode v = tree(value);
    if (parent instanceof ObjectNode o) {
      o.set(last, v);
    } else if (parent instanceof ArrayNode a) {
      int i = Integer.parseInt(last);
      if (i == a.size()) {
        a.add(v);
      } else {
        a.set(i, v);
      }
    } else {
      throw new IllegalArgumentException("no object or list at " + p.head() + " in the fixture");
    }
    return root.toString();
  }

  /** {@code json} without the field or element at {@code pointer}. */
  public static String remove(String json, String pointer) {
    JsonNode root = tree(json);
    JsonPointer p = JsonPointer.compile(pointer);
    JsonNode parent = root.at(p.head());
    String last = p.last().getMatchingProperty();
    if (parent instanceof ObjectNode o && o.has(last)) {
      o.remove(last);
    } else if (parent instanceof ArrayNode a) {
      a.remove(Integer.parseInt(last));
    } else {
      throw new IllegalArgumentException("nothing at " + pointer + " in the fixture");
    }
    return root.toString();
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The repository's sample-projects folder: the system property {@code nvlab.samples} if set, else
   * found by walking up from the working directory (Maven runs tests in the module folder, whose
   * parent is the repository root).
   */
  public static Path samplesFolder() {
    String prop = System.getProperty("nvlab.samples");
    if (prop != null) {
      return Path.of(prop);
    }
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path s = d.resolve("sample-projects");
      if (Files.isDirectory(s)) {
        return s;
      }
    }
    throw new AssertionError(
        "no sample-projects folder above " + Path.of("").toAbsolutePath() + " (set nvlab.samples)");
  }

  /** Every {@code *.nvlab} folder under sample-projects, sorted by name. */
  public static List<Path> samples() {
    try (Stream<Path> s = Files.list(samplesFolder())) {
      List<Path> out = new ArrayList<>();
      s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".nvlab"))
          .sorted()
          .forEach(out::add);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
