package org.nvlab.core.project;

import static org.nvlab.core.project.ProjectBuilder.copy;
import static org.nvlab.core.project.ProjectBuilder.flatten;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.nvlab.core.host.Activation;
import org.nvlab.core.project.ProjectReader.Dims;
import org.nvlab.core.project.ProjectSpec.DockingSpec;
import org.nvlab.core.project.ProjectSpec.EmissionSpec;
import org.nvlab.core.project.ProjectSpec.KernelSpec;
import org.nvlab.core.project.ProjectSpec.LifetimeSpec;
import org.nvlab.core.project.ProjectSpec.NodeSet;
import org.nvlab.core.project.ProjectSpec.ReleaseSpec;
import org.nvlab.core.project.ProjectSpec.StateSpec;
import org.nvlab.core.project.ProjectSpec.TypeSpec;
import org.nvlab.core.release.ParameterRelease;
import org.nvlab.core.vesicle.EmissionRule;
import org.nvlab.core.vesicle.KernelRule;
import org.nvlab.core.vesicle.LifetimeLaw;
import org.nvlab.core.vocabulary.DockingFeature;
import org.nvlab.core.vocabulary.KernelFeature;
import org.nvlab.core.vocabulary.ReleaseKind;
import org.nvlab.core.vocabulary.Signals;

/**
 * One vesicle type of a {@link ProjectBuilder}: its dimensions, emission, lifetime, kernel,
 * docking, state, release operators, absorbing nodes and cap. Each part starts as the reader's
 * default ({@link ProjectDefaults}) or, for a type of an existing spec, as it was.
 */
public final class TypeBuilder {
  /** Where a kernel's content keys come from. */
  public enum Keys {
    RANDOM,
    MEMORY
  }

  /** Where a docking rule's receptors come from. */
  public enum Receptors {
    RANDOM,
    MEMORY,
    ONES
  }

  private final String name;
  private int payloadDim;
  private int stateDim;
  private final EmissionBuilder emission;
  private LifetimeSpec lifetime;
  private final KernelBuilder kernel;
  private final DockingBuilder docking;
  private StateSpec state;
  private boolean stateGiven;
  private final List<ReleaseBuilder> release = new ArrayList<>();
  private NodeSet absorbing;
  private int cap;

  TypeBuilder(String name) {
    this.name = name;
    TypeSpec d = ProjectDefaults.type(name);
    payloadDim = d.payloadDim();
    stateDim = d.stateDim();
    emission = new EmissionBuilder(d.emission());
    lifetime = d.lifetime();
    kernel = new KernelBuilder(d.kernel());
    docking = new DockingBuilder(d.docking());
    absorbing = d.absorbing();
    cap = d.cap();
  }

  TypeBuilder(TypeSpec t) {
    name = t.name();
    payloadDim = t.payloadDim();
    stateDim = t.stateDim();
    emission = new EmissionBuilder(t.emission());
    emission.lambdaMax = t.emission().lambdaMax();
    lifetime = t.lifetime();
    kernel = new KernelBuilder(t.kernel());
    kernel.contentScale = t.kernel().contentScale();
    docking = new DockingBuilder(t.docking());
    state = t.state();
    stateGiven = true;
    for (ReleaseSpec r : t.release()) {
      release.add(new ReleaseBuilder(r));
    }
    absorbing = t.absorbing();
    cap = t.cap();
  }

  String name() {
    return name;
  }

  /** d, the floats of payload a vesicle carries. */
  public TypeBuilder payloadDim(int d) {
    payloadDim = d;
    return this;
  }

  /** p, the floats of internal state (its state rule starts as the reader's for p). */
  public TypeBuilder stateDim(int p) {
    stateDim = p;
    return this;
  }

  public TypeBuilder emission(Consumer<EmissionBuilder> edit) {
    edit.accept(emission);
    return this;
  }

  /** The lifetime law and its mean (for a fixed law, every vesicle's lifetime). */
  public TypeBuilder lifetime(LifetimeLaw.Kind law, double mean) {
    lifetime = new LifetimeSpec(ProjectWriter.word(law), mean, lifetime.hazard());
    return this;
  }

