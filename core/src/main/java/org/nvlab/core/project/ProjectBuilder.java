package org.nvlab.core.project;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.nvlab.core.graph.WeightInit;
import org.nvlab.core.host.Activation;
import org.nvlab.core.host.Signal;
import org.nvlab.core.project.ProjectSpec.Binding;
import org.nvlab.core.project.ProjectSpec.GlobalsSpec;
import org.nvlab.core.project.ProjectSpec.GraphSpec;
import org.nvlab.core.project.ProjectSpec.HostSpec;
import org.nvlab.core.project.ProjectSpec.LifSpec;
import org.nvlab.core.project.ProjectSpec.NodeSet;
import org.nvlab.core.project.ProjectSpec.SignalSpec;
import org.nvlab.core.project.ProjectSpec.TypeSpec;
import org.nvlab.core.project.ProjectSpec.WeightSpec;

/**
 * Builds a {@link ProjectSpec} in code: the same experiment a project.json describes, typed (engine
 * enums for words such as {@link Activation} or {@link Signal.Shape}, {@code core.vocabulary} for
 * release kinds, signals and features) and without JSON text.
 *
 * <pre>{@code
 * ProjectSpec spec =
 *     ProjectBuilder.project("demo")
 *         .seed(7)
 *         .host(h -> h.layered(4, 8, 2).input(NodeSet.layer(0), ProjectBuilder.constant(0.5)))
 *         .type("carrier", t -> t
 *             .emission(e -> e.lambdaMax(0.2).weight(Signals.ACTIVATION, 2))
 *             .kernel(k -> k.theta(KernelFeature.ACTIVATION, 1))
 *             .release(ReleaseKind.ACTIVATION, r -> r.gain(0.1)))
 *         .build();
 * }</pre>
 *
 * <p><b>Defaults.</b> What is not set is the reader's default, from one source: every part starts
 * from the record {@link ProjectReader} makes of a minimal file part ({@link ProjectDefaults}), and
 * a default that depends on another choice (an emission's maximum rate on its mode and rate
 * expression, a parameter release's eta on its mode, the content scale on there being content, the
 * state on stateDim, emission weights on the length of z) is taken when {@link #build} knows that
 * choice. So {@code build()} gives exactly the spec the reader makes of the same project written by
 * hand with the same fields, and {@link ProjectWriter} writes it as short.
 *
 * <p><b>Changing a spec.</b> {@link #from} starts from an existing spec; {@link #withType} and the
 * part builders' setters ("withers") then change one part, e.g. a type's kernel theta or a release
 * readout, and {@link #build} gives the new spec. Settings that exclude each other in the format
 * replace each other here: a kernel score drops theta and theta drops the score, a shared gain
 * drops per-node gains, a docking logit drops the docking weights, and so on.
 *
 * <p><b>Checking.</b> {@code build()} assembles what was asked for and checks nothing the compiler
 * or the reader would check; {@link #check} writes a spec and reads it back with the reader's own
 * checks, and {@link #checked} builds and throws with every problem.
 */
public final class ProjectBuilder {
  private String name;
  private String description;
  private long seed;
  private int ticks;
  private final HostBuilder host = new HostBuilder();
  private SignalSpec reward;
  private boolean rewardFromTask;
  private double task;
  private final List<SignalSpec> z = new ArrayList<>();
  private final List<TypeBuilder> types = new ArrayList<>();

  private ProjectBuilder() {
    ProjectSpec def = ProjectDefaults.project();
    name = def.name();
    description = def.description();
    seed = def.seed();
    ticks = def.ticks();
    GlobalsSpec g = def.globals();
    reward = g.reward();
    rewardFromTask = g.rewardFromTask();
    task = g.task();
    z.addAll(g.z());
  }

  /** A new project of this name; everything else is the reader's default until set. */
  public static ProjectBuilder project(String name) {
    return new ProjectBuilder().name(name);
  }

