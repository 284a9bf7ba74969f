package org.nvlab.core.project;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import org.nvlab.core.project.ProjectSpec.Binding;
import org.nvlab.core.project.ProjectSpec.DockingSpec;
import org.nvlab.core.project.ProjectSpec.EmissionSpec;
import org.nvlab.core.project.ProjectSpec.GlobalsSpec;
import org.nvlab.core.project.ProjectSpec.GraphSpec;
import org.nvlab.core.project.ProjectSpec.HostSpec;
import org.nvlab.core.project.ProjectSpec.KernelSpec;
import org.nvlab.core.project.ProjectSpec.LifSpec;
import org.nvlab.core.project.ProjectSpec.LifetimeSpec;
import org.nvlab.core.project.ProjectSpec.NodeSet;
import org.nvlab.core.project.ProjectSpec.ReleaseSpec;
import org.nvlab.core.project.ProjectSpec.SignalSpec;
import org.nvlab.core.project.ProjectSpec.StateSpec;
import org.nvlab.core.project.ProjectSpec.TypeSpec;
import org.nvlab.core.project.ProjectSpec.WeightSpec;
import org.nvlab.core.release.ReleaseOperatorProvider;
import org.nvlab.core.rule.RuleExpression;
import org.nvlab.core.vocabulary.DockingFeature;
import org.nvlab.core.vocabulary.KernelFeature;
import org.nvlab.core.vocabulary.ReleaseKind;
import org.nvlab.core.vocabulary.Signals;

/**
 * Reads {@code project.json} into a {@link ProjectSpec}, filling defaults and collecting every
 * problem with its JSON pointer. A project is a folder {@code NAME.nvlab/} holding {@code
 * project.json}; a path to the folder or to the file itself is accepted.
 *
 * <p>The defaults live here, in the code that reads each part; the parts are package-private so
 * that {@link ProjectDefaults} can read minimal fragments through them for {@link ProjectBuilder}
 * and {@link ProjectWriter}.
 */