  /** A per-tick death probability on top of the lifetime. */
  public TypeBuilder hazard(double hazard) {
    lifetime = new LifetimeSpec(lifetime.law(), lifetime.mean(), hazard);
    return this;
  }

  public TypeBuilder kernel(Consumer<KernelBuilder> edit) {
    edit.accept(kernel);
    return this;
  }

  public TypeBuilder docking(Consumer<DockingBuilder> edit) {
    edit.accept(docking);
    return this;
  }

  /**
   * The state rule s <- decay s + input (a, |e|, g): {@code input} has stateDim rows of 3 (empty:
   * zeros).
   */
  public TypeBuilder state(double decay, double[][] input) {
    state = new StateSpec(decay, input.length == 0 ? new double[stateDim * 3] : flatten(input));
    stateGiven = true;
    return this;
  }

  /** Adds a release operator of a built-in kind, applied after those added before. */
  public TypeBuilder release(ReleaseKind kind, Consumer<ReleaseBuilder> edit) {
    ReleaseBuilder r = new ReleaseBuilder(kind.id());
    edit.accept(r);
    release.add(r);
    return this;
  }

  /** Adds a release operator of a kind a plugin adds, with the parameters the plugin reads. */
  public TypeBuilder pluginRelease(String kind, Map<String, Object> params) {
    if (ReleaseKind.byId(kind) != null) {
      throw new IllegalArgumentException(
          kind + " is built in: add it with release(ReleaseKind...)");
    }
    ReleaseBuilder r = new ReleaseBuilder(kind);
    r.params = new LinkedHashMap<>(params);
    release.add(r);
    return this;
  }

  /** Changes release operator {@code index} (in the order they apply). */
  public TypeBuilder withRelease(int index, Consumer<ReleaseBuilder> edit) {
    if (index < 0 || index >= release.size()) {
      throw new IllegalArgumentException(
          name + " has " + release.size() + " release operators, no number " + index);
    }
    edit.accept(release.get(index));
    return this;
  }

  /** Changes the {@code nth} (from 0) release operator of this kind. */
  public TypeBuilder withRelease(ReleaseKind kind, int nth, Consumer<ReleaseBuilder> edit) {
    int seen = 0;
    for (ReleaseBuilder r : release) {
      if (r.kind.equals(kind.id()) && seen++ == nth) {
        edit.accept(r);
        return this;
      }
    }
    throw new IllegalArgumentException(
        name + " has " + seen + " " + kind.id() + " releases, no number " + nth);
  }

  /** Nodes where a vesicle of this type is removed on arrival. */
  public TypeBuilder absorbing(NodeSet nodes) {
    absorbing = nodes;
    return this;
  }

  /** The most live vesicles of this type. */
  public TypeBuilder cap(int cap) {
    this.cap = cap;
    return this;
  }

  TypeSpec build(int index, int zDim, int memoryDim) {
    Dims dims = new Dims(payloadDim, stateDim, memoryDim, zDim);
    StateSpec s =
        stateGiven
            ? state
            : ProjectDefaults.type(name, payloadDim, stateDim, zDim, memoryDim).state();
    List<ReleaseSpec> ops = new ArrayList<>();
    for (int j = 0; j < release.size(); j++) {
      ops.add(release.get(j).build(payloadDim, "/vesicleTypes/" + index + "/release/" + j));
    }
    return new TypeSpec(
        name,
        payloadDim,
        stateDim,
        emission.build(dims),
        lifetime,
        kernel.build(),
        docking.build(),
        s == null ? null : new StateSpec(s.decay(), copy(s.input())),
        List.copyOf(ops),
        absorbing,
        cap);
  }

  // ----------------------------------------------------------------------------------- emission

  /**
   * Emission: births per tick lambda_i = lambdaMax sigmoid(w . x_i + bias) at the emitters, or a
   * rate expression (which replaces the weights and the bias), and the payload map.
   */
  public static final class EmissionBuilder {
    private String mode;
    private Double lambdaMax; // null: the reader's default for the mode and rate
    private double[] weights;
    private double bias;
    private NodeSet emitters;
    private int target;
    private double[] payloadMatrix;
    private double[] payloadFromZ;
    private double[] payloadOffset;
    private boolean tanh;
    private double noise;
    private String rate;