  /** A builder holding {@code spec}, to change parts of it. */
  public static ProjectBuilder from(ProjectSpec spec) {
    ProjectBuilder b = new ProjectBuilder();
    b.name = spec.name();
    b.description = spec.description();
    b.seed = spec.seed();
    b.ticks = spec.ticks();
    b.host.from(spec.host(), spec.seed());
    GlobalsSpec g = spec.globals();
    b.reward = g.reward();
    b.rewardFromTask = g.rewardFromTask();
    b.task = g.task();
    b.z.clear();
    b.z.addAll(g.z());
    for (TypeSpec t : spec.vesicleTypes()) {
      b.types.add(new TypeBuilder(t));
    }
    return b;
  }

  public ProjectBuilder name(String name) {
    this.name = name;
    return this;
  }

  public ProjectBuilder description(String description) {
    this.description = description;
    return this;
  }

  /** The run seed; it also seeds the graph unless {@link HostBuilder#graphSeed} is set. */
  public ProjectBuilder seed(long seed) {
    this.seed = seed;
    return this;
  }

  public ProjectBuilder ticks(int ticks) {
    this.ticks = ticks;
    return this;
  }

  /** Sets up the host network (a graph must be chosen: layered, grid, ...). */
  public ProjectBuilder host(Consumer<HostBuilder> edit) {
    edit.accept(host);
    return this;
  }

  /** The global reward is this signal. */
  public ProjectBuilder reward(SignalSpec signal) {
    reward = signal;
    rewardFromTask = false;
    return this;
  }

  /** The global reward is minus the task loss (the host needs targets). */
  public ProjectBuilder rewardFromTask() {
    reward = null;
    rewardFromTask = true;
    return this;
  }

  /** The task id every vesicle can read. */
  public ProjectBuilder task(double task) {
    this.task = task;
    return this;
  }

  /** The conditioning vector z, one signal per entry (replacing any given before). */
  public ProjectBuilder z(List<SignalSpec> signals) {
    z.clear();
    z.addAll(signals);
    return this;
  }

  /** Adds a vesicle type at the end; its name must be new. */
  public ProjectBuilder type(String name, Consumer<TypeBuilder> edit) {
    if (find(name) != null) {
      throw new IllegalArgumentException(
          "the project already has a vesicle type named " + name + "; change it with withType");
    }
    TypeBuilder t = new TypeBuilder(name);
    edit.accept(t);
    types.add(t);
    return this;
  }

  /** Changes the vesicle type of this name. */
  public ProjectBuilder withType(String name, Consumer<TypeBuilder> edit) {
    TypeBuilder t = find(name);
    if (t == null) {
      throw new IllegalArgumentException("the project has no vesicle type named " + name);
    }
    edit.accept(t);
    return this;
  }

  private TypeBuilder find(String name) {
    for (TypeBuilder t : types) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    return null;
  }

  /** The spec as set up, in the current format. */
  public ProjectSpec build() {
    HostSpec h = host.build(seed);
    GlobalsSpec g = new GlobalsSpec(reward, rewardFromTask, task, List.copyOf(z));
    List<TypeSpec> built = new ArrayList<>();
    for (int k = 0; k < types.size(); k++) {
      built.add(types.get(k).build(k, z.size(), h.memoryDim()));
    }
    return new ProjectSpec(
        ProjectSpec.FORMAT_VERSION, name, description, seed, ticks, h, g, List.copyOf(built));
  }

  /** Builds and checks with the reader's own checks; throws with every problem found. */
  public ProjectSpec checked() throws ProjectException {
    ProjectSpec spec = build();
    List<Problem> problems = check(spec);
    if (!problems.isEmpty()) {
      throw new ProjectException(problems);
    }
    return spec;
  }

  /**
   * What the reader would say about {@code spec} written as project.json: nothing (an empty list)
   * for a spec it reads back unchanged; else every problem, at its JSON pointer. A spec no file can
   * hold ({@link ProjectWriter.Unwritable}) is one problem where it cannot be written. The checks
   * that need the built graph (node indices, per-node lengths, cascade children) are the
   * compiler's, as for a file.
   */
  public static List<Problem> check(ProjectSpec spec) {
    String file = ProjectFiles.PROJECT;
    ObjectNode tree;
    try {
      tree = ProjectWriter.write(spec);
    } catch (ProjectWriter.Unwritable e) {
      return List.of(new Problem(file, e.pointer(), e.reason()));
    }
    try {
      String d = SpecEquality.difference(spec, ProjectReader.read(tree, file));
      return d == null
          ? List.of()
          : List.of(new Problem(file, "", "reads back differently than built: " + d));
    } catch (ProjectException e) {
      return e.problems();
    }
  }

