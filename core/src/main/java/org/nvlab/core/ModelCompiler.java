package org.nvlab.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nvlab.core.Model.BoundSignal;
import org.nvlab.core.expr.ExpressionException;
import org.nvlab.core.graph.EdgeListBuilder;
import org.nvlab.core.graph.Graph;
import org.nvlab.core.graph.GraphBuilders;
import org.nvlab.core.graph.WeightInit;
import org.nvlab.core.host.Activation;
import org.nvlab.core.host.HostBlueprint;
import org.nvlab.core.host.LifNetwork;
import org.nvlab.core.host.Signal;
import org.nvlab.core.project.Problem;
import org.nvlab.core.project.ProjectException;
import org.nvlab.core.project.ProjectReader;
import org.nvlab.core.project.ProjectSpec;
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
import org.nvlab.core.release.ReleaseContext;
import org.nvlab.core.release.ReleaseKinds;
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
import org.nvlab.core.vocabulary.ReleaseKind;
import org.nvlab.core.vocabulary.Signals;

/**
 * Builds a {@link Model} from a {@link ProjectSpec}: the graph, the host's blueprint, every vesicle
 * type with its arrays resolved to nodes, and the signal bindings. Checks that need the built graph
 * (node indices in range, matrix shapes against n, memory width against d, child type names) are
 * reported here, with the JSON pointer of the field. Reached through {@link Model#compile}.
 */
final class ModelCompiler {
  private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  private final ProjectSpec spec;
  private final String file;
  private final List<Problem> problems = new ArrayList<>();
  private int n;
  private Graph graph;

  private ModelCompiler(ProjectSpec spec, String file) {
    this.spec = spec;
    this.file = file;
  }

