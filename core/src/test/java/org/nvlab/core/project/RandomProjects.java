package org.nvlab.core.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nvlab.core.testing.Draws;
import org.nvlab.core.vocabulary.KernelFeature;
import org.nvlab.core.vocabulary.Signals;

/**
 * Random valid projects (current format) for property tests: every builder, host kind, signal
 * shape, emission mode, node-set form and release kind, optional fields present or left to their
 * defaults, with the numbers that break careless writers (1e-300, -0.0, 0.1, long seeds, whole
 * numbers written as 3 and as 3.0) and names in any script (quotes, backslashes, control
 * characters, emoji). Graphs stay small so that compiling each one is cheap. And damaged project
 * files: such a project's text with one kind of damage at one place ({@link #damaged}).
 *
 * <p>Generation follows the format's cross-field rules (a square wave's period of at least 2, a
 * feed-forward rate host only on an acyclic graph, readouts of payloadDim numbers, per-node lists
 * of one entry per node, a cascade's child among the types...), so every project it makes is valid;
 * {@code ProjectFormatPropertiesTest.aGeneratedProjectIsValid} checks that it is.
 *
 * <p>Everything is drawn from {@link Draws} in a fixed order, so a seed gives the same project (and
 * the same damage) on any machine and thread: {@code project(seed)} in any test is the project of
 * that seed in the properties ({@code RandomProjectsTest} pins a few). The edge values are drawn
 * explicitly, as they always were: {@link #number} takes an end point, 1e-300 or -0.0 in 3 draws of
 * 8, {@link #text} a quote, backslash or control character in 1 of 8, and {@link #damage} its
 * hostile values from a list. (When these generators ran under jqwik they were {@code
 * Arbitraries.randomValue} arbitraries, to which jqwik adds no edge cases and no shrinking, so
 * nothing of jqwik's own had to be reproduced.)
 */
public final class RandomProjects {
  private RandomProjects() {}

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** The graph facts the rest of the project must agree with. */
  private record Graph(int nodes, int layers, int edges, boolean acyclic) {}

  /** The random valid project of a seed. */
  public static ObjectNode project(long seed) {
    return project(Draws.of(seed));
  }

  /** A random valid project from the next draws of {@code r}. */
  public static ObjectNode project(Draws r) {
    ObjectNode p = F.objectNode();
    p.put("formatVersion", ProjectSpec.FORMAT_VERSION);
    p.put("name", text(r, 1 + r.nextInt(20)));
    if (r.nextBoolean()) {
      p.put("description", text(r, r.nextInt(80)));
    }
    if (r.nextInt(4) > 0) {
      p.put("seed", r.nextBoolean() ? r.nextInt(1000) : r.nextLong() & Long.MAX_VALUE);
    }
    if (r.nextInt(4) > 0) {
      p.put("ticks", r.nextInt(500));
    }
    int zDim = r.nextInt(3);
    ObjectNode host = F.objectNode();
    Graph g = host(r, host);
    p.set("host", host);
    int memoryDim = host.path("memoryDim").asInt(0);
    boolean targets = host.has("targets");
    if (zDim > 0 || r.nextBoolean()) {
      ObjectNode globals = F.objectNode();
      if (targets && r.nextBoolean()) {
        globals.put("reward", "task");
      } else if (r.nextBoolean()) {
        globals.set("reward", signal(r));
      }
      if (r.nextBoolean()) {
        globals.put("task", r.nextInt(3));
      }
      if (zDim > 0) {
        ArrayNode z = globals.putArray("z");
        for (int k = 0; k < zDim; k++) {
          z.add(signal(r));
        }
      }
      p.set("globals", globals);
    }
    int typeCount = 1 + r.nextInt(3);
    int[] dims = new int[typeCount];
    List<String> names = new ArrayList<>();
    for (int t = 0; t < typeCount; t++) {
      dims[t] = 1 + r.nextInt(3);
      names.add("type " + t + " " + text(r, r.nextInt(6)));
    }
    ArrayNode types = p.putArray("vesicleTypes");
    for (int t = 0; t < typeCount; t++) {
      types.add(type(r, names, dims, t, zDim, memoryDim, g, host));
    }
    return p;
  }

