package org.nvlab.core.project;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.nvlab.core.expr.ExpressionException;
import org.nvlab.core.graph.EdgeListBuilder;
import org.nvlab.core.graph.Graph;
import org.nvlab.core.graph.GraphBuilders;
import org.nvlab.core.graph.WeightInit;
import org.nvlab.core.host.Activation;
import org.nvlab.core.host.Host;
import org.nvlab.core.host.LifNetwork;
import org.nvlab.core.host.RateNetwork;
import org.nvlab.core.host.Signal;
import org.nvlab.core.project.CompiledProject.BoundSignal;
import org.nvlab.core.project.ProjectSpec.Binding;
import org.nvlab.core.project.ProjectSpec.GraphSpec;
import org.nvlab.core.project.ProjectSpec.HostSpec;
import org.nvlab.core.project.ProjectSpec.NodeSet;
import org.nvlab.core.project.ProjectSpec.ReleaseSpec;
import org.nvlab.core.project.ProjectSpec.SignalSpec;
import org.nvlab.core.project.ProjectSpec.TypeSpec;
import org.nvlab.core.random.CounterRng;
import org.nvlab.core.random.Purpose;
import org.nvlab.core.random.RngStream;
import org.nvlab.core.release.ActivationRelease;
import org.nvlab.core.release.Cascade;
import org.nvlab.core.release.LearningRuleRelease;
import org.nvlab.core.release.MemoryRelease;
import org.nvlab.core.release.ParameterRelease;
import org.nvlab.core.release.ReleaseMap;
import org.nvlab.core.release.ReleaseOperator;
import org.nvlab.core.release.ReleaseOperatorProvider;
import org.nvlab.core.rule.RuleExpression;
import org.nvlab.core.vesicle.DockingRule;
import org.nvlab.core.vesicle.EmissionRule;
import org.nvlab.core.vesicle.KernelRule;
import org.nvlab.core.vesicle.LifetimeLaw;
import org.nvlab.core.vesicle.StateRule;
import org.nvlab.core.vesicle.VesicleType;
import org.nvlab.core.vocabulary.Signals;

/**
 * Builds a {@link CompiledProject} from a {@link ProjectSpec}: the graph, the host, every vesicle
 * type with its arrays resolved to nodes, and the signal bindings. Checks that need the built graph
 * (node indices in range, matrix shapes against n, memory width against d, child type names) are
 * reported here, with the JSON pointer of the field.
 */
public final class ProjectCompiler {
  private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  private final ProjectSpec spec;
  private final String file;
  private final List<Problem> problems = new ArrayList<>();
  private int n;
  private Graph graph;

  private ProjectCompiler(ProjectSpec spec, String file) {
    this.spec = spec;
    this.file = file;
  }

  /** Compiles; throws with every problem found. */
  public static CompiledProject compile(ProjectSpec spec) throws ProjectException {
    return compile(spec, "project.json");
  }

  public static CompiledProject compile(ProjectSpec spec, String file) throws ProjectException {
    ProjectCompiler c = new ProjectCompiler(spec, file);
    CompiledProject p;
    try {
      p = c.build();
    } catch (OutOfMemoryError e) {
      // A dimension or table too large for the heap: the arrays being made are dropped with this
      // compiler, and the lab goes on with a message instead of dying.
      c.problem(
          "",
          "ran out of memory compiling the project ("
              + e.getMessage()
              + "): a dimension, a table or the network is too large for the memory this run has");
      p = null;
    }
    if (!c.problems.isEmpty()) {
      throw new ProjectException(c.problems);
    }
    return p;
  }

  private void problem(String pointer, String message) {
    problems.add(new Problem(file, pointer, message));
  }

  /**
   * False (with a problem) when an array of {@code length} numbers cannot exist: Java arrays are
   * int-indexed, and a product such as nodes x payloadDim would otherwise overflow silently.
   */
  private boolean fits(long length, String pointer, String what) {
    if (length <= MAX_ARRAY) {
      return true;
    }
    problem(
        pointer,
        what
            + " would need "
            + length
            + " numbers, more than one array can hold ("
            + MAX_ARRAY
            + "); use a smaller graph or dimension");
    return false;
  }