  /** Compiles; throws with every problem found, each naming {@code file} and a JSON pointer. */
  static Model compile(ProjectSpec spec, String file) throws ProjectException {
    ModelCompiler c = new ModelCompiler(spec, file);
    Model p;
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

  private Model build() {
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
    List<BoundSignal> inputs = bind(hs.inputs(), "/host/inputs");
    List<BoundSignal> targets = bind(hs.targets(), "/host/targets");
    HostBlueprint host = blueprint(hs, nodesOf(inputs), nodesOf(targets));
    if (host == null) {
      return null;
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
    if (!problems.isEmpty()) {
      return null;
    }
    return new Model(
        spec,
        file,
        host,
        types,
        inputs,
        targets,
        reward,
        spec.globals().rewardFromTask(),
        spec.globals().task(),
        z);
  }

  /** The distinct nodes of some bindings, in the order they first appear. */
  private static int[] nodesOf(List<BoundSignal> bindings) {
    java.util.LinkedHashSet<Integer> seen = new java.util.LinkedHashSet<>();
    for (BoundSignal b : bindings) {
      for (int i : b.nodes()) {
        seen.add(i);
      }
    }
    int[] out = new int[seen.size()];
    int q = 0;
    for (int i : seen) {
      out[q++] = i;
    }
    return out;
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

  /** The host's blueprint, or null (with a problem) when the host cannot be built. */
  private HostBlueprint blueprint(HostSpec hs, int[] inputs, int[] targets) {
    float[] memory = initialMemory(hs);
    HostBlueprint b;
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
      b =
          new HostBlueprint(
              graph,
              HostBlueprint.Kind.LIF,
              null,
              false,
              null,
              0f,
              p,
              hs.memoryDim(),
              memory,
              (float) hs.modulationDecay(),
              (float) hs.gateDecay(),
              inputs,
              targets);
    } else {
      float[] bias = new float[n];
      java.util.Arrays.fill(bias, (float) hs.bias());
      b =
          new HostBlueprint(
              graph,
              HostBlueprint.Kind.RATE,
              Activation.valueOf(hs.activation().toUpperCase(java.util.Locale.ROOT)),
              hs.mode().equals("recurrent"),
              bias,
              (float) hs.learningRate(),
              null,
              hs.memoryDim(),
              memory,
              (float) hs.modulationDecay(),
              (float) hs.gateDecay(),
              inputs,
              targets);
    }
    String why = b.problem();
    if (why != null) {
      problem("/host/rate/mode", why);
      return null;
    }
    return b;
  }

  /** Memory traces at the start: given rows, N(0, std^2) keyed by the project seed, or null. */
  private float[] initialMemory(HostSpec hs) {
    int m = hs.memoryDim();
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
        return null;
      }
      return f(hs.memoryInit());
    } else if (hs.memoryInitStd() > 0) {
      return randomMatrix(n, m, hs.memoryInitStd(), HOST_STREAM, 20);
    }
    return null;
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
      String source, RuleExpression.Place place, TypeSpec ts, HostBlueprint host, String pointer) {
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

  private VesicleType buildType(
      int t, TypeSpec ts, HostBlueprint host, Map<String, Integer> index) {
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

  /**
   * One release entry's operator, built by its kind's provider (the built-in kinds are providers
   * like any plugin's) through a context that reads the entry and reports at its pointer.
   */
  private ReleaseOperator release(
      ReleaseSpec r, TypeSpec ts, HostBlueprint host, Map<String, Integer> index, int type) {
    String at = r.pointer();
    ReleaseOperatorProvider provider = ReleaseKinds.find(r.kind());
    if (provider == null) {
      problem(
          at + "/kind",
          "unknown release kind '"
              + r.kind()
              + "' (built in: "
              + String.join(", ", ReleaseKind.ids())
              + "; no plugin provides it)");
      return null;
    }
    try {
      return provider.create(new EntryContext(r, ts, host, index, type));
    } catch (IllegalArgumentException e) {
      problem(at + "/params", e.getMessage());
      return null;
    }
  }

  /** What a release kind's provider sees of one entry, read from its spec by field name. */
  private final class EntryContext implements ReleaseContext {
    private final ReleaseSpec r;
    private final TypeSpec ts;
    private final HostBlueprint host;
    private final Map<String, Integer> index;
    private final int type;

    EntryContext(
        ReleaseSpec r, TypeSpec ts, HostBlueprint host, Map<String, Integer> index, int type) {
      this.r = r;
      this.ts = ts;
      this.host = host;
      this.index = index;
      this.type = type;
    }

    /** The entry's field of that name (the spec's record components are the file's fields). */
    private Object field(String name) {
      for (java.lang.reflect.RecordComponent c : ReleaseSpec.class.getRecordComponents()) {
        if (c.getName().equals(name)) {
          try {
            return c.getAccessor().invoke(r);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the release field " + name, e);
          }
        }
      }
      throw new IllegalStateException("release entries have no field '" + name + "'");
    }

    @Override
    public String kind() {
      return r.kind();
    }

    @Override
    public int payloadDim() {
      return ts.payloadDim();
    }

    @Override
    public int nodeCount() {
      return n;
    }

    @Override
    public int memoryDim() {
      return host.memoryDim();
    }

    @Override
    public boolean spikingHost() {
      return host.spiking();
    }

    @Override
    public int typeIndex() {
      return type;
    }

    @Override
    public float[] numbers(String name) {
      return f((double[]) field(name));
    }

    @Override
    public double number(String name) {
      return ((Number) field(name)).doubleValue();
    }

    @Override
    public boolean flag(String name) {
      return (Boolean) field(name);
    }

    @Override
    public String text(String name) {
      return (String) field(name);
    }

    @Override
    public ReleaseMap map(String name) {
      return ModelCompiler.this.map(r, name, ts, host);
    }

    @Override
    public Map<String, Object> params() {
      return r.params() == null ? Map.of() : r.params();
    }

    @Override
    public float[] randomMatrix(int rows, int cols, double std, int salt) {
      return ModelCompiler.this.randomMatrix(rows, cols, std, type, salt);
    }

    @Override
    public int typeIndex(String name) {
      Integer k = index.get(name);
      return k == null ? -1 : k;
    }

    @Override
    public int payloadDimOf(int t) {
      return spec.vesicleTypes().get(t).payloadDim();
    }

    @Override
    public boolean fits(long length, String field, String what) {
      return ModelCompiler.this.fits(length, pointer(field), what);
    }

    @Override
    public void problem(String field, String message) {
      ModelCompiler.this.problem(pointer(field), message);
    }

    private String pointer(String field) {
      return field.isEmpty() ? r.pointer() : r.pointer() + "/" + field;
    }
  }

  /** A readout the file gives as an expression, compiled; null when it gives a list or nothing. */
  private ReleaseMap map(ReleaseSpec r, String field, TypeSpec ts, HostBlueprint host) {
    RuleExpression x =
        expression(
            r.maps().get(field),
            RuleExpression.Place.RELEASE_MAP,
            ts,
            host,
            r.pointer() + "/" + field);
    return x == null ? null : new ReleaseMap(x, field);
  }
}