    private EmissionBuilder(EmissionSpec e) {
      mode = e.mode();
      weights = e.weights().clone();
      bias = e.bias();
      emitters = e.emitters();
      target = e.target();
      payloadMatrix = copy(e.payloadMatrix());
      payloadFromZ = copy(e.payloadFromZ());
      payloadOffset = copy(e.payloadOffset());
      tanh = e.tanh();
      noise = e.noise();
      rate = e.rate();
    }

    public EmissionBuilder mode(EmissionRule.Mode mode) {
      this.mode = ProjectWriter.word(mode);
      return this;
    }

    /** The most births per tick per emitter (with a rate expression: its cap). */
    public EmissionBuilder lambdaMax(double lambdaMax) {
      this.lambdaMax = lambdaMax;
      return this;
    }

    /** A rate expression for lambda_i; it drops the weights and the bias. */
    public EmissionBuilder rate(String expression) {
      rate = expression;
      EmissionSpec d = ProjectDefaults.emission(null, false, new Dims(1, 0, 0, 0));
      weights = d.weights();
      bias = d.bias();
      return this;
    }

    /**
     * The weight of signal {@code k} of x_i: a {@link Signals} index ({@code Signals.ACTIVATION},
     * ..., {@code Signals.Z0 + j} for z_j). Drops a rate expression.
     */
    public EmissionBuilder weight(int k, double w) {
      if (k >= weights.length) {
        weights = Arrays.copyOf(weights, k + 1);
      }
      weights[k] = w;
      rate = null;
      return this;
    }

    /** All weights of x_i, in the {@link Signals} order (6 + zDim). Drops a rate expression. */
    public EmissionBuilder weights(double... w) {
      weights = w.clone();
      rate = null;
      return this;
    }

    /** Drops a rate expression. */
    public EmissionBuilder bias(double bias) {
      this.bias = bias;
      rate = null;
      return this;
    }

    public EmissionBuilder emitters(NodeSet emitters) {
      this.emitters = emitters;
      return this;
    }

    /** The population a replace emission keeps alive. */
    public EmissionBuilder target(int target) {
      this.target = target;
      return this;
    }

    /** The payload map W of c = phi(W x + W_z z + u): d rows of 6 + zDim. */
    public EmissionBuilder payloadMatrix(double[][] rows) {
      payloadMatrix = flatten(rows);
      return this;
    }

    /** W as one row-major array (d x (6 + zDim)); drops W_z, which it covers. */
    public EmissionBuilder payloadMatrix(double[] flat) {
      payloadMatrix = flat.clone();
      payloadFromZ = null;
      return this;
    }

    /** W_z: d rows of zDim. */
    public EmissionBuilder payloadZ(double[][] rows) {
      payloadFromZ = flatten(rows);
      return this;
    }

    /** u, the payload's offset (d numbers). */
    public EmissionBuilder payloadOffset(double... offset) {
      payloadOffset = offset.clone();
      return this;
    }

    /** phi: {@code IDENTITY} or {@code TANH}. */
    public EmissionBuilder phi(Activation phi) {
      tanh = isTanh(phi, "a payload map");
      return this;
    }

    /** The std of Gaussian noise added to each payload. */
    public EmissionBuilder payloadNoise(double std) {
      noise = std;
      return this;
    }

    private EmissionSpec build(Dims dims) {
      int nx = Signals.length(dims.zDim());
      for (int k = nx; k < weights.length; k++) {
        if (weights[k] != 0) {
          throw new IllegalStateException(
              "emission weight "
                  + Signals.name(k)
                  + " is set, but globals.z has "
                  + dims.zDim()
                  + " entries");
        }
      }
      double max =
          lambdaMax != null
              ? lambdaMax
              : ProjectDefaults.emission(mode, rate != null, dims).lambdaMax();
      return new EmissionSpec(
          mode,
          max,
          Arrays.copyOf(weights, nx),
          bias,
          emitters,
          target,
          copy(payloadMatrix),
          copy(payloadFromZ),
          copy(payloadOffset),
          tanh,
          noise,
          rate);
    }
  }

  // ------------------------------------------------------------------------------------- kernel