  /**
   * Heap a host network takes per node and per edge (graph CSR both ways, weights and their initial
   * copy, the host's per-node state), with room to spare: a network that would not fit is refused
   * before it is built, with its size and the memory there is, instead of failing half-way.
   */
  static final long BYTES_PER_NODE = 160;

  static final long BYTES_PER_EDGE = 40;

  /** False (with a problem) when the network would not fit in the memory this JVM has left. */
  private boolean fitsInMemory(HostSpec hs) {
    double[] size = ProjectReader.size(hs.graph());
    double need = size[0] * BYTES_PER_NODE + size[1] * BYTES_PER_EDGE;
    Runtime rt = Runtime.getRuntime();
    long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    if (need <= free) {
      return true;
    }
    problem(
        "/host/graph",
        String.format(
            java.util.Locale.ROOT,
            "a network of %,.0f nodes and up to %,.0f edges needs about %s of memory; %s is free"
                + " (give Java more, e.g. NVLAB_JAVA_OPTS=-Xmx%dg, or use a smaller network)",
            size[0],
            size[1],
            megabytes(need),
            megabytes(free),
            Math.max(2, (long) Math.ceil(2 * need / 1e9))));
    return false;
  }

  private static String megabytes(double bytes) {
    return bytes >= 1e9
        ? String.format(java.util.Locale.ROOT, "%.1f GB", bytes / 1e9)
        : String.format(java.util.Locale.ROOT, "%.0f MB", bytes / 1e6);
  }

  private CompiledProject build() {
    HostSpec hs = spec.host();
    if (!fitsInMemory(hs)) {
      return null;
    }
    try {
      graph = buildGraph(hs);
    } catch (IllegalArgumentException e) {
      problem("/host/graph", e.getMessage());
      return null;
    }
    n = graph.nodeCount();
    if (!fits(
        (long) n * hs.memoryDim(), "/host/memoryDim", "the memory traces (nodes x memoryDim)")) {
      return null;
    }
    Host host = buildHost(hs);
    if (host == null) {
      return null;
    }
    initialMemory(hs, host);
    List<BoundSignal> inputs = bind(hs.inputs(), "/host/inputs");
    List<BoundSignal> targets = bind(hs.targets(), "/host/targets");
    for (BoundSignal b : inputs) {
      for (int i : b.nodes()) {
        host.markInput(i);
      }
    }
    for (BoundSignal b : targets) {
      for (int i : b.nodes()) {
        host.markTarget(i);
      }
    }
    List<TypeSpec> ts = spec.vesicleTypes();
    Map<String, Integer> index = new HashMap<>();
    for (int t = 0; t < ts.size(); t++) {
      if (index.putIfAbsent(ts.get(t).name(), t) != null) {
        problem(
            "/vesicleTypes/" + t + "/name", "type name '" + ts.get(t).name() + "' is used twice");
      }
    }
    VesicleType[] types = new VesicleType[ts.size()];
    for (int t = 0; t < ts.size(); t++) {
      types[t] = buildType(t, ts.get(t), host, index);
    }
    List<Signal> z = new ArrayList<>();
    for (SignalSpec s : spec.globals().z()) {
      z.add(signal(s));
    }
    Signal reward = spec.globals().reward() == null ? null : signal(spec.globals().reward());
    if (spec.globals().rewardFromTask() && targets.isEmpty()) {
      problem("/globals/reward", "reward \"task\" needs task targets under /host/targets");
    }
    return new CompiledProject(
        spec,
        host,
        types,
        inputs,
        targets,
        reward,
        spec.globals().rewardFromTask(),
        spec.globals().task(),
        z);
  }