  // ------------------------------------------------------------------------------------ signals

  /** A signal of this shape with the reader's defaults, to set up further. */
  public static SignalBuilder signal(Signal.Shape shape) {
    return new SignalBuilder(shape);
  }

  /** A constant signal. */
  public static SignalSpec constant(double value) {
    return signal(Signal.Shape.CONSTANT).amplitude(value).build();
  }

  /** A sine wave of this amplitude and period (ticks). */
  public static SignalBuilder sine(double amplitude, double period) {
    return signal(Signal.Shape.SINE).amplitude(amplitude).period(period);
  }

  /** A square wave of this amplitude and period (ticks, at least 2). */
  public static SignalBuilder square(double amplitude, double period) {
    return signal(Signal.Shape.SQUARE).amplitude(amplitude).period(period);
  }

  /** A cycle through {@code values}, one every {@code period} ticks. */
  public static SignalBuilder cycle(double period, double... values) {
    return signal(Signal.Shape.CYCLE).period(period).values(values);
  }

  /** One signal: its shape is fixed when it is made, the rest starts as the reader's defaults. */
  public static final class SignalBuilder {
    private final String shape;
    private double amplitude;
    private double period;
    private double phase;
    private double phaseStep;
    private double offset;
    private double rate;
    private double[] values;

    private SignalBuilder(Signal.Shape shape) {
      this.shape = ProjectWriter.word(shape);
      SignalSpec d = ProjectDefaults.signal(this.shape);
      amplitude = d.amplitude();
      period = d.period();
      phase = d.phase();
      phaseStep = d.phaseStep();
      offset = d.offset();
      rate = d.rate();
      values = d.values();
    }

    /** The amplitude (a constant's value). */
    public SignalBuilder amplitude(double amplitude) {
      this.amplitude = amplitude;
      return this;
    }

    public SignalBuilder period(double period) {
      this.period = period;
      return this;
    }

    public SignalBuilder phase(double phase) {
      this.phase = phase;
      return this;
    }

    /** The phase added per node, so that bound nodes are shifted against each other. */
    public SignalBuilder phaseStep(double phaseStep) {
      this.phaseStep = phaseStep;
      return this;
    }

    public SignalBuilder offset(double offset) {
      this.offset = offset;
      return this;
    }

    /** A Poisson signal's rate per tick. */
    public SignalBuilder rate(double rate) {
      this.rate = rate;
      return this;
    }

    /** A cycle's values. */
    public SignalBuilder values(double... values) {
      this.values = values.clone();
      return this;
    }

    public SignalSpec build() {
      return new SignalSpec(shape, amplitude, period, phase, phaseStep, offset, rate, copy(values));
    }
  }

  // --------------------------------------------------------------------------------------- host

  /** The host network: its kind, graph, weights, settings, memory and signal bindings. */
  public static final class HostBuilder {
    private String kind;
    private String builder;
    private int[] layers;
    private double density;
    private int width;
    private int height;
    private boolean torus;
    private boolean diagonal;
    private int nodes;
    private double p;
    private int degree;
    private double[][] edges;
    private Long graphSeed;
    private WeightSpec weights;
    private String activation;
    private String mode;
    private double bias;
    private double learningRate;
    private LifSpec lif;
    private int memoryDim;
    private double memoryInitStd;
    private double[] memoryInit;
    private double modulationDecay;
    private double gateDecay;
    private final List<Binding> inputs = new ArrayList<>();
    private final List<Binding> targets = new ArrayList<>();