  private static Graph host(Draws r, ObjectNode host) {
    boolean lif = r.nextInt(3) == 0;
    host.put("kind", lif ? "lif" : "rate");
    ObjectNode graph = host.putObject("graph");
    Graph g;
    switch (r.nextInt(5)) {
      case 0 -> {
        graph.put("builder", "layered");
        ArrayNode layers = graph.putArray("layers");
        int count = 1 + r.nextInt(4);
        int nodes = 0;
        int edges = 0;
        int prev = 0;
        for (int k = 0; k < count; k++) {
          int size = 1 + r.nextInt(5);
          layers.add(size);
          nodes += size;
          edges += prev * size;
          prev = size;
        }
        boolean dense = r.nextBoolean();
        if (!dense) {
          graph.set("density", number(r, 0, 1));
        }
        g = new Graph(nodes, count, dense ? edges : -1, true);
      }
      case 1 -> {
        graph.put("builder", "grid");
        int w = 1 + r.nextInt(5);
        int h = 1 + r.nextInt(5);
        graph.put("width", w);
        graph.put("height", h);
        if (r.nextBoolean()) {
          graph.put("torus", r.nextBoolean());
        }
        if (r.nextBoolean()) {
          graph.put("diagonal", r.nextBoolean());
        }
        g = new Graph(w * h, 0, -1, false);
      }
      case 2 -> {
        graph.put("builder", "erdos-renyi");
        int n = 1 + r.nextInt(20);
        graph.put("nodes", n);
        graph.set("p", number(r, 0, 1));
        g = new Graph(n, 0, -1, false);
      }
      case 3 -> {
        graph.put("builder", "fixed-out-degree");
        int n = 1 + r.nextInt(20);
        graph.put("nodes", n);
        graph.put("degree", r.nextInt(n));
        g = new Graph(n, 0, -1, false);
      }
      default -> {
        graph.put("builder", "edge-list");
        int n = 1 + r.nextInt(8);
        graph.put("nodes", n);
        ArrayNode edges = graph.putArray("edges");
        boolean acyclic = r.nextBoolean();
        Set<Long> seen = new LinkedHashSet<>();
        int want = r.nextInt(2 * n + 1);
        for (int k = 0; k < want; k++) {
          int a = r.nextInt(n);
          int b = r.nextInt(n);
          if (acyclic && a >= b) {
            continue;
          }
          if (seen.add((long) a * n + b)) {
            ArrayNode e = edges.addArray().add(a).add(b);
            if (r.nextBoolean()) {
              e.add(number(r, -2, 2));
            }
          }
        }
        g = new Graph(n, 0, seen.size(), acyclic);
      }
    }
    if (r.nextInt(4) == 0) {
      graph.put("seed", r.nextLong() & Long.MAX_VALUE);
    }
    if (r.nextInt(3) == 0) {
      ObjectNode w = host.putObject("weights");
      String law = pick(r, "constant", "uniform", "normal", "normal-fan-in");
      w.put("law", law);
      switch (law) {
        case "constant" -> w.set(r.nextBoolean() ? "mean" : "value", number(r, -2, 2));
        case "uniform" -> {
          double low = r.nextDouble() * 2 - 1;
          w.put("low", low);
          w.put("high", low + r.nextDouble());
        }
        default -> {
          w.set("mean", number(r, -1, 1));
          w.set("std", number(r, 0, 2));
        }
      }
    }
    if (lif) {
      if (r.nextBoolean()) {
        ObjectNode l = host.putObject("lif");
        maybe(r, l, "dt", number(r, 0.1, 2));
        maybe(r, l, "tauMembrane", number(r, 1, 50));
        maybe(r, l, "vRest", number(r, -1, 0));
        maybe(r, l, "vReset", number(r, -1, 0));
        maybe(r, l, "threshold", number(r, 0.5, 2));
        if (r.nextBoolean()) {
          l.put("refractory", r.nextInt(5));
        }
        maybe(r, l, "tauSynapse", number(r, 0, 10));
        maybe(r, l, "tauRate", number(r, 1, 50));
        if (r.nextBoolean()) {
          ObjectNode s = l.putObject("stdp");
          maybe(r, s, "rate", number(r, 0, 0.1));
          maybe(r, s, "aPlus", number(r, 0, 0.1));
          maybe(r, s, "aMinus", number(r, 0, 0.1));
          maybe(r, s, "tauPlus", number(r, 1, 50));
          maybe(r, s, "tauMinus", number(r, 1, 50));
          maybe(r, s, "tauEligibility", number(r, 1, 500));
          double lo = r.nextDouble() - 0.5;
          if (r.nextBoolean()) {
            s.put("wMin", lo);
            s.put("wMax", lo + r.nextDouble());
          }
        }
      }
    } else if (r.nextBoolean() || !g.acyclic()) {
      ObjectNode rate = host.putObject("rate");
      if (r.nextBoolean()) {
        rate.put("activation", pick(r, "identity", "tanh", "relu", "sigmoid"));
      }
      if (!g.acyclic() || r.nextBoolean()) {
        rate.put("mode", g.acyclic() ? pick(r, "feedforward", "recurrent") : "recurrent");
      }
      maybe(r, rate, "bias", number(r, -1, 1));
      maybe(r, rate, "learningRate", number(r, 0, 0.1));
    }
    if (r.nextBoolean()) {
      int m = 1 + r.nextInt(3);
      host.put("memoryDim", m);
      switch (r.nextInt(3)) {
        case 0 -> host.putObject("memoryInit").set("std", number(r, 0, 2));
        case 1 -> {
          ArrayNode rows = host.putArray("memoryInit");
          for (int i = 0; i < g.nodes(); i++) {
            rows.add(numbers(r, m, -1, 1));
          }
        }
        default -> {}
      }
    }
    maybe(r, host, "modulationDecay", number(r, 0, 1));
    maybe(r, host, "gateDecay", number(r, 0, 1));
    for (String key : new String[] {"inputs", "targets"}) {
      if (r.nextBoolean()) {
        ArrayNode list = host.putArray(key);
        int count = 1 + r.nextInt(2);
        for (int k = 0; k < count; k++) {
          ObjectNode b = list.addObject();
          b.set("nodes", nodeSet(r, g, false));
          b.set("signal", signal(r));
        }
      }
    }
    return g;
  }