  private Graph buildGraph(HostSpec hs) {
    GraphSpec g = hs.graph();
    EdgeListBuilder b =
        switch (g.builder()) {
          case "layered" -> GraphBuilders.layered(g.layers(), g.density(), g.seed());
          case "grid" -> GraphBuilders.grid(g.width(), g.height(), g.torus(), g.diagonal());
          case "erdos-renyi" -> GraphBuilders.erdosRenyi(g.nodes(), g.p(), g.seed());
          case "fixed-out-degree" -> GraphBuilders.fixedOutDegree(g.nodes(), g.degree(), g.seed());
          case "edge-list" -> {
            EdgeListBuilder e = new EdgeListBuilder(g.nodes());
            for (double[] row : g.edges()) {
              e.add((int) row[0], (int) row[1], (float) row[2]);
            }
            yield e;
          }
          default -> throw new IllegalArgumentException("unknown builder " + g.builder());
        };
    if (hs.weights() != null) {
      ProjectSpec.WeightSpec w = hs.weights();
      WeightInit init =
          switch (w.law()) {
            case "constant" -> WeightInit.constant(w.mean());
            case "uniform" -> new WeightInit(WeightInit.Law.UNIFORM, w.low(), w.high());
            case "normal" -> WeightInit.normal(w.mean(), w.std());
            default -> new WeightInit(WeightInit.Law.NORMAL_FAN_IN, w.mean(), w.std());
          };
      b.weights(init, g.seed());
    } else if (!g.builder().equals("edge-list")) {
      b.weights(new WeightInit(WeightInit.Law.NORMAL_FAN_IN, 0, 1), g.seed());
    }
    return b.build();
  }

  private Host buildHost(HostSpec hs) {
    if (hs.kind().equals("lif")) {
      ProjectSpec.LifSpec l = hs.lif();
      LifNetwork.Params p =
          new LifNetwork.Params(
              (float) l.dt(),
              (float) l.tauMembrane(),
              (float) l.vRest(),
              (float) l.vReset(),
              (float) l.threshold(),
              l.refractory(),
              (float) l.tauSynapse(),
              (float) l.tauRate(),
              (float) l.stdpRate(),
              (float) l.aPlus(),
              (float) l.aMinus(),
              (float) l.tauPlus(),
              (float) l.tauMinus(),
              (float) l.tauEligibility(),
              (float) l.wMin(),
              (float) l.wMax());
      return new LifNetwork(
          graph, p, hs.memoryDim(), (float) hs.modulationDecay(), (float) hs.gateDecay());
    }
    float[] bias = new float[n];
    java.util.Arrays.fill(bias, (float) hs.bias());
    try {
      return new RateNetwork(
          graph,
          Activation.valueOf(hs.activation().toUpperCase(java.util.Locale.ROOT)),
          hs.mode().equals("recurrent"),
          bias,
          (float) hs.learningRate(),
          hs.memoryDim(),
          (float) hs.modulationDecay(),
          (float) hs.gateDecay());
    } catch (IllegalArgumentException e) {
      problem("/host/rate/mode", e.getMessage());
      return null;
    }
  }

  /** Memory traces at the start: given rows, or N(0, std^2) keyed by the project seed. */
  private void initialMemory(HostSpec hs, Host host) {
    int m = host.memoryDim();
    float[] memory = host.memory();
    if (hs.memoryInit() != null) {
      if (hs.memoryInit().length != (long) n * m) {
        problem(
            "/host/memoryInit",
            "needs one row of "
                + m
                + " numbers per node ("
                + n
                + " rows), got "
                + hs.memoryInit().length / Math.max(1, m)
                + " rows");
        return;
      }
      for (int i = 0; i < memory.length; i++) {
        memory[i] = (float) hs.memoryInit()[i];
      }
    } else if (hs.memoryInitStd() > 0) {
      float[] r = randomMatrix(n, m, hs.memoryInitStd(), HOST_STREAM, 20);
      System.arraycopy(r, 0, memory, 0, memory.length);
    }
  }

  /** The stream index used for the host's random initial state (types use 0, 1, 2, ...). */
  private static final int HOST_STREAM = 1000;