  /** The migration kernel: softmax over the moves of theta . phi (or a score) at a temperature. */
  public static final class KernelBuilder {
    private double temperature;
    private String neighbourhood;
    private int hops;
    private double[] theta;
    private double edgeBiasStd;
    private double[] edgeBias;
    private Double contentScale; // null: the reader's default, which depends on content settings
    private String keys;
    private double keyStd;
    private String score;
    private boolean content;

    private KernelBuilder(KernelSpec k) {
      temperature = k.temperature();
      neighbourhood = k.neighbourhood();
      hops = k.hops();
      theta = k.theta().clone();
      edgeBiasStd = k.edgeBiasStd();
      edgeBias = copy(k.edgeBias());
      keys = k.keys();
      keyStd = k.keyStd();
      score = k.score();
    }

    /** T (Infinity: the uniform walk). */
    public KernelBuilder temperature(double temperature) {
      this.temperature = temperature;
      return this;
    }

    public KernelBuilder neighbourhood(KernelRule.Neighbourhood neighbourhood) {
      this.neighbourhood = ProjectWriter.word(neighbourhood);
      return this;
    }

    public KernelBuilder hops(int hops) {
      this.hops = hops;
      return this;
    }

    /** The weight of one feature of phi(i, j); drops a score expression. */
    public KernelBuilder theta(KernelFeature feature, double weight) {
      theta[feature.ordinal()] = weight;
      score = null;
      return this;
    }

    /** All of theta, in {@link KernelFeature} order; drops a score expression. */
    public KernelBuilder theta(double... theta) {
      if (theta.length != KernelFeature.ALL.size()) {
        throw new IllegalArgumentException(
            "theta has one weight per kernel feature (" + KernelFeature.ALL.size() + ")");
      }
      this.theta = theta.clone();
      score = null;
      return this;
    }

    /** An expression for z(i, j) instead of theta . phi; drops theta. */
    public KernelBuilder score(String expression) {
      score = expression;
      theta = ProjectDefaults.kernel(false).theta();
      return this;
    }

    /** One bias per move (the engine's move order); drops a random edge-bias std. */
    public KernelBuilder edgeBias(double... bias) {
      edgeBias = bias.clone();
      edgeBiasStd = ProjectDefaults.kernel(false).edgeBiasStd();
      return this;
    }

    /** Random per-move biases N(0, std^2); drops a list of edge biases. */
    public KernelBuilder edgeBiasStd(double std) {
      edgeBiasStd = std;
      edgeBias = null;
      return this;
    }

    /** The content term's scale (its keys random unless {@link #keys} says memory). */
    public KernelBuilder content(double scale) {
      contentScale = scale;
      content = true;
      return this;
    }

    public KernelBuilder keys(Keys keys) {
      this.keys = ProjectWriter.word(keys);
      content = true;
      return this;
    }

    public KernelBuilder keyStd(double std) {
      keyStd = std;
      content = true;
      return this;
    }

    private KernelSpec build() {
      double scale =
          contentScale != null ? contentScale : ProjectDefaults.kernel(content).contentScale();
      return new KernelSpec(
          temperature,
          neighbourhood,
          hops,
          theta.clone(),
          edgeBiasStd,
          copy(edgeBias),
          scale,
          keys,
          keyStd,
          score);
    }
  }

  // ------------------------------------------------------------------------------------ docking

  /**
   * Docking: p = sigmoid(bias + eta . psi_i + content + state), or a logit expression (which
   * replaces bias, weights, content, receptors and state), at the docking sites.
   */
  public static final class DockingBuilder {
    private double bias;
    private double[] eta;
    private double content;
    private String receptors;
    private double receptorStd;
    private double[] stateWeights;
    private int dwell;
    private NodeSet sites;
    private String logit;

    private DockingBuilder(DockingSpec d) {
      bias = d.bias();
      eta = d.eta().clone();
      content = d.content();
      receptors = d.receptors();
      receptorStd = d.receptorStd();
      stateWeights = copy(d.stateWeights());
      dwell = d.dwell();
      sites = d.sites();
      logit = d.logit();
    }