  private static ObjectNode type(
      Draws r,
      List<String> names,
      int[] dims,
      int t,
      int zDim,
      int memoryDim,
      Graph g,
      ObjectNode host) {
    int d = dims[t];
    ObjectNode o = F.objectNode();
    o.put("name", names.get(t));
    o.put("payloadDim", d);
    int p = r.nextInt(3);
    if (p > 0) {
      o.put("stateDim", p);
    }
    // Emission.
    ObjectNode e = o.putObject("emission");
    String mode = pick(r, "none", "poisson", "bernoulli", "replace");
    e.put("mode", mode);
    boolean rate = (mode.equals("poisson") || mode.equals("bernoulli")) && r.nextInt(4) == 0;
    if (rate) {
      e.put("rate", expression(r, "rate", d, memoryDim, zDim));
    }
    if (!mode.equals("none")) {
      e.set("lambdaMax", mode.equals("bernoulli") ? number(r, 0, 1) : number(r, 0, 5));
      if (!rate && r.nextBoolean()) {
        ObjectNode w = e.putObject("weights");
        for (int k = 0; k < Signals.Z0; k++) {
          maybe(r, w, Signals.name(k), number(r, -3, 3));
        }
        if (zDim > 0 && r.nextBoolean()) {
          w.set("z", numbers(r, zDim, -1, 1));
        }
      }
      if (!rate) {
        maybe(r, e, "bias", number(r, -3, 3));
      }
      if (r.nextBoolean()) {
        e.set("emitters", nodeSet(r, g, true));
      }
      if (mode.equals("replace") || r.nextInt(4) == 0) {
        e.put("target", r.nextInt(50));
      }
      if (r.nextBoolean()) {
        ObjectNode pl = e.putObject("payload");
        if (r.nextBoolean()) {
          pl.set("matrix", matrix(r, d, Signals.length(zDim)));
        }
        if (zDim > 0 && r.nextBoolean()) {
          pl.set("z", matrix(r, d, zDim));
        }
        if (r.nextBoolean()) {
          pl.set("offset", numbers(r, d, -1, 1));
        }
        if (r.nextBoolean()) {
          pl.put("phi", pick(r, "identity", "tanh"));
        }
        maybe(r, pl, "noise", number(r, 0, 1));
      }
    }
    // Lifetime.
    ObjectNode life = o.putObject("lifetime");
    String law = pick(r, "exponential", "fixed");
    life.put("law", law);
    life.set(law.equals("fixed") && r.nextBoolean() ? "value" : "mean", number(r, 0.5, 100));
    maybe(r, life, "hazard", number(r, 0, 0.5));
    // Kernel.
    ObjectNode k = o.putObject("kernel");
    if (r.nextInt(5) == 0) {
      k.put("temperature", "Infinity");
    } else {
      maybe(r, k, "temperature", number(r, 0.1, 5));
    }
    String nb = pick(r, "out", "in", "both");
    k.put("neighbourhood", nb);
    if (r.nextBoolean()) {
      k.put("hops", 1 + r.nextInt(3));
    }
    if (r.nextInt(4) == 0) {
      k.put("score", expression(r, "score", d, memoryDim, zDim));
    } else if (r.nextBoolean()) {
      ObjectNode th = k.putObject("theta");
      for (String f : KernelFeature.ALL.stream().map(KernelFeature::id).toList()) {
        maybe(r, th, f, number(r, -2, 2));
      }
    }
    if (g.edges() >= 0 && r.nextInt(3) == 0) {
      int moves = g.nodes() + (nb.equals("both") ? 2 * g.edges() : g.edges());
      k.set("edgeBias", numbers(r, moves, -1, 1));
    } else if (r.nextInt(3) == 0) {
      k.putObject("edgeBias").set("std", number(r, 0, 1));
    }
    if (r.nextInt(3) == 0) {
      ObjectNode c = k.putObject("content");
      c.set("scale", number(r, 0.1, 2));
      if (memoryDim == d && r.nextBoolean()) {
        c.put("keys", "memory");
      } else {
        c.put("keys", "random");
        maybe(r, c, "keyStd", number(r, 0, 2));
      }
    }
    // Docking.
    ObjectNode dk = o.putObject("docking");
    boolean logit = r.nextInt(4) == 0;
    if (logit) {
      dk.put("logit", expression(r, "logit", d, memoryDim, zDim));
    } else {
      maybe(r, dk, "bias", number(r, -5, 2));
    }
    if (!logit && r.nextBoolean()) {
      ObjectNode w = dk.putObject("weights");
      maybe(r, w, "activation", number(r, -2, 2));
      maybe(r, w, "abs_error", number(r, -2, 2));
      maybe(r, w, "gate", number(r, -2, 2));
    }
    if (!logit && r.nextInt(3) == 0) {
      dk.set("content", number(r, 0.1, 2));
      dk.put("receptors", memoryDim == d && r.nextBoolean() ? "memory" : pick(r, "random", "ones"));
      maybe(r, dk, "receptorStd", number(r, 0, 2));
    }
    if (!logit && p > 0 && r.nextBoolean()) {
      dk.set("state", numbers(r, p, -1, 1));
    }
    if (r.nextBoolean()) {
      dk.put("dwell", 1 + r.nextInt(4));
    }
    if (r.nextInt(3) == 0) {
      dk.set("sites", nodeSet(r, g, true));
    }
    if (p > 0 && r.nextBoolean()) {
      ObjectNode s = o.putObject("state");
      maybe(r, s, "decay", number(r, 0, 1));
      if (r.nextBoolean()) {
        s.set("input", matrix(r, p, 3));
      }
    }
    // Release.
    ArrayNode release = o.putArray("release");
    int count = r.nextInt(4);
    boolean lif = host.path("kind").asText().equals("lif");
    for (int q = 0; q < count; q++) {
      ObjectNode rel = release.addObject();
      switch (r.nextInt(memoryDim > 0 ? 5 : 4)) {
        case 0 -> {
          rel.put("kind", "activation");
          boolean any = false;
          if (r.nextInt(5) == 0) {
            rel.put("gain", expression(r, "map", d, memoryDim, zDim));
            any = true;
          } else if (r.nextBoolean()) {
            rel.set("gain", numbers(r, d, -1, 1));
            any = true;
          } else if (r.nextInt(4) == 0) {
            rel.set("gainPerNode", matrix(r, g.nodes(), d));
            any = true;
          }
          if (r.nextBoolean()) {
            rel.set("bias", numbers(r, d, -1, 1));
            any = true;
          } else if (r.nextInt(4) == 0) {
            rel.set("biasPerNode", matrix(r, g.nodes(), d));
            any = true;
          }
          if (lif && (r.nextBoolean() || !any)) {
            rel.set("threshold", numbers(r, d, -1, 1));
            any = true;
          }
          if (!any) {
            rel.set("gain", numbers(r, d, -1, 1));
          }
          if (r.nextInt(4) == 0) {
            rel.set("nodeScale", numbers(r, g.nodes(), 0, 2));
          }
        }
        case 1 -> {
          rel.put("kind", "parameter");
          if (r.nextBoolean()) {
            rel.put("edges", pick(r, "incoming", "outgoing"));
          }
          if (r.nextBoolean()) {
            rel.put("mode", "low-rank");
            maybe(r, rel, "uStd", number(r, 0, 2));
            maybe(r, rel, "vStd", number(r, 0, 2));
            maybe(r, rel, "scale", number(r, -0.1, 0.1));
          } else {
            if (r.nextBoolean()) {
              rel.put("mode", "multiplicative");
            }
            maybe(r, rel, "eta", number(r, -0.1, 0.1));
            if (r.nextInt(4) == 0) {
              rel.put("h", expression(r, "map", d, memoryDim, zDim));
            } else {
              rel.set("h", numbers(r, d, -1, 1));
            }
          }
          if (r.nextInt(4) == 0) {
            rel.set("nodeScale", numbers(r, g.nodes(), 0, 2));
          }
        }
        case 2 -> {
          rel.put("kind", "learning");
          if (r.nextInt(4) == 0) {
            rel.put("l", expression(r, "map", d, memoryDim, zDim));
          } else {
            rel.set("l", numbers(r, d, -1, 1));
          }
          if (r.nextInt(4) == 0) {
            rel.set("nodeScale", numbers(r, g.nodes(), 0, 2));
          }
        }
        case 3 -> {
          rel.put("kind", "cascade");
          int child = r.nextInt(names.size());
          int dc = dims[child];
          rel.put("child", names.get(child));
          maybe(r, rel, "count", number(r, 0, 3));
          if (r.nextBoolean()) {
            rel.put("poisson", r.nextBoolean());
          }
          if (memoryDim == dc && r.nextInt(4) == 0) {
            rel.put("payload", "memory");
          } else {
            if (dc != d || r.nextBoolean()) {
              rel.set("transform", matrix(r, dc, d));
            }
            if (r.nextBoolean()) {
              rel.set("offset", numbers(r, dc, -1, 1));
            }
            if (r.nextBoolean()) {
              rel.put("phi", pick(r, "identity", "tanh"));
            }
          }
        }
        default -> {
          rel.put("kind", "memory");
          maybe(r, rel, "omega", number(r, 0, 1));
          if (memoryDim != d || r.nextBoolean()) {
            rel.set("q", matrix(r, memoryDim, d));
          }
        }
      }
    }
    if (r.nextInt(4) == 0) {
      o.set("absorbing", nodeSet(r, g, true));
    }
    if (r.nextInt(4) == 0) {
      o.put("cap", r.nextInt(100_000));
    }
    return o;
  }