  private List<BoundSignal> bind(List<Binding> bs, String pointer) {
    List<BoundSignal> out = new ArrayList<>();
    for (int k = 0; k < bs.size(); k++) {
      int[] nodes = resolve(bs.get(k).nodes(), pointer + "/" + k + "/nodes");
      if (nodes != null) {
        out.add(new BoundSignal(nodes, signal(bs.get(k).signal())));
      }
    }
    return out;
  }

  static Signal signal(SignalSpec s) {
    return new Signal(
        Signal.Shape.valueOf(s.shape().toUpperCase(java.util.Locale.ROOT)),
        s.amplitude(),
        s.period(),
        s.phase(),
        s.phaseStep(),
        s.offset(),
        s.rate(),
        s.values());
  }

  /** The node indices of a set, or null (with a problem) when out of range. */
  private int[] resolve(NodeSet s, String pointer) {
    if (s == null || s.isAll()) {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      return all;
    }
    if (s.nodes() != null) {
      for (int q = 0; q < s.nodes().length; q++) {
        if (s.nodes()[q] >= n) {
          problem(
              pointer + "/" + q,
              "node " + s.nodes()[q] + " does not exist (the graph has " + n + " nodes)");
          return null;
        }
      }
      return s.nodes().clone();
    }
    if (s.layer() != null) {
      int[] layer = graph.layer();
      if (graph.layerCount() == 0) {
        problem(pointer, "this graph has no layers (only the layered builder makes them)");
        return null;
      }
      if (s.layer() >= graph.layerCount()) {
        problem(
            pointer + "/layer",
            "layer " + s.layer() + " does not exist (the graph has " + graph.layerCount() + ")");
        return null;
      }
      int c = 0;
      for (int l : layer) {
        if (l == s.layer()) {
          c++;
        }
      }
      int[] out = new int[c];
      c = 0;
      for (int i = 0; i < n; i++) {
        if (layer[i] == s.layer()) {
          out[c++] = i;
        }
      }
      return out;
    }
    int a = s.range()[0];
    int b = s.range()[1];
    if (b > n) {
      problem(pointer + "/range", "range ends at " + b + " but the graph has " + n + " nodes");
      return null;
    }
    int[] out = new int[b - a];
    for (int i = a; i < b; i++) {
      out[i - a] = i;
    }
    return out;
  }