    /** Drops a logit expression. */
    public DockingBuilder bias(double bias) {
      this.bias = bias;
      logit = null;
      return this;
    }

    /** The weight of one node feature psi_i; drops a logit expression. */
    public DockingBuilder weight(DockingFeature feature, double weight) {
      eta[feature.ordinal()] = weight;
      logit = null;
      return this;
    }

    /** All of eta, in {@link DockingFeature} order; drops a logit expression. */
    public DockingBuilder weights(double... eta) {
      if (eta.length != DockingFeature.ALL.size()) {
        throw new IllegalArgumentException(
            "eta has one weight per docking feature (" + DockingFeature.ALL.size() + ")");
      }
      this.eta = eta.clone();
      logit = null;
      return this;
    }

    /** zeta, the weight of the payload's match with the node's receptor; drops a logit. */
    public DockingBuilder content(double zeta) {
      content = zeta;
      logit = null;
      return this;
    }

    /** Drops a logit expression. */
    public DockingBuilder receptors(Receptors receptors) {
      this.receptors = ProjectWriter.word(receptors);
      logit = null;
      return this;
    }

    public DockingBuilder receptorStd(double std) {
      receptorStd = std;
      return this;
    }

    /** xi, the weights of the vesicle's state (p numbers); drops a logit expression. */
    public DockingBuilder state(double... xi) {
      stateWeights = xi.clone();
      logit = null;
      return this;
    }

    /** An expression for the docking logit; drops bias, weights, content, receptors and state. */
    public DockingBuilder logit(String expression) {
      DockingSpec d = ProjectDefaults.docking(0);
      logit = expression;
      bias = d.bias();
      eta = d.eta();
      content = d.content();
      receptors = d.receptors();
      stateWeights = d.stateWeights();
      return this;
    }

    /** Ticks a docked vesicle stays and releases. */
    public DockingBuilder dwell(int ticks) {
      dwell = ticks;
      return this;
    }

    /** The only nodes where docking is possible. */
    public DockingBuilder sites(NodeSet sites) {
      this.sites = sites;
      return this;
    }

    private DockingSpec build() {
      return new DockingSpec(
          bias,
          eta.clone(),
          content,
          receptors,
          receptorStd,
          copy(stateWeights),
          dwell,
          sites,
          logit);
    }
  }

  // ------------------------------------------------------------------------------------ release

  /**
   * One release operator. Its kind is fixed when it is added; a setter that belongs to another kind
   * is refused. A readout (gain, bias, threshold, h, l) is d numbers or an expression, and setting
   * one form drops the other; a shared gain or bias drops the per-node one and back.
   */
  public static final class ReleaseBuilder {
    private final String kind;
    private double[] gain;
    private double[] bias;
    private double[] threshold;
    private double[] gainPerNode;
    private double[] biasPerNode;
    private double[] nodeScale;
    private String mode;
    private boolean incoming;
    private Double eta; // null: the reader's default for the mode
    private double[] h;
    private double uStd;
    private double vStd;
    private double scale;
    private double[] l;
    private double omega;
    private double[] q;
    private String child;
    private double count;
    private boolean poisson;
    private double[] transform;
    private double[] offset;
    private boolean tanh;
    private boolean fromMemory;
    private Map<String, Object> params;
    private final Map<String, String> maps = new LinkedHashMap<>();

    private ReleaseBuilder(String kind) {
      ReleaseSpec d = ProjectDefaults.release(kind, null, 1);
      if (d == null) {
        throw new IllegalArgumentException(
            "release kind '"
                + kind
                + "' is neither built in ("
                + String.join(", ", ReleaseKind.ids())
                + ") nor added by a plugin on the class path");
      }
      this.kind = kind;
      init(d);
      eta = null;
    }

    private ReleaseBuilder(ReleaseSpec r) {
      kind = r.kind();
      init(r);
    }