public final class ProjectReader {
  private static final ObjectMapper JSON =
      new ObjectMapper(
          JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
  private static final double BIG = 1e12;

  /** The most nodes a host graph may have. */
  public static final long MAX_NODES = 100_000_000L;

  /** The most edges a host graph may have (edge arrays are int-indexed and grow by doubling). */
  public static final long MAX_EDGES = 1_000_000_000L;

  private static final List<String> BUILT_IN_KINDS = ReleaseKind.ids();
  private static List<String> pluginKinds;

  private final String file;
  private final List<Problem> problems = new ArrayList<>();

  /** How problems name a JSON value: "an object", "a list", "text \"x\"", "the number 3"... */
  public static String kindOf(JsonNode v) {
    return JsonIn.kind(v);
  }

  ProjectReader(String file) {
    this.file = file;
  }

  /** The project file for a project folder or file path. */
  public static Path projectFile(Path path) {
    return Files.isDirectory(path) ? path.resolve("project.json") : path;
  }

  /**
   * Reads and checks a project: a {@code NAME.nvlab} folder, its {@code project.json}, or a {@code
   * NAME.nvlab.zip} archive; older formats are migrated (see {@link ProjectFiles#load}). Throws
   * with every problem found.
   */
  public static ProjectSpec read(Path path) throws ProjectException {
    return ProjectFiles.load(path).spec();
  }

  /** Parses project JSON text; {@code file} names it in messages. */
  public static ProjectSpec parse(String text, String file) throws ProjectException {
    return read(parseTree(text, file), file);
  }

  /**
   * Parses project JSON text into a tree without checking its content: only that it is one JSON
   * object, with no key given twice and nothing after it.
   */
  public static ObjectNode parseTree(String text, String file) throws ProjectException {
    JsonNode root;
    try (JsonParser p = JSON.createParser(text)) {
      root = JSON.readTree(p);
      if (root != null && p.nextToken() != null) {
        throw new ProjectException(
            new Problem(
                file,
                "",
                "has more text after the project's closing brace, at "
                    + where(p.currentTokenLocation())
                    + "; a project file holds one JSON object"));
      }
    } catch (StreamReadException e) {
      throw new ProjectException(syntaxProblem(e, file));
    } catch (StreamConstraintsException e) {
      // Nesting thousands deep or a number of thousands of digits: refused before it costs.
      throw new ProjectException(
          new Problem(
              file,
              "",
              "is beyond what a project file may hold: "
                  + e.getOriginalMessage()
                  + (e.getLocation() == null ? "" : ", at " + where(e.getLocation()))));
    } catch (IOException e) {
      throw new ProjectException(new Problem(file, "", "cannot be read: " + e.getMessage()));
    }
    if (root == null || root.isMissingNode()) {
      throw new ProjectException(new Problem(file, "", "is empty"));
    }
    if (!(root instanceof ObjectNode object)) {
      throw new ProjectException(
          new Problem(
              file,
              "",
              "must hold one JSON object {...} describing the project, got " + JsonIn.kind(root)));
    }
    return object;
  }

  /**
   * Reads a parsed project tree: migrates it to the current format (in place: pass a copy to keep
   * the original) and checks it.
   */
  public static ProjectSpec read(JsonNode tree, String file) throws ProjectException {
    if (!(tree instanceof ObjectNode root)) {
      throw new ProjectException(
          new Problem(file, "", "must hold one JSON object {...} describing the project"));
    }
    int version = ProjectMigrations.version(root);
    if (version > ProjectSpec.FORMAT_VERSION) {
      // A newer format may mean anything: say so, and nothing else.
      throw new ProjectException(
          new Problem(
              file,
              "/formatVersion",
              "this project was written by a newer version of the lab (format "
                  + version
                  + "); this build reads formats up to "
                  + ProjectSpec.FORMAT_VERSION));
    }
    ProjectMigrations.migrate(root);
    ProjectReader r = new ProjectReader(file);
    ProjectSpec spec = r.project(new JsonIn(root, "", file, r.problems));
    if (!r.problems.isEmpty()) {
      throw new ProjectException(r.problems);
    }
    return spec;
  }

  /** A JSON syntax error, located by line and column and by the pointer of the enclosing value. */
  private static Problem syntaxProblem(StreamReadException e, String file) {
    JsonStreamContext ctx = e.getProcessor() == null ? null : e.getProcessor().getParsingContext();
    String at = where(e.getLocation());
    String why = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    // Jackson's strict duplicate detection words it so; a repeated key would otherwise silently
    // override the first, which is how typos in copy-pasted files hide.
    if (why.startsWith("Duplicate field '") && ctx != null) {
      return new Problem(
          file,
          ctx.pathAsPointer().toString(),
          "is given twice in its object (" + at + "); keep one");
    }
    // Point at the object or list being read, not at its last field (which may well be fine).
    String pointer = "";
    if (ctx != null) {
      JsonPointer p = ctx.pathAsPointer();
      if ((ctx.hasCurrentName() || ctx.hasCurrentIndex()) && p.head() != null) {
        p = p.head();
      }
      pointer = p.toString();
    }
    // The start-marker note repeats a location in Jackson's own words; ours comes first.
    why = why.replaceAll("\\s*\\(start marker at \\[[^\\]]*\\]\\)", "");
    return new Problem(file, pointer, "is not valid JSON at " + at + ": " + why);
  }

  private static String where(JsonLocation l) {
    return l == null ? "an unknown place" : "line " + l.getLineNr() + ", column " + l.getColumnNr();
  }

  ProjectSpec project(JsonIn o) {
    int version = o.integer("formatVersion", ProjectSpec.FORMAT_VERSION, 1, Integer.MAX_VALUE);
    if (version > ProjectSpec.FORMAT_VERSION) {
      o.problem(
          "formatVersion",
          "this project was written by a newer version of the lab (format "
              + version
              + "); this build reads formats up to "
              + ProjectSpec.FORMAT_VERSION);
    }
    // Editors use "$schema" to find the schema; the lab knows its own format.
    o.text("$schema", null);
    String name = o.text("name", "untitled");
    String description = o.text("description", "");
    long seed = o.integer("seed", 1L, 0L, Long.MAX_VALUE);
    int ticks = o.integer("ticks", 200, 0, Integer.MAX_VALUE - 1);
    GlobalsSpec globals = globals(o.obj("globals"));
    HostSpec host;
    if (o.has("host")) {
      host = host(o.obj("host"), seed);
    } else {
      o.problem(
          "host",
          "is required: the host network, e.g. {\"kind\": \"rate\", \"graph\": {\"builder\":"
              + " \"layered\", \"layers\": [4, 8, 2]}}");
      // Defaults, with their own complaints discarded: the one above says it all.
      host = host(new JsonIn(null, o.pointer("host"), file, new ArrayList<>()), seed);
    }
    int zDim = globals.z().size();
    List<TypeSpec> types = new ArrayList<>();
    List<JsonIn> ts = o.objects("vesicleTypes");
    for (JsonIn t : ts) {
      types.add(type(t, zDim, host.memoryDim()));
    }
    o.finish();
    return new ProjectSpec(version, name, description, seed, ticks, host, globals, types);
  }

  GlobalsSpec globals(JsonIn o) {
    SignalSpec reward = null;
    boolean fromTask = false;
    JsonNode r = o.raw("reward");
    if (r != null && r.isTextual()) {
      if (r.asText().equals("task")) {
        fromTask = true;
      } else {
        o.problem("reward", "must be a signal object or \"task\", got " + JsonIn.kind(r));
      }
    } else if (r != null) {
      reward = signal(o.obj("reward"));
    }
    double task = o.num("task", 0, -BIG, BIG);
    List<SignalSpec> z = new ArrayList<>();
    for (JsonIn s : o.objects("z")) {
      z.add(signal(s));
    }
    o.finish();
    return new GlobalsSpec(reward, fromTask, task, z);
  }

  SignalSpec signal(JsonIn o) {
    String shape =
        o.choice("shape", "constant", "constant", "sine", "square", "noise", "poisson", "cycle");
    double amplitude = o.num("amplitude", shape.equals("constant") ? 0 : 1, -BIG, BIG);
    if (o.has("value")) {
      amplitude = o.num("value", amplitude, -BIG, BIG);
    }
    double period = o.num("period", 100, 1e-9, BIG);
    if (shape.equals("square") && period < 2) {
      o.problem(
          "period", "a square wave needs a period of at least 2 ticks, got " + JsonIn.fmt(period));
    }
    double phase = o.num("phase", 0, -BIG, BIG);
    double phaseStep = o.num("phaseStep", 0, -BIG, BIG);
    double offset = o.num("offset", 0, -BIG, BIG);
    double rate = o.num("rate", 0.1, 0, 1);
    double[] values = o.numbers("values", -1);
    if (shape.equals("cycle") && values == null) {
      o.problem("values", "a cycle signal needs a list of values");
    }
    o.finish();
    return new SignalSpec(shape, amplitude, period, phase, phaseStep, offset, rate, values);
  }

  HostSpec host(JsonIn o, long seed) {
    String kind = o.choice("kind", "rate", "rate", "lif");
    GraphSpec graph = graph(o.obj("graph"), seed);
    WeightSpec weights = null;
    if (o.has("weights")) {
      JsonIn w = o.obj("weights");
      String law =
          w.choice("law", "normal-fan-in", "constant", "uniform", "normal", "normal-fan-in");
      double mean = w.num("mean", 0, -BIG, BIG);
      if (w.has("value")) {
        mean = w.num("value", 0, -BIG, BIG);
      }
      double std = w.num("std", 1, 0, BIG);
      double low = w.num("low", -1, -BIG, BIG);
      double high = w.num("high", 1, -BIG, BIG);
      if (high < low) {
        w.problem("high", "must be at least low (" + JsonIn.fmt(low) + ")");
      }
      w.finish();
      weights = new WeightSpec(law, mean, std, low, high);
    }
    String activation = "tanh";
    String mode = "feedforward";
    double bias = 0;
    double lr = 0;
    if (kind.equals("rate")) {
      JsonIn r = o.obj("rate");
      activation = r.choice("activation", "tanh", "identity", "tanh", "relu", "sigmoid");
      mode = r.choice("mode", "feedforward", "feedforward", "recurrent");
      bias = r.num("bias", 0, -BIG, BIG);
      lr = r.num("learningRate", 0, 0, BIG);
      r.finish();
    } else if (o.has("rate")) {
      o.problem("rate", "only a rate host has rate settings (this host is lif)");
    }
    LifSpec lif = null;
    if (kind.equals("lif")) {
      lif = lif(o.obj("lif"));
    } else if (o.has("lif")) {
      o.problem("lif", "only a lif host has lif settings (this host is rate)");
    }
    int memoryDim = o.integer("memoryDim", 0, 0, 4096);
    double memoryInitStd = 0;
    double[] memoryInit = null;
    JsonNode mi = o.raw("memoryInit");
    if (mi != null && mi.isArray()) {
      memoryInit = o.rows("memoryInit", Math.max(1, memoryDim));
    } else if (mi != null) {
      JsonIn m = o.obj("memoryInit");
      memoryInitStd = m.num("std", 1, 0, BIG);
      m.finish();
    }
    if (mi != null && memoryDim == 0) {
      o.problem("memoryInit", "initial memory needs memoryDim > 0");
    }
    double modDecay = o.num("modulationDecay", 0, 0, 1);
    double gateDecay = o.num("gateDecay", 0.9, 0, 1);
    List<Binding> inputs = bindings(o, "inputs");
    List<Binding> targets = bindings(o, "targets");
    o.finish();
    return new HostSpec(
        kind,
        graph,
        weights,
        activation,
        mode,
        bias,
        lr,
        lif,
        memoryDim,
        memoryInitStd,
        memoryInit,
        modDecay,
        gateDecay,
        inputs,
        targets);
  }

  private List<Binding> bindings(JsonIn o, String key) {
    List<Binding> out = new ArrayList<>();
    for (JsonIn b : o.objects(key)) {
      NodeSet nodes = nodeSet(b, "nodes", null);
      if (nodes == null) {
        b.problem("nodes", "is required");
        nodes = NodeSet.all();
      }
      SignalSpec s = signal(b.obj("signal"));
      b.finish();
      out.add(new Binding(nodes, s));
    }
    return out;
  }

  LifSpec lif(JsonIn o) {
    double dt = o.num("dt", 1, 1e-9, BIG);
    double tauM = o.num("tauMembrane", 20, 1e-9, BIG);
    double vRest = o.num("vRest", 0, -BIG, BIG);
    double vReset = o.num("vReset", 0, -BIG, BIG);
    double theta = o.num("threshold", 1, -BIG, BIG);
    int refr = o.integer("refractory", 2, 0, 1_000_000);
    double tauSyn = o.num("tauSynapse", 0, 0, BIG);
    double tauRate = o.num("tauRate", 20, 1e-9, BIG);
    JsonIn s = o.obj("stdp");
    double rate = s.num("rate", 0, -BIG, BIG);
    double aPlus = s.num("aPlus", 0.01, 0, BIG);
    double aMinus = s.num("aMinus", 0.012, 0, BIG);
    double tauPlus = s.num("tauPlus", 20, 1e-9, BIG);
    double tauMinus = s.num("tauMinus", 20, 1e-9, BIG);
    double tauE = s.num("tauEligibility", 200, 1e-9, BIG);
    double wMin = s.num("wMin", 0, -BIG, BIG);
    double wMax = s.num("wMax", 1, -BIG, BIG);
    if (wMax < wMin) {
      s.problem("wMax", "must be at least wMin (" + JsonIn.fmt(wMin) + ")");
    }
    s.finish();
    o.finish();
    return new LifSpec(
        dt, tauM, vRest, vReset, theta, refr, tauSyn, tauRate, rate, aPlus, aMinus, tauPlus,
        tauMinus, tauE, wMin, wMax);
  }

  GraphSpec graph(JsonIn o, long seed) {
    String builder =
        o.choice(
            "builder", null, "layered", "grid", "erdos-renyi", "fixed-out-degree", "edge-list");
    if (builder == null) {
      if (!o.has("builder")) {
        o.problem(
            "builder", "is required: layered, grid, erdos-renyi, fixed-out-degree or edge-list");
      }
      // Without a builder the other fields cannot be checked; a placeholder keeps reading going.
      return new GraphSpec("layered", new int[] {1}, 1, 0, 0, false, false, 0, 0, 0, null, seed);
    }
    int[] layers = null;
    double density = 1;
    int width = 0;
    int height = 0;
    boolean torus = false;
    boolean diagonal = false;
    int nodes = 0;
    double p = 0;
    int degree = 0;
    double[][] edges = null;
    switch (builder) {
      case "layered" -> {
        double[] l = o.numbers("layers", -1);
        if (l == null || l.length == 0) {
          if (!o.has("layers")) {
            o.problem("layers", "is required: a list of layer sizes, e.g. [4, 16, 2]");
          } else if (l != null) {
            o.problem("layers", "must list at least one layer size, e.g. [4, 16, 2]");
          }
          l = new double[] {1};
        }
        layers = new int[l.length];
        for (int i = 0; i < l.length; i++) {
          if (l[i] < 1 || l[i] != Math.rint(l[i]) || l[i] > 10_000_000) {
            o.problems()
                .add(
                    new Problem(
                        o.file(),
                        o.pointer("layers") + "/" + i,
                        "a layer must be a whole number of nodes in 1..10000000, got "
                            + JsonIn.fmt(l[i])));
            layers[i] = 1;
          } else {
            layers[i] = (int) l[i];
          }
        }
        density = o.num("density", 1, 0, 1);
      }
      case "grid" -> {
        width = o.integer("width", 10, 1, 100_000);
        height = o.integer("height", 10, 1, 100_000);
        torus = o.bool("torus", false);
        diagonal = o.bool("diagonal", false);
      }
      case "erdos-renyi" -> {
        nodes = o.integer("nodes", 100, 1, 100_000_000);
        p = o.num("p", 0.05, 0, 1);
      }
      case "fixed-out-degree" -> {
        nodes = o.integer("nodes", 100, 1, 100_000_000);
        degree = o.integer("degree", 4, 0, 100_000);
        if (degree > nodes - 1) {
          o.problem("degree", "must be at most nodes - 1 = " + (nodes - 1) + ", got " + degree);
          degree = Math.max(0, nodes - 1);
        }
      }
      case "edge-list" -> {
        nodes = o.integer("nodes", 0, 1, 100_000_000);
        if (!o.has("nodes")) {
          o.problem("nodes", "is required for an edge list");
          nodes = 1;
        }
        JsonNode e = o.raw("edges");
        List<double[]> list = new ArrayList<>();
        Map<Long, Integer> seen = new HashMap<>();
        if (e == null || !e.isArray()) {
          o.problem("edges", "is required: a list of [from, to] or [from, to, weight]");
        } else {
          for (int k = 0; k < e.size(); k++) {
            JsonNode row = e.get(k);
            String at = o.pointer("edges") + "/" + k;
            double[] v =
                row.isArray() && (row.size() == 2 || row.size() == 3)
                    ? o.numbersAt(row, at, row.size())
                    : null;
            if (v == null) {
              if (!(row.isArray() && (row.size() == 2 || row.size() == 3))) {
                o.problems()
                    .add(new Problem(o.file(), at, "must be [from, to] or [from, to, weight]"));
              }
              continue;
            }
            if (v[0] != Math.rint(v[0])
                || v[1] != Math.rint(v[1])
                || v[0] < 0
                || v[1] < 0
                || v[0] >= nodes
                || v[1] >= nodes) {
              o.problems()
                  .add(
                      new Problem(
                          o.file(), at, "node indices must be whole numbers in 0.." + (nodes - 1)));
              continue;
            }
            Integer first = seen.putIfAbsent((long) v[0] * nodes + (long) v[1], k);
            if (first != null) {
              o.problems()
                  .add(
                      new Problem(
                          o.file(),
                          at,
                          "edge "
                              + (long) v[0]
                              + " -> "
                              + (long) v[1]
                              + " is already given at "
                              + o.pointer("edges")
                              + "/"
                              + first));
              continue;
            }
            list.add(v.length == 3 ? v : new double[] {v[0], v[1], 1.0});
          }
        }
        edges = list.toArray(new double[0][]);
      }
      default -> throw new IllegalStateException(builder);
    }
    long gseed = o.integer("seed", seed, 0L, Long.MAX_VALUE);
    checkSize(o, builder, layers, width, height, diagonal, nodes, p, degree, edges);
    o.finish();
    return new GraphSpec(
        builder, layers, density, width, height, torus, diagonal, nodes, p, degree, edges, gseed);
  }

  /**
   * Refuses graphs past the lab's limits before anything is built: arrays are indexed by int, and a
   * graph that large would not fit in memory anyway. A layered graph is checked by the node pairs
   * its builder examines, whatever the density.
   */
  private static void checkSize(
      JsonIn o,
      String builder,
      int[] layers,
      int width,
      int height,
      boolean diagonal,
      int nodes,
      double p,
      int degree,
      double[][] edges) {
    double[] size =
        size(
            builder,
            layers,
            width,
            height,
            diagonal,
            nodes,
            p,
            degree,
            edges == null ? 0 : edges.length);
    long n = (long) size[0];
    double m = size[1];
    if (n > MAX_NODES) {
      o.problem("", "would have " + n + " nodes; the lab's limit is " + MAX_NODES);
    } else if (m > MAX_EDGES) {
      o.problem(
          "",
          "would have up to "
              + String.format(Locale.ROOT, "%.3g", m)
              + " edges; the lab's limit is "
              + MAX_EDGES);
    }
  }

  /**
   * The nodes and (at most, or expected for a random graph) edges a graph spec will produce, before
   * anything is built: {nodes, edges}. A layered graph counts the node pairs its builder examines,
   * whatever the density.
   */
  static double[] size(GraphSpec g) {
    return size(
        g.builder(),
        g.layers(),
        g.width(),
        g.height(),
        g.diagonal(),
        g.nodes(),
        g.p(),
        g.degree(),
        g.edges() == null ? 0 : g.edges().length);
  }

  private static double[] size(
      String builder,
      int[] layers,
      int width,
      int height,
      boolean diagonal,
      int nodes,
      double p,
      int degree,
      int edgeCount) {
    double n;
    double m;
    switch (builder) {
      case "layered" -> {
        n = 0;
        m = 0;
        for (int k = 0; k < (layers == null ? 0 : layers.length); k++) {
          n += layers[k];
          if (k > 0) {
            m += (double) layers[k - 1] * layers[k];
          }
        }
      }
      case "grid" -> {
        n = (double) width * height;
        m = n * (diagonal ? 8.0 : 4.0);
      }
      case "erdos-renyi" -> {
        n = nodes;
        m = n * (n - 1) * p;
      }
      case "fixed-out-degree" -> {
        n = nodes;
        m = n * degree;
      }
      default -> {
        n = nodes;
        m = edgeCount;
      }
    }
    return new double[] {n, m};
  }

  /** The node count a graph spec will produce (to check per-node lists while reading). */
  static int nodeCount(GraphSpec g) {
    return switch (g.builder()) {
      case "layered" -> {
        long s = 0;
        for (int l : g.layers()) {
          s += l;
        }
        yield (int) Math.min(Integer.MAX_VALUE, s);
      }
      case "grid" -> (int) Math.min(Integer.MAX_VALUE, (long) g.width() * g.height());
      default -> g.nodes();
    };
  }

  /** A node set at key: a list of indices, "all", {"layer": k} or {"range": [a, b]}. */
  private NodeSet nodeSet(JsonIn o, String key, NodeSet def) {
    JsonNode v = o.raw(key);
    if (v == null) {
      return def;
    }
    if (v.isTextual() && v.asText().equals("all")) {
      return NodeSet.all();
    }
    if (v.isArray()) {
      double[] d = o.numbersAt(v, o.pointer(key), -1);
      if (d == null) {
        return def;
      }
      int[] nodes = new int[d.length];
      for (int i = 0; i < d.length; i++) {
        if (d[i] < 0 || d[i] != Math.rint(d[i]) || d[i] > Integer.MAX_VALUE) {
          o.problems().add(new Problem(o.file(), o.pointer(key) + "/" + i, "must be a node index"));
          return def;
        }
        nodes[i] = (int) d[i];
      }
      return new NodeSet(nodes, null, null);
    }
    if (v.isObject()) {
      JsonIn s = o.obj(key);
      Integer layer = null;
      int[] range = null;
      if (s.has("layer")) {
        layer = s.integer("layer", 0, 0, 1_000_000);
      }
      if (s.has("range")) {
        double[] r = s.numbers("range", 2);
        if (r != null) {
          if (r[0] < 0 || r[1] < r[0] || r[0] != Math.rint(r[0]) || r[1] != Math.rint(r[1])) {
            s.problem("range", "must be [first, end) with 0 <= first <= end");
          } else {
            range = new int[] {(int) r[0], (int) r[1]};
          }
        }
      }
      if (layer == null && range == null) {
        s.problem("", "must give \"layer\" or \"range\"");
      }
      s.finish();
      return new NodeSet(null, layer, range);
    }
    o.problem(
        key, "must be a list of node indices, \"all\", {\"layer\": k} or {\"range\": [a, b]}");
    return def;
  }

  TypeSpec type(JsonIn o, int zDim, int memoryDim) {
    String name = o.text("name", null);
    if (name == null || name.isBlank()) {
      o.problem("name", "every vesicle type needs a name");
      name = "type";
    }
    int d = o.integer("payloadDim", 1, 0, 4096);
    int p = o.integer("stateDim", 0, 0, 4096);
    Dims dims = new Dims(d, p, memoryDim, zDim);
    EmissionSpec emission = emission(o.obj("emission"), d, zDim, dims);
    LifetimeSpec lifetime = lifetime(o.obj("lifetime"));
    KernelSpec kernel = kernel(o.obj("kernel"), dims);
    DockingSpec docking = docking(o.obj("docking"), p, dims);
    StateSpec state = null;
    if (o.has("state")) {
      JsonIn s = o.obj("state");
      double decay = s.num("decay", 0.9, 0, 1);
      double[] input = s.matrix("input", p, 3);
      if (input == null) {
        input = new double[p * 3];
      }
      s.finish();
      state = new StateSpec(decay, input);
    } else if (p > 0) {
      state = new StateSpec(0.9, new double[p * 3]);
    }
    List<ReleaseSpec> release = new ArrayList<>();
    for (JsonIn r : o.objects("release")) {
      ReleaseSpec spec = release(r, d, dims);
      if (spec != null) {
        release.add(spec);
      }
    }
    NodeSet absorbing = nodeSet(o, "absorbing", null);
    int cap = o.integer("cap", Integer.MAX_VALUE, 0, Integer.MAX_VALUE);
    o.finish();
    return new TypeSpec(
        name, d, p, emission, lifetime, kernel, docking, state, release, absorbing, cap);
  }

  EmissionSpec emission(JsonIn o, int d, int zDim, Dims dims) {
    String mode = o.choice("mode", "poisson", "none", "poisson", "bernoulli", "replace");
    String rate = o.expression("rate", RuleExpression.Place.EMISSION_RATE, dims);
    if (rate != null && (mode.equals("none") || mode.equals("replace"))) {
      o.problem("rate", "a " + mode + " emission has no rate");
    }
    for (String moved : new String[] {"weights", "bias"}) {
      if (rate != null && o.raw(moved) != null) {
        o.problem(moved, "give the rate expression or " + moved + ", not both");
      }
    }
    // With a rate expression lambdaMax only caps it: no cap unless one is given.
    double lambdaMax =
        o.num("lambdaMax", rate == null ? 0.05 : mode.equals("bernoulli") ? 1 : 1e6, 0, 1e6);
    if (mode.equals("bernoulli") && lambdaMax > 1) {
      o.problem(
          "lambdaMax", "a Bernoulli count needs lambdaMax <= 1, got " + JsonIn.fmt(lambdaMax));
    }
    int nx = Signals.length(zDim);
    double[] weights = new double[nx];
    if (o.has("weights")) {
      JsonIn w = o.obj("weights");
      for (int k = 0; k < Signals.Z0; k++) {
        weights[k] = w.num(Signals.name(k), 0, -BIG, BIG);
      }
      double[] z = w.numbers("z", zDim);
      if (z != null) {
        System.arraycopy(z, 0, weights, Signals.Z0, zDim);
      }
      w.finish();
    }
    double bias = o.num("bias", 0, -BIG, BIG);
    NodeSet emitters = nodeSet(o, "emitters", NodeSet.all());
    int target = o.integer("target", 0, 0, Integer.MAX_VALUE / 2);
    if (mode.equals("replace") && !o.has("target")) {
      o.problem("target", "a replace emission needs the population to keep");
    }
    double[] matrix = null;
    double[] fromZ = null;
    double[] offset = null;
    boolean tanh = false;
    double noise = 0;
    if (o.has("payload")) {
      JsonIn p = o.obj("payload");
      matrix = p.matrix("matrix", d, nx);
      fromZ = p.matrix("z", d, zDim);
      offset = p.numbers("offset", d);
      tanh = p.choice("phi", "identity", "identity", "tanh").equals("tanh");
      noise = p.num("noise", 0, 0, BIG);
      p.finish();
    }
    o.finish();
    return new EmissionSpec(
        mode, lambdaMax, weights, bias, emitters, target, matrix, fromZ, offset, tanh, noise, rate);
  }

  LifetimeSpec lifetime(JsonIn o) {
    String law = o.choice("law", "exponential", "exponential", "fixed");
    double mean = o.num("mean", 20, 1e-9, 1e12);
    if (o.has("value")) {
      mean = o.num("value", mean, 1e-9, 1e12);
    }
    double hazard = o.num("hazard", 0, 0, 1);
    o.finish();
    return new LifetimeSpec(law, mean, hazard);
  }

  KernelSpec kernel(JsonIn o, Dims dims) {
    double temperature = o.numOrInfinity("temperature", 1, 0);
    String score = o.expression("score", RuleExpression.Place.KERNEL_SCORE, dims);
    if (score != null && o.raw("theta") != null) {
      o.problem("theta", "give the score expression or theta, not both");
    }
    String nb = o.choice("neighbourhood", "out", "out", "in", "both");
    int hops = o.integer("hops", 1, 1, 1000);
    double[] theta = new double[KernelFeature.ALL.size()];
    if (o.has("theta")) {
      JsonIn t = o.obj("theta");
      for (int k = 0; k < theta.length; k++) {
        theta[k] = t.num(KernelFeature.ALL.get(k).id(), 0, -BIG, BIG);
      }
      t.finish();
    }
    double edgeBiasStd = 0;
    double[] edgeBias = null;
    JsonNode eb = o.raw("edgeBias");
    if (eb != null && eb.isArray()) {
      edgeBias = o.numbers("edgeBias", -1);
    } else if (eb != null) {
      JsonIn e = o.obj("edgeBias");
      edgeBiasStd = e.num("std", 0, 0, BIG);
      e.finish();
    }
    double contentScale = 0;
    String keys = "random";
    double keyStd = 1;
    if (o.has("content")) {
      JsonIn c = o.obj("content");
      contentScale = c.num("scale", 1, -BIG, BIG);
      keys = c.choice("keys", "random", "random", "memory");
      keyStd = c.num("keyStd", 1, 0, BIG);
      c.finish();
    }
    o.finish();
    return new KernelSpec(
        temperature, nb, hops, theta, edgeBiasStd, edgeBias, contentScale, keys, keyStd, score);
  }

  DockingSpec docking(JsonIn o, int p, Dims dims) {
    String logit = o.expression("logit", RuleExpression.Place.DOCKING_LOGIT, dims);
    if (logit != null) {
      for (String other : new String[] {"bias", "weights", "content", "receptors", "state"}) {
        if (o.raw(other) != null) {
          o.problem(other, "give the logit expression or " + other + ", not both");
        }
      }
    }
    double bias = o.num("bias", -3, -BIG, BIG);
    double[] eta = new double[DockingFeature.ALL.size()];
    if (o.has("weights")) {
      JsonIn w = o.obj("weights");
      for (DockingFeature f : DockingFeature.ALL) {
        eta[f.ordinal()] = w.num(f.id(), 0, -BIG, BIG);
      }
      w.finish();
    }
    for (DockingFeature f : DockingFeature.ALL) {
      String moved = f.id();
      if (o.raw(moved) != null) {
        o.problem(
            moved,
            "in format 2 the docking weights live in docking.weights: {\"weights\": {\""
                + moved
                + "\": ...}}");
      }
    }
    double content = o.num("content", 0, -BIG, BIG);
    String receptors = o.choice("receptors", "random", "random", "memory", "ones");
    double receptorStd = o.num("receptorStd", 1, 0, BIG);
    double[] state = o.numbers("state", p);
    int dwell = o.integer("dwell", 1, 1, 1_000_000);
    NodeSet sites = nodeSet(o, "sites", null);
    o.finish();
    return new DockingSpec(bias, eta, content, receptors, receptorStd, state, dwell, sites, logit);
  }

  /** The release kinds plugins on the class path add, found once. */
  private static synchronized List<String> pluginKinds() {
    if (pluginKinds == null) {
      List<String> kinds = new ArrayList<>();
      for (ReleaseOperatorProvider p : ServiceLoader.load(ReleaseOperatorProvider.class)) {
        kinds.add(p.kind());
      }
      pluginKinds = List.copyOf(kinds);
    }
    return pluginKinds;
  }

  /** One release entry, or null (with a problem) when its kind is unknown. */
  ReleaseSpec release(JsonIn o, int d, Dims dims) {
    int problemsBefore = o.problems().size();
    String kind = o.text("kind", null);
    if (kind == null) {
      o.problem("kind", "is required: activation, parameter, learning, memory or cascade");
      kind = "activation";
    }
    double[] gain = null;
    double[] bias = null;
    double[] threshold = null;
    double[] gainPerNode = null;
    double[] biasPerNode = null;
    double[] nodeScale = null;
    String mode = null;
    boolean incoming = true;
    double eta = 0;
    double[] h = null;
    double uStd = 1;
    double vStd = 1;
    double scale = 1;
    double[] l = null;
    double omega = 0;
    double[] q = null;
    String child = null;
    double count = 1;
    boolean poisson = false;
    double[] transform = null;
    double[] offset = null;
    boolean tanh = false;
    boolean fromMemory = false;
    Map<String, Object> params = null;
    Map<String, String> maps = new LinkedHashMap<>();
    switch (kind) {
      case "activation" -> {
        gain = readout(o, "gain", d, dims, maps);
        bias = readout(o, "bias", d, dims, maps);
        threshold = readout(o, "threshold", d, dims, maps);
        gainPerNode = o.rows("gainPerNode", d);
        biasPerNode = o.rows("biasPerNode", d);
        nodeScale = o.numbers("nodeScale", -1);
        if ((gain != null || maps.containsKey("gain")) && gainPerNode != null) {
          o.problem("gainPerNode", "give gain (shared by all nodes) or gainPerNode, not both");
        }
        if ((bias != null || maps.containsKey("bias")) && biasPerNode != null) {
          o.problem("biasPerNode", "give bias (shared by all nodes) or biasPerNode, not both");
        }
        if (gain == null
            && bias == null
            && threshold == null
            && gainPerNode == null
            && biasPerNode == null
            && maps.isEmpty()
            && o.problems().size() == problemsBefore) {
          o.problem(
              "",
              "an activation release needs at least one of gain, bias, threshold (or gainPerNode,"
                  + " biasPerNode)");
        }
      }
      case "parameter" -> {
        mode = o.choice("mode", "multiplicative", "multiplicative", "low-rank");
        incoming = o.choice("edges", "incoming", "incoming", "outgoing").equals("incoming");
        nodeScale = o.numbers("nodeScale", -1);
        if (mode.equals("multiplicative")) {
          eta = o.num("eta", 0.1, -BIG, BIG);
          h = readout(o, "h", d, dims, maps);
          if (h == null && !maps.containsKey("h") && o.raw("h") == null) {
            o.problem(
                "h", "a multiplicative parameter release needs the readout h (" + d + " numbers)");
          }
        } else {
          uStd = o.num("uStd", 1, 0, BIG);
          vStd = o.num("vStd", 1, 0, BIG);
          scale = o.num("scale", 1, -BIG, BIG);
        }
      }
      case "learning" -> {
        l = readout(o, "l", d, dims, maps);
        nodeScale = o.numbers("nodeScale", -1);
        if (l == null && !maps.containsKey("l") && o.raw("l") == null) {
          o.problem("l", "a learning release needs the readout l (" + d + " numbers)");
        }
      }
      case "memory" -> {
        omega = o.num("omega", 0.1, 0, 1);
        q = o.rows("q", d);
      }
      case "cascade" -> {
        child = o.text("child", null);
        if (child == null) {
          o.problem("child", "a cascade needs the name of the child type");
        }
        count = o.num("count", 1, 0, 1e6);
        poisson = o.bool("poisson", false);
        transform = o.rows("transform", d);
        offset = o.numbers("offset", -1);
        tanh = o.choice("phi", "identity", "identity", "tanh").equals("tanh");
        fromMemory = o.choice("payload", "transform", "transform", "memory").equals("memory");
        if (fromMemory && (transform != null || offset != null)) {
          o.problem(
              "payload",
              "a cascade whose payload is the node's memory takes no transform or offset");
        }
      }
      default -> {
        if (!pluginKinds().contains(kind)) {
          List<String> known = new ArrayList<>(BUILT_IN_KINDS);
          known.addAll(pluginKinds());
          String near = JsonIn.nearest(kind, known);
          o.problem(
              "kind",
              "unknown release kind '"
                  + kind
                  + "'"
                  + (near != null ? " (did you mean '" + near + "'?)" : "")
                  + "; built in: "
                  + String.join(", ", BUILT_IN_KINDS)
                  + (pluginKinds().isEmpty()
                      ? "; no plugin adds kinds"
                      : "; from plugins: " + String.join(", ", pluginKinds())));
          // The other fields mean nothing without a known kind: reporting them as unknown
          // would only hide the real mistake.
          return null;
        }
        // A plugin kind: keep its parameters for the provider to read.
        params = new LinkedHashMap<>();
        JsonNode raw = o.raw("params");
        if (raw != null && raw.isObject()) {
          params =
              JSON.convertValue(
                  raw,
                  JSON.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
        } else if (raw != null) {
          o.problem(
              "params", "must be an object of the plugin's parameters, got " + JsonIn.kind(raw));
        }
      }
    }
    o.finish();
    return new ReleaseSpec(
        kind,
        o.pointer(),
        gain,
        bias,
        threshold,
        gainPerNode,
        biasPerNode,
        nodeScale,
        mode,
        incoming,
        eta,
        h,
        uStd,
        vStd,
        scale,
        l,
        omega,
        q,
        child,
        count,
        poisson,
        transform,
        offset,
        tanh,
        fromMemory,
        params,
        Map.copyOf(maps));
  }

  /**
   * A readout of d numbers (a list: the effect is its dot product with the released payload) or an
   * expression (the effect is its value); the list, or null when absent or an expression (then in
   * {@code maps}).
   */
  private double[] readout(JsonIn o, String key, int d, Dims dims, Map<String, String> maps) {
    JsonNode v = o.raw(key);
    if (v != null && v.isTextual()) {
      String source = o.expression(key, RuleExpression.Place.RELEASE_MAP, dims);
      if (source != null) {
        maps.put(key, source);
      }
      return null;
    }
    return o.numbers(key, d);
  }

  /** The dimensions an expression's variables take their lengths from. */
  record Dims(int d, int p, int memoryDim, int zDim) {}
}