  /**
   * A valid expression for a place ("rate", "score", "logit" or "map"): a few terms over that
   * place's variables with random coefficients, sometimes inside a function.
   */
  static String expression(Draws r, String place, int d, int memoryDim, int zDim) {
    List<String> vars = new ArrayList<>(List.of("a_i", "e_i", "g_i"));
    if (memoryDim > 0) {
      vars.add("m_i[" + r.nextInt(memoryDim) + "]");
      vars.add("norm(m_i)");
    }
    if (!place.equals("map")) {
      vars.addAll(List.of("t", "reward", "task"));
      if (zDim > 0) {
        vars.add("z[" + r.nextInt(zDim) + "]");
      }
    }
    switch (place) {
      case "rate" -> vars.add("spike_i");
      case "score" -> {
        vars.addAll(List.of("a_j", "e_j", "g_j", "w_ij", "stay", "dir", "c[0]", "sum(c)"));
        if (memoryDim > 0) {
          vars.add("m_j[0]");
        }
      }
      case "logit" -> vars.addAll(List.of("c[" + (d - 1) + "]", "norm(c)"));
      default -> vars.addAll(List.of("c[0]", "n", "sum(c)"));
    }
    StringBuilder b = new StringBuilder();
    int terms = 1 + r.nextInt(3);
    for (int k = 0; k < terms; k++) {
      if (k > 0) {
        b.append(r.nextBoolean() ? " + " : " - ");
      }
      b.append(Math.round(r.nextDouble() * 200) / 100.0).append(" * ");
      b.append(vars.get(r.nextInt(vars.size())));
    }
    String body = b.toString();
    String wrapped =
        switch (r.nextInt(4)) {
          case 0 -> "tanh(" + body + ")";
          case 1 -> "(" + body + " > 0 ? 1 : -1)";
          default -> body;
        };
    return place.equals("rate") ? "clamp(" + wrapped + ", 0, 3)" : wrapped;
  }