    private void init(ReleaseSpec r) {
      gain = copy(r.gain());
      bias = copy(r.bias());
      threshold = copy(r.threshold());
      gainPerNode = copy(r.gainPerNode());
      biasPerNode = copy(r.biasPerNode());
      nodeScale = copy(r.nodeScale());
      mode = r.mode();
      incoming = r.incoming();
      eta = r.eta();
      h = copy(r.h());
      uStd = r.uStd();
      vStd = r.vStd();
      scale = r.scale();
      l = copy(r.l());
      omega = r.omega();
      q = copy(r.q());
      child = r.child();
      count = r.count();
      poisson = r.poisson();
      transform = copy(r.transform());
      offset = copy(r.offset());
      tanh = r.tanh();
      fromMemory = r.fromMemory();
      params = r.params() == null ? null : new LinkedHashMap<>(r.params());
      maps.putAll(r.maps());
    }

    private void of(ReleaseKind expected, String field) {
      if (!kind.equals(expected.id())) {
        throw new IllegalStateException(
            field + " is a field of " + expected.id() + " releases; this one is " + kind);
      }
    }

    private double[] readout(String key, double[] v) {
      maps.remove(key);
      return v.clone();
    }

    // activation

    /** The shared gain readout (d numbers); drops a per-node gain and a gain expression. */
    public ReleaseBuilder gain(double... gain) {
      of(ReleaseKind.ACTIVATION, "gain");
      this.gain = readout("gain", gain);
      gainPerNode = null;
      return this;
    }

    /** The gain as an expression; drops the gain lists. */
    public ReleaseBuilder gain(String expression) {
      of(ReleaseKind.ACTIVATION, "gain");
      maps.put("gain", expression);
      gain = null;
      gainPerNode = null;
      return this;
    }

    /** A gain readout per node (one row of d per node); drops the shared gain. */
    public ReleaseBuilder gainPerNode(double[][] rows) {
      return gainPerNode(flatten(rows));
    }

    /** A gain readout per node as one row-major array (nodes x d); drops the shared gain. */
    public ReleaseBuilder gainPerNode(double[] flat) {
      of(ReleaseKind.ACTIVATION, "gainPerNode");
      gainPerNode = flat.clone();
      gain = null;
      maps.remove("gain");
      return this;
    }

    /** The shared bias readout (d numbers); drops a per-node bias and a bias expression. */
    public ReleaseBuilder bias(double... bias) {
      of(ReleaseKind.ACTIVATION, "bias");
      this.bias = readout("bias", bias);
      biasPerNode = null;
      return this;
    }

    public ReleaseBuilder bias(String expression) {
      of(ReleaseKind.ACTIVATION, "bias");
      maps.put("bias", expression);
      bias = null;
      biasPerNode = null;
      return this;
    }

    public ReleaseBuilder biasPerNode(double[][] rows) {
      return biasPerNode(flatten(rows));
    }

    public ReleaseBuilder biasPerNode(double[] flat) {
      of(ReleaseKind.ACTIVATION, "biasPerNode");
      biasPerNode = flat.clone();
      bias = null;
      maps.remove("bias");
      return this;
    }

    /** The threshold readout of a LIF host (d numbers). */
    public ReleaseBuilder threshold(double... threshold) {
      of(ReleaseKind.ACTIVATION, "threshold");
      this.threshold = readout("threshold", threshold);
      return this;
    }

    public ReleaseBuilder threshold(String expression) {
      of(ReleaseKind.ACTIVATION, "threshold");
      maps.put("threshold", expression);
      threshold = null;
      return this;
    }

    /** One factor per node multiplying the effect (activation, parameter, learning). */
    public ReleaseBuilder nodeScale(double... scale) {
      ReleaseKind k = ReleaseKind.byId(kind);
      if (k != ReleaseKind.ACTIVATION && k != ReleaseKind.PARAMETER && k != ReleaseKind.LEARNING) {
        throw new IllegalStateException("a " + kind + " release has no nodeScale");
      }
      nodeScale = scale.clone();
      return this;
    }

    // parameter

    public ReleaseBuilder mode(ParameterRelease.Mode mode) {
      of(ReleaseKind.PARAMETER, "mode");
      this.mode = ProjectWriter.word(mode);
      return this;
    }

    /** Change the incoming edges of the releasing node (true, the default) or its outgoing. */
    public ReleaseBuilder incoming(boolean incoming) {
      of(ReleaseKind.PARAMETER, "edges");
      this.incoming = incoming;
      return this;
    }