    private HostBuilder() {
      HostSpec d = ProjectDefaults.project().host();
      kind = d.kind();
      weights = d.weights();
      activation = d.activation();
      mode = d.mode();
      bias = d.bias();
      learningRate = d.learningRate();
      lif = d.lif();
      memoryDim = d.memoryDim();
      memoryInitStd = d.memoryInitStd();
      memoryInit = d.memoryInit();
      modulationDecay = d.modulationDecay();
      gateDecay = d.gateDecay();
    }

    private void from(HostSpec h, long projectSeed) {
      kind = h.kind();
      GraphSpec g = h.graph();
      builder = g.builder();
      layers = g.layers();
      density = g.density();
      width = g.width();
      height = g.height();
      torus = g.torus();
      diagonal = g.diagonal();
      nodes = g.nodes();
      p = g.p();
      degree = g.degree();
      edges = g.edges();
      // A graph seed equal to the project's is the file's default: it follows the project seed.
      graphSeed = g.seed() == projectSeed ? null : g.seed();
      weights = h.weights();
      activation = h.activation();
      mode = h.mode();
      bias = h.bias();
      learningRate = h.learningRate();
      lif = h.lif();
      memoryDim = h.memoryDim();
      memoryInitStd = h.memoryInitStd();
      memoryInit = h.memoryInit();
      modulationDecay = h.modulationDecay();
      gateDecay = h.gateDecay();
      inputs.addAll(h.inputs());
      targets.addAll(h.targets());
    }

    /** A rate network (the default kind). */
    public HostBuilder rate() {
      kind = ProjectWriter.RATE;
      lif = null;
      return this;
    }

    /** Leaky integrate-and-fire neurons, with these settings. */
    public HostBuilder lif(Consumer<LifBuilder> edit) {
      if (!ProjectWriter.LIF.equals(kind)) {
        kind = ProjectWriter.LIF;
        lif = ProjectDefaults.lif();
      }
      LifBuilder b = new LifBuilder(lif);
      edit.accept(b);
      lif = b.build();
      return this;
    }

    private void graph(String builder) {
      GraphSpec d = ProjectDefaults.graph(builder, 0);
      this.builder = builder;
      layers = d.layers();
      density = d.density();
      width = d.width();
      height = d.height();
      torus = d.torus();
      diagonal = d.diagonal();
      nodes = d.nodes();
      p = d.p();
      degree = d.degree();
      edges = d.edges();
    }

    /** Layers of these sizes, each node linked to the next layer (with {@link #density}). */
    public HostBuilder layered(int... layers) {
      graph(ProjectWriter.LAYERED);
      this.layers = layers.clone();
      return this;
    }

    /** The probability of each link between consecutive layers of a layered graph. */
    public HostBuilder density(double density) {
      this.density = density;
      return this;
    }

    public HostBuilder grid(int width, int height) {
      graph(ProjectWriter.GRID);
      this.width = width;
      this.height = height;
      return this;
    }

    public HostBuilder torus(boolean torus) {
      this.torus = torus;
      return this;
    }

    public HostBuilder diagonal(boolean diagonal) {
      this.diagonal = diagonal;
      return this;
    }

    public HostBuilder erdosRenyi(int nodes, double p) {
      graph(ProjectWriter.ERDOS_RENYI);
      this.nodes = nodes;
      this.p = p;
      return this;
    }

    public HostBuilder fixedOutDegree(int nodes, int degree) {
      graph(ProjectWriter.FIXED_OUT_DEGREE);
      this.nodes = nodes;
      this.degree = degree;
      return this;
    }

    /** These edges, each {from, to} (weight 1) or {from, to, weight}. */
    public HostBuilder edgeList(int nodes, double[][] edges) {
      graph(ProjectWriter.EDGE_LIST);
      this.nodes = nodes;
      this.edges = new double[edges.length][];
      for (int k = 0; k < edges.length; k++) {
        double[] e = edges[k];
        if (e.length != 2 && e.length != 3) {
          throw new IllegalArgumentException("edge " + k + " must be {from, to} or {from, to, w}");
        }
        this.edges[k] = new double[] {e[0], e[1], e.length == 3 ? e[2] : 1.0};
      }
      return this;
    }