  /** A node set in one of its four forms, within the graph. */
  private static JsonNode nodeSet(Draws r, Graph g, boolean allowAll) {
    int form = r.nextInt(allowAll ? 4 : 3);
    if (form == 1 && g.layers() == 0) {
      form = 2;
    }
    switch (form) {
      case 0 -> {
        ArrayNode a = F.arrayNode();
        int count = 1 + r.nextInt(Math.min(4, g.nodes()));
        for (int k = 0; k < count; k++) {
          a.add(r.nextInt(g.nodes()));
        }
        return a;
      }
      case 1 -> {
        ObjectNode o = F.objectNode();
        o.put("layer", r.nextInt(g.layers()));
        return o;
      }
      case 2 -> {
        ObjectNode o = F.objectNode();
        int a = r.nextInt(g.nodes());
        o.putArray("range").add(a).add(a + r.nextInt(g.nodes() - a + 1));
        return o;
      }
      default -> {
        return F.textNode("all");
      }
    }
  }

  private static ObjectNode signal(Draws r) {
    ObjectNode s = F.objectNode();
    String shape = pick(r, "constant", "sine", "square", "noise", "poisson", "cycle");
    s.put("shape", shape);
    if (shape.equals("constant") && r.nextBoolean()) {
      s.set("value", number(r, -2, 2));
    } else {
      maybe(r, s, "amplitude", number(r, -2, 2));
    }
    if (shape.equals("square")) {
      s.set("period", number(r, 2, 100));
    } else {
      maybe(r, s, "period", number(r, 1, 100));
    }
    maybe(r, s, "phase", number(r, -10, 10));
    maybe(r, s, "phaseStep", number(r, -1, 1));
    maybe(r, s, "offset", number(r, -1, 1));
    maybe(r, s, "rate", number(r, 0, 1));
    if (shape.equals("cycle")) {
      s.set("values", numbers(r, 1 + r.nextInt(5), -1, 1));
    }
    return s;
  }