    /** A multiplicative release's rate. */
    public ReleaseBuilder eta(double eta) {
      of(ReleaseKind.PARAMETER, "eta");
      this.eta = eta;
      return this;
    }

    /** A multiplicative release's readout h (d numbers). */
    public ReleaseBuilder h(double... h) {
      of(ReleaseKind.PARAMETER, "h");
      this.h = readout("h", h);
      return this;
    }

    public ReleaseBuilder h(String expression) {
      of(ReleaseKind.PARAMETER, "h");
      maps.put("h", expression);
      h = null;
      return this;
    }

    /** A low-rank release's random readouts U, V and the update's scale. */
    public ReleaseBuilder lowRank(double uStd, double vStd, double scale) {
      of(ReleaseKind.PARAMETER, "a low-rank update");
      this.uStd = uStd;
      this.vStd = vStd;
      this.scale = scale;
      return this;
    }

    // learning

    /** The readout l of the learning-rate modulation (d numbers). */
    public ReleaseBuilder l(double... l) {
      of(ReleaseKind.LEARNING, "l");
      this.l = readout("l", l);
      return this;
    }

    public ReleaseBuilder l(String expression) {
      of(ReleaseKind.LEARNING, "l");
      maps.put("l", expression);
      l = null;
      return this;
    }

    // memory

    /** M <- (1 - omega) M + omega Q c. */
    public ReleaseBuilder omega(double omega) {
      of(ReleaseKind.MEMORY, "omega");
      this.omega = omega;
      return this;
    }

    /** Q: memoryDim rows of d. */
    public ReleaseBuilder q(double[][] rows) {
      of(ReleaseKind.MEMORY, "q");
      q = flatten(rows);
      return this;
    }

    // cascade

    /** The name of the type a cascade emits. */
    public ReleaseBuilder child(String child) {
      of(ReleaseKind.CASCADE, "child");
      this.child = child;
      return this;
    }

    /** Children per release (their expected number when {@code poisson}). */
    public ReleaseBuilder count(double count, boolean poisson) {
      of(ReleaseKind.CASCADE, "count");
      this.count = count;
      this.poisson = poisson;
      return this;
    }

    /** The child payload phi(T c + offset): d_child rows of d. */
    public ReleaseBuilder transform(double[][] rows) {
      of(ReleaseKind.CASCADE, "transform");
      transform = flatten(rows);
      fromMemory = false;
      return this;
    }

    public ReleaseBuilder offset(double... offset) {
      of(ReleaseKind.CASCADE, "offset");
      this.offset = offset.clone();
      fromMemory = false;
      return this;
    }

    /** A cascade's phi: {@code IDENTITY} or {@code TANH}. */
    public ReleaseBuilder phi(Activation phi) {
      of(ReleaseKind.CASCADE, "phi");
      tanh = isTanh(phi, "a cascade");
      return this;
    }

    /** The child carries the node's memory trace (no transform or offset then). */
    public ReleaseBuilder payloadFromMemory() {
      of(ReleaseKind.CASCADE, "payload");
      fromMemory = true;
      transform = null;
      offset = null;
      return this;
    }

    private ReleaseSpec build(int d, String pointer) {
      double e =
          eta != null
              ? eta
              : ProjectDefaults.release(
                      kind, kind.equals(ReleaseKind.PARAMETER.id()) ? mode : null, d)
                  .eta();
      return new ReleaseSpec(
          kind,
          pointer,
          copy(gain),
          copy(bias),
          copy(threshold),
          copy(gainPerNode),
          copy(biasPerNode),
          copy(nodeScale),
          mode,
          incoming,
          e,
          copy(h),
          uStd,
          vStd,
          scale,
          copy(l),
          omega,
          copy(q),
          child,
          count,
          poisson,
          copy(transform),
          copy(offset),
          tanh,
          fromMemory,
          params == null ? null : new LinkedHashMap<>(params),
          Map.copyOf(maps));
    }
  }

  private static boolean isTanh(Activation phi, String what) {
    if (phi != Activation.IDENTITY && phi != Activation.TANH) {
      throw new IllegalArgumentException(what + " takes phi identity or tanh, not " + phi);
    }
    return phi == Activation.TANH;
  }
}