    /** The graph's own seed (by default the project's). */
    public HostBuilder graphSeed(long seed) {
      graphSeed = seed;
      return this;
    }

    /** The initial weights' law (without this, normal with fan-in scaling, as in a file). */
    public HostBuilder weights(Consumer<WeightsBuilder> edit) {
      WeightsBuilder b = new WeightsBuilder(weights == null ? ProjectDefaults.weights() : weights);
      edit.accept(b);
      weights = b.build();
      return this;
    }

    /** A rate host's transfer function. */
    public HostBuilder activation(Activation activation) {
      this.activation = ProjectWriter.word(activation);
      return this;
    }

    /** A rate host updated all at once from the last state (else feed-forward, layer by layer). */
    public HostBuilder recurrent(boolean recurrent) {
      mode = recurrent ? ProjectWriter.RECURRENT : ProjectWriter.FEEDFORWARD;
      return this;
    }

    /** A rate host's node bias. */
    public HostBuilder bias(double bias) {
      this.bias = bias;
      return this;
    }

    /** A rate host's base learning rate (0: it does not learn). */
    public HostBuilder learningRate(double learningRate) {
      this.learningRate = learningRate;
      return this;
    }

    public HostBuilder memoryDim(int memoryDim) {
      this.memoryDim = memoryDim;
      return this;
    }

    /** Initial memory traces: one row of memoryDim numbers per node. */
    public HostBuilder memoryInit(double[][] rows) {
      memoryInit = flatten(rows);
      memoryInitStd = ProjectDefaults.project().host().memoryInitStd();
      return this;
    }

    /** Initial memory traces drawn from N(0, std^2). */
    public HostBuilder memoryInitStd(double std) {
      memoryInitStd = std;
      memoryInit = null;
      return this;
    }

    public HostBuilder modulationDecay(double decay) {
      modulationDecay = decay;
      return this;
    }

    public HostBuilder gateDecay(double decay) {
      gateDecay = decay;
      return this;
    }

    /** Drives these nodes with a signal. */
    public HostBuilder input(NodeSet nodes, SignalSpec signal) {
      inputs.add(new Binding(nodes, signal));
      return this;
    }

    /** A task target at these nodes (it gives the loss and the reward from the task). */
    public HostBuilder target(NodeSet nodes, SignalSpec signal) {
      targets.add(new Binding(nodes, signal));
      return this;
    }

    private HostSpec build(long projectSeed) {
      if (builder == null) {
        throw new IllegalStateException(
            "the host needs a graph: layered, grid, erdosRenyi, fixedOutDegree or edgeList");
      }
      double[][] e = null;
      if (edges != null) {
        e = new double[edges.length][];
        for (int k = 0; k < edges.length; k++) {
          e[k] = edges[k].clone();
        }
      }
      GraphSpec g =
          new GraphSpec(
              builder,
              layers == null ? null : layers.clone(),
              density,
              width,
              height,
              torus,
              diagonal,
              nodes,
              p,
              degree,
              e,
              graphSeed == null ? projectSeed : graphSeed);
      return new HostSpec(
          kind,
          g,
          weights,
          activation,
          mode,
          bias,
          learningRate,
          lif,
          memoryDim,
          memoryInitStd,
          copy(memoryInit),
          modulationDecay,
          gateDecay,
          List.copyOf(inputs),
          List.copyOf(targets));
    }
  }

  /** The law of the host's initial weights. */
  public static final class WeightsBuilder {
    private String law;
    private double mean;
    private double std;
    private double low;
    private double high;

    private WeightsBuilder(WeightSpec w) {
      law = w.law();
      mean = w.mean();
      std = w.std();
      low = w.low();
      high = w.high();
    }

    public WeightsBuilder law(WeightInit.Law law) {
      this.law = ProjectWriter.word(law);
      return this;
    }

    /** The mean of a normal law, or a constant law's value. */
    public WeightsBuilder mean(double mean) {
      this.mean = mean;
      return this;
    }