  private static void maybe(Draws r, ObjectNode o, String key, JsonNode value) {
    if (r.nextBoolean()) {
      o.set(key, value);
    }
  }

  private static ArrayNode numbers(Draws r, int count, double lo, double hi) {
    ArrayNode a = F.arrayNode();
    for (int i = 0; i < count; i++) {
      a.add(number(r, lo, hi));
    }
    return a;
  }

  private static ArrayNode matrix(Draws r, int rows, int cols) {
    ArrayNode a = F.arrayNode();
    for (int i = 0; i < rows; i++) {
      a.add(numbers(r, cols, -1, 1));
    }
    return a;
  }

  /**
   * A number in [lo, hi] in one of the forms a file can hold: a whole number, a whole number
   * written as a double, a short decimal, a full-precision double, a tiny value, an end point, or
   * negative zero.
   */
  static JsonNode number(Draws r, double lo, double hi) {
    double x;
    switch (r.nextInt(8)) {
      case 0 -> {
        long w = (long) Math.ceil(lo) + (long) (r.nextDouble() * (Math.floor(hi) - Math.ceil(lo)));
        if (w >= lo && w <= hi) {
          return F.numberNode(w);
        }
        x = lo;
      }
      case 1 -> x = Math.rint(lo + r.nextDouble() * (hi - lo));
      case 2 -> x = Math.round((lo + r.nextDouble() * (hi - lo)) * 100) / 100.0;
      case 3 -> x = lo <= 1e-300 && hi >= 1e-300 ? 1e-300 : lo;
      case 4 -> x = r.nextBoolean() ? lo : hi;
      case 5 -> x = lo <= 0 && hi >= 0 ? -0.0 : hi;
      default -> x = lo + r.nextDouble() * (hi - lo);
    }
    if (x < lo || x > hi || Double.isNaN(x)) {
      x = lo;
    }
    return F.numberNode(x);
  }