  private static float[] f(double[] a) {
    if (a == null) {
      return null;
    }
    float[] out = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = (float) a[i];
    }
    return out;
  }

  /** n x d (or m x d) floats of N(0, std^2), keyed by (seed, type, salt). */
  private float[] randomMatrix(int rows, int cols, double std, int type, int salt) {
    float[] out = new float[rows * cols];
    RngStream r = new RngStream();
    long key = CounterRng.tickKey(spec.seed(), salt, Purpose.of(Purpose.KEYS_INIT, type));
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) (std * r.reset(CounterRng.draw(key, i)).nextGaussian());
    }
    return out;
  }

  /**
   * Compiles a user expression the reader has checked (so it cannot fail here but for a reader bug,
   * reported as a problem all the same); null for null.
   */
  private RuleExpression expression(
      String source, RuleExpression.Place place, TypeSpec ts, Host host, String pointer) {
    if (source == null) {
      return null;
    }
    try {
      return RuleExpression.compile(
          source,
          place,
          ts.payloadDim(),
          ts.stateDim(),
          host.memoryDim(),
          spec.globals().z().size());
    } catch (ExpressionException e) {
      problem(pointer, e.getMessage());
      return null;
    }
  }

  private VesicleType buildType(int t, TypeSpec ts, Host host, Map<String, Integer> index) {
    String at = "/vesicleTypes/" + t;
    int d = ts.payloadDim();
    int zDim = spec.globals().z().size();
    int nx = Signals.length(zDim);
    // Emission.
    ProjectSpec.EmissionSpec es = ts.emission();
    float[] w = null;
    if (es.payloadMatrix() != null || es.payloadFromZ() != null) {
      w = new float[d * nx];
      if (es.payloadMatrix() != null) {
        for (int i = 0; i < w.length; i++) {
          w[i] = (float) es.payloadMatrix()[i];
        }
      }
      if (es.payloadFromZ() != null) {
        for (int r = 0; r < d; r++) {
          for (int c = 0; c < zDim; c++) {
            w[r * nx + Signals.Z0 + c] += (float) es.payloadFromZ()[r * zDim + c];
          }
        }
      }
    }
    int[] emitters =
        es.emitters() == null || es.emitters().isAll()
            ? null
            : resolve(es.emitters(), at + "/emission/emitters");
    EmissionRule emission =
        new EmissionRule(
            EmissionRule.Mode.valueOf(es.mode().toUpperCase(java.util.Locale.ROOT)),
            es.lambdaMax(),
            f(es.weights()),
            es.bias(),
            emitters,
            es.target(),
            w,
            f(es.payloadOffset()),
            es.tanh(),
            es.noise(),
            expression(
                es.rate(), RuleExpression.Place.EMISSION_RATE, ts, host, at + "/emission/rate"));
    LifetimeLaw lifetime =
        new LifetimeLaw(
            ts.lifetime().law().equals("fixed")
                ? LifetimeLaw.Kind.FIXED
                : LifetimeLaw.Kind.EXPONENTIAL,
            ts.lifetime().mean(),
            ts.lifetime().hazard());
    // Kernel.
    ProjectSpec.KernelSpec ks = ts.kernel();
    KernelRule.Neighbourhood nbMode =
        KernelRule.Neighbourhood.valueOf(ks.neighbourhood().toUpperCase(java.util.Locale.ROOT));
    long entries = neighbourhoodEntries(nbMode);
    float[] edgeBias = null;
    boolean wantsEdgeBias = ks.edgeBias() != null || ks.edgeBiasStd() > 0;
    if (wantsEdgeBias && fits(entries, at + "/kernel/edgeBias", "the edge biases (one per move)")) {
      if (ks.edgeBias() == null) {
        edgeBias = randomMatrix((int) entries, 1, ks.edgeBiasStd(), t, 1);
      } else if (ks.edgeBias().length != entries) {
        problem(
            at + "/kernel/edgeBias",
            "must have one number per move ("
                + entries
                + " for this graph and neighbourhood), got "
                + ks.edgeBias().length);
      } else {
        edgeBias = f(ks.edgeBias());
      }
    }
    float[] keys = null;
    if (ks.contentScale() != 0) {
      if (ks.keys().equals("memory")) {
        if (host.memoryDim() != d) {
          problem(
              at + "/kernel/content/keys",
              "memory keys need host memoryDim = payloadDim = "
                  + d
                  + " (memoryDim is "
                  + host.memoryDim()
                  + ")");
        }
      } else if (fits((long) n * d, at + "/kernel/content", "the node keys (nodes x payloadDim)")) {
        keys = randomMatrix(n, d, ks.keyStd(), t, 2);
      }
    }
    KernelRule kernel =
        new KernelRule(
            ks.temperature(),
            nbMode,
            ks.hops(),
            f(ks.theta()),
            edgeBias,
            ks.contentScale(),
            keys,
            expression(
                ks.score(), RuleExpression.Place.KERNEL_SCORE, ts, host, at + "/kernel/score"));
    // Docking.
    ProjectSpec.DockingSpec ds = ts.docking();
    float[] receptors = null;
    if (ds.content() != 0
        && (ds.receptors().equals("memory")
            || fits(
                (long) n * d, at + "/docking/receptors", "the receptors (nodes x payloadDim)"))) {
      switch (ds.receptors()) {
        case "memory" -> {
          if (host.memoryDim() != d) {
            problem(
                at + "/docking/receptors",
                "memory receptors need host memoryDim = payloadDim = "
                    + d
                    + " (memoryDim is "
                    + host.memoryDim()
                    + ")");
          }
        }
        case "ones" -> {
          receptors = new float[n * d];
          java.util.Arrays.fill(receptors, 1f);
        }
        default -> receptors = randomMatrix(n, d, ds.receptorStd(), t, 3);
      }
    }
    boolean[] sites = null;
    if (ds.sites() != null && !ds.sites().isAll()) {
      int[] s = resolve(ds.sites(), at + "/docking/sites");
      if (s != null) {
        sites = new boolean[n];
        for (int i : s) {
          sites[i] = true;
        }
      }
    }
    DockingRule docking =
        new DockingRule(
            ds.bias(),
            f(ds.eta()),
            ds.content(),
            receptors,
            f(ds.stateWeights()),
            ds.dwell(),
            sites,
            expression(
                ds.logit(), RuleExpression.Place.DOCKING_LOGIT, ts, host, at + "/docking/logit"));
    StateRule state =
        ts.state() == null
            ? null
            : new StateRule((float) ts.state().decay(), f(ts.state().input()));
    // Releases.
    List<ReleaseOperator> ops = new ArrayList<>();
    for (int r = 0; r < ts.release().size(); r++) {
      ReleaseOperator op = release(ts.release().get(r), ts, host, index, t);
      if (op != null) {
        ops.add(op);
      }
    }
    boolean[] absorbing = null;
    if (ts.absorbing() != null) {
      int[] a = resolve(ts.absorbing(), at + "/absorbing");
      if (a != null) {
        absorbing = new boolean[n];
        for (int i : a) {
          absorbing[i] = true;
        }
      }
    }
    return new VesicleType(
        t,
        ts.name(),
        d,
        ts.stateDim(),
        emission,
        lifetime,
        kernel,
        docking,
        state,
        List.copyOf(ops),
        absorbing,
        ts.cap());
  }

  private long neighbourhoodEntries(KernelRule.Neighbourhood m) {
    long e = n;
    if (m != KernelRule.Neighbourhood.IN) {
      e += graph.edgeCount();
    }
    if (m != KernelRule.Neighbourhood.OUT) {
      e += graph.edgeCount();
    }
    return e;
  }

  private float[] perNode(double[] a, String pointer, String what) {
    if (a == null) {
      return null;
    }
    if (a.length != n) {
      problem(pointer, what + " needs one number per node (" + n + "), got " + a.length);
      return null;
    }
    return f(a);
  }

  private ReleaseOperator release(
      ReleaseSpec r, TypeSpec ts, Host host, Map<String, Integer> index, int type) {
    int d = ts.payloadDim();
    String at = r.pointer();
    float[] scale = perNode(r.nodeScale(), at + "/nodeScale", "nodeScale");
    switch (r.kind()) {
      case "activation" -> {
        float[] gain = readout(r.gain(), r.gainPerNode(), d, at + "/gainPerNode");
        float[] bias = readout(r.bias(), r.biasPerNode(), d, at + "/biasPerNode");
        if ((r.threshold() != null || r.maps().containsKey("threshold"))
            && !(host instanceof LifNetwork)) {
          problem(at + "/threshold", "a threshold readout acts on a lif host only");
        }
        return new ActivationRelease(
            d,
            gain,
            bias,
            f(r.threshold()),
            scale,
            map(r, "gain", ts, host),
            map(r, "bias", ts, host),
            map(r, "threshold", ts, host));
      }
      case "parameter" -> {
        boolean lowRank = "low-rank".equals(r.mode());
        if (lowRank && !fits((long) n * d, at, "the low-rank factors U, V (nodes x payloadDim)")) {
          return null;
        }
        return new ParameterRelease(
            d,
            lowRank ? ParameterRelease.Mode.LOW_RANK : ParameterRelease.Mode.MULTIPLICATIVE,
            r.incoming(),
            r.eta(),
            f(r.h()),
            lowRank ? randomMatrix(n, d, r.uStd(), type, 10) : null,
            lowRank ? randomMatrix(n, d, r.vStd(), type, 11) : null,
            lowRank ? scaled(scale, r.scale()) : scale,
            map(r, "h", ts, host));
      }
      case "learning" -> {
        return new LearningRuleRelease(d, f(r.l()), scale, map(r, "l", ts, host));
      }
      case "memory" -> {
        int m = host.memoryDim();
        if (m == 0) {
          problem(at, "a memory release needs host memoryDim > 0");
          return null;
        }
        float[] q;
        if (r.q() == null) {
          if (m != d) {
            problem(
                at + "/q",
                "without q the payload is written as is, which needs memoryDim = payloadDim");
            return null;
          }
          q = new float[m * d];
          for (int k = 0; k < m; k++) {
            q[k * d + k] = 1f;
          }
        } else if (r.q().length != m * d) {
          problem(at + "/q", "must have " + m + " rows (memoryDim) of " + d + " numbers");
          return null;
        } else {
          q = f(r.q());
        }
        return new MemoryRelease(d, m, r.omega(), q);
      }
      case "cascade" -> {
        Integer child = r.child() == null ? null : index.get(r.child());
        if (child == null) {
          problem(at + "/child", "no vesicle type is named '" + r.child() + "'");
          return null;
        }
        int dc = spec.vesicleTypes().get(child).payloadDim();
        if (r.fromMemory()) {
          if (host.memoryDim() != dc) {
            problem(
                at + "/payload",
                "a child carrying the node's memory needs its payloadDim ("
                    + dc
                    + ") to equal the host's memoryDim ("
                    + host.memoryDim()
                    + ")");
            return null;
          }
          return new Cascade(child, dc, r.count(), r.poisson(), null, null, false, true);
        }
        float[] transform = f(r.transform());
        if (transform == null && dc != d) {
          problem(at + "/transform", "without a transform the child's payloadDim must equal " + d);
          return null;
        }
        if (transform != null && transform.length != dc * d) {
          problem(
              at + "/transform",
              "must have " + dc + " rows (the child's payloadDim) of " + d + " numbers");
          return null;
        }
        if (r.offset() != null && r.offset().length != dc) {
          problem(at + "/offset", "must have " + dc + " numbers (the child's payloadDim)");
          return null;
        }
        return new Cascade(
            child, dc, r.count(), r.poisson(), transform, f(r.offset()), r.tanh(), false);
      }
      default -> {
        for (ReleaseOperatorProvider p : ServiceLoader.load(ReleaseOperatorProvider.class)) {
          if (p.kind().equals(r.kind())) {
            try {
              return p.create(d, n, r.params());
            } catch (IllegalArgumentException e) {
              problem(at + "/params", e.getMessage());
              return null;
            }
          }
        }
        problem(
            at + "/kind",
            "unknown release kind '"
                + r.kind()
                + "' (built in: activation, parameter, learning, memory, cascade; no plugin provides it)");
        return null;
      }
    }
  }

  /** A readout the file gives as an expression, compiled; null when it gives a list or nothing. */
  private ReleaseMap map(ReleaseSpec r, String field, TypeSpec ts, Host host) {
    RuleExpression x =
        expression(
            r.maps().get(field),
            RuleExpression.Place.RELEASE_MAP,
            ts,
            host,
            r.pointer() + "/" + field);
    return x == null ? null : new ReleaseMap(x, field);
  }

  /**
   * An activation readout: the per-node rows (n x d) when given and of the right size, else the
   * shared vector (d), else null.
   */
  private float[] readout(double[] shared, double[] perNode, int d, String pointer) {
    if (perNode == null) {
      return f(shared);
    }
    if (perNode.length != (long) n * d) {
      problem(pointer, "needs one row of " + d + " numbers per node (" + n + " rows)");
      return null;
    }
    return f(perNode);
  }

  private float[] scaled(float[] nodeScale, double s) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (float) (s * (nodeScale == null ? 1f : nodeScale[i]));
    }
    return out;
  }
}