    /** The std of a normal law (before fan-in scaling for normal-fan-in). */
    public WeightsBuilder std(double std) {
      this.std = std;
      return this;
    }

    /** A uniform law's bounds. */
    public WeightsBuilder bounds(double low, double high) {
      this.low = low;
      this.high = high;
      return this;
    }

    private WeightSpec build() {
      return new WeightSpec(law, mean, std, low, high);
    }
  }

  /** A LIF host's neuron and STDP settings. */
  public static final class LifBuilder {
    private double dt;
    private double tauMembrane;
    private double vRest;
    private double vReset;
    private double threshold;
    private int refractory;
    private double tauSynapse;
    private double tauRate;
    private double stdpRate;
    private double aPlus;
    private double aMinus;
    private double tauPlus;
    private double tauMinus;
    private double tauEligibility;
    private double wMin;
    private double wMax;

    private LifBuilder(LifSpec l) {
      dt = l.dt();
      tauMembrane = l.tauMembrane();
      vRest = l.vRest();
      vReset = l.vReset();
      threshold = l.threshold();
      refractory = l.refractory();
      tauSynapse = l.tauSynapse();
      tauRate = l.tauRate();
      stdpRate = l.stdpRate();
      aPlus = l.aPlus();
      aMinus = l.aMinus();
      tauPlus = l.tauPlus();
      tauMinus = l.tauMinus();
      tauEligibility = l.tauEligibility();
      wMin = l.wMin();
      wMax = l.wMax();
    }

    public LifBuilder dt(double dt) {
      this.dt = dt;
      return this;
    }

    public LifBuilder tauMembrane(double tau) {
      tauMembrane = tau;
      return this;
    }

    /** The resting and the reset potential. */
    public LifBuilder potentials(double rest, double reset) {
      vRest = rest;
      vReset = reset;
      return this;
    }

    public LifBuilder threshold(double threshold) {
      this.threshold = threshold;
      return this;
    }

    /** Ticks a neuron stays silent after a spike. */
    public LifBuilder refractory(int ticks) {
      refractory = ticks;
      return this;
    }

    public LifBuilder tauSynapse(double tau) {
      tauSynapse = tau;
      return this;
    }

    public LifBuilder tauRate(double tau) {
      tauRate = tau;
      return this;
    }

    /** The STDP learning rate (0: no STDP). */
    public LifBuilder stdpRate(double rate) {
      stdpRate = rate;
      return this;
    }

    /** The STDP window: potentiation and depression amplitudes and time constants. */
    public LifBuilder stdpWindow(double aPlus, double aMinus, double tauPlus, double tauMinus) {
      this.aPlus = aPlus;
      this.aMinus = aMinus;
      this.tauPlus = tauPlus;
      this.tauMinus = tauMinus;
      return this;
    }

    public LifBuilder tauEligibility(double tau) {
      tauEligibility = tau;
      return this;
    }

    /** The bounds STDP keeps weights in. */
    public LifBuilder weightBounds(double min, double max) {
      wMin = min;
      wMax = max;
      return this;
    }

    private LifSpec build() {
      return new LifSpec(
          dt,
          tauMembrane,
          vRest,
          vReset,
          threshold,
          refractory,
          tauSynapse,
          tauRate,
          stdpRate,
          aPlus,
          aMinus,
          tauPlus,
          tauMinus,
          tauEligibility,
          wMin,
          wMax);
    }
  }

  // ------------------------------------------------------------------------------------ helpers

  static double[] copy(double[] v) {
    return v == null ? null : v.clone();
  }

  /** Rows of equal length as one row-major array, the spec's form of a matrix. */
  static double[] flatten(double[][] rows) {
    int cols = rows.length == 0 ? 0 : rows[0].length;
    double[] out = new double[rows.length * cols];
    for (int r = 0; r < rows.length; r++) {
      if (rows[r].length != cols) {
        throw new IllegalArgumentException(
            "row " + r + " has " + rows[r].length + " numbers, row 0 has " + cols);
      }
      System.arraycopy(rows[r], 0, out, r * cols, cols);
    }
    return out;
  }
}