  private static String pick(Draws r, String... options) {
    return options[r.nextInt(options.length)];
  }

  /** Text in any script: ASCII, quotes and backslashes, control characters, accents, CJK, emoji. */
  static String text(Draws r, int length) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int cp =
          switch (r.nextInt(8)) {
            case 0 -> "\"\\/\t\n\u0001\u007f\u2028".codePointAt(r.nextInt(8));
            case 1 -> 0x00C0 + r.nextInt(0x0180);
            case 2 -> 0x4E00 + r.nextInt(0x5000);
            case 3 -> 0x1F300 + r.nextInt(0x0300);
            case 4 -> 0x0400 + r.nextInt(0x0100);
            default -> 0x20 + r.nextInt(0x5F);
          };
      b.appendCodePoint(cp);
    }
    return b.toString();
  }

  // ----------------------------------------------------------------------------- damaged files

  /** One damaged file: a valid project's text with one kind of damage at one place, and which. */
  public record Damage(String text, String what) {}

  /** A damaged project file from the next draws of {@code r}: a random project, then its damage. */
  public static Damage damaged(Draws r) {
    return damage(CanonicalJson.write(project(r)), r);
  }

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern KEY = Pattern.compile("\"([A-Za-z_]+)\": ");

  /** Values that break careless readers: out of range, not numbers, huge, deep, not JSON. */
  private static final String[] HOSTILE = {
    "\"x\"",
    "-1",
    "-1e9",
    "1e400",
    "-1e400",
    "1e-400",
    "NaN",
    "Infinity",
    "2147483648",
    "9223372036854775808",
    "1" + "0".repeat(1200),
    "true",
    "null",
    "[]",
    "{}",
    "[1e9]",
    "[[[[[[[[[[]]]]]]]]]]",
    "[".repeat(3000) + "]".repeat(3000),
    "{\"a\":".repeat(2000) + "1" + "}".repeat(2000),
    "\"\\u0000\"",
    "\"" + "x".repeat(100_000) + "\"",
    "0x10",
    "'single'",
    "01"
  };

  /**
   * {@code text} with one damage, each kind as likely: cut short, a run of characters deleted, a
   * character inserted, a number or a string replaced (by a hostile value or other text), a key
   * given twice, two characters swapped, a line removed, a BOM or NUL inserted.
   */
  public static Damage damage(String text, Draws r) {
    int n = text.length();
    switch (r.nextInt(9)) {
      case 0 -> {
        int at = r.nextInt(n);
        return new Damage(text.substring(0, at), "cut at " + at);
      }
      case 1 -> {
        int from = r.nextInt(n);
        int to = Math.min(n, from + 1 + r.nextInt(40));
        return new Damage(
            text.substring(0, from) + text.substring(to), "without " + from + ".." + to);
      }
      case 2 -> {
        int at = r.nextInt(n + 1);
        String chars = "{}[],:\"\\0123456789-.eEtrufalsn x\u00e9\u4e2d";
        String junk = String.valueOf(chars.charAt(r.nextInt(chars.length())));
        return new Damage(
            text.substring(0, at) + junk + text.substring(at), "'" + junk + "' at " + at);
      }
      case 3 -> {
        return replaceOne(text, NUMBER, r, HOSTILE[r.nextInt(HOSTILE.length)], "number");
      }
      case 4 -> {
        String v = r.nextBoolean() ? HOSTILE[r.nextInt(HOSTILE.length)] : "\"" + text(r, 3) + "\"";
        return replaceOne(text, STRING, r, v, "text");
      }
      case 5 -> {
        // A key given twice.
        List<int[]> keys = spans(text, KEY);
        int[] k = keys.get(r.nextInt(keys.size()));
        String key = text.substring(k[0], k[1]);
        return new Damage(
            text.substring(0, k[0]) + key + "0, " + text.substring(k[0]), "twice " + key);
      }
      case 6 -> {
        // Two characters swapped.
        int a = r.nextInt(n - 1);
        char[] c = text.toCharArray();
        char t = c[a];
        c[a] = c[a + 1];
        c[a + 1] = t;
        return new Damage(new String(c), "swapped at " + a);
      }
      case 7 -> {
        // A whole line removed (a field, a row, a bracket).
        String[] lines = text.split("\n", -1);
        int drop = r.nextInt(lines.length);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
          if (i != drop) {
            b.append(lines[i]).append(i + 1 < lines.length ? "\n" : "");
          }
        }
        return new Damage(b.toString(), "line " + drop + " removed");
      }
      default -> {
        // Bytes that are not UTF-8 text would be caught on a file; as text, a stray BOM or NUL.
        int at = r.nextInt(n + 1);
        String junk = r.nextBoolean() ? "\uFEFF" : "\u0000";
        return new Damage(text.substring(0, at) + junk + text.substring(at), "control at " + at);
      }
    }
  }

  private static Damage replaceOne(String text, Pattern p, Draws r, String with, String what) {
    List<int[]> spans = spans(text, p);
    int[] s = spans.get(r.nextInt(spans.size()));
    String shown = with.length() > 30 ? with.substring(0, 30) + "..." : with;
    return new Damage(
        text.substring(0, s[0]) + with + text.substring(s[1]),
        what + " at " + s[0] + " -> " + shown);
  }

  private static List<int[]> spans(String text, Pattern p) {
    Matcher m = p.matcher(text);
    List<int[]> spans = new ArrayList<>();
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
    }
    return spans;
  }
}
