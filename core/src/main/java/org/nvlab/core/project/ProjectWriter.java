package org.nvlab.core.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.nvlab.core.graph.WeightInit;
import org.nvlab.core.host.Activation;
import org.nvlab.core.host.Signal;
import org.nvlab.core.project.ProjectReader.Dims;
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
import org.nvlab.core.release.ParameterRelease;
import org.nvlab.core.vesicle.EmissionRule;
import org.nvlab.core.vocabulary.DockingFeature;
import org.nvlab.core.vocabulary.KernelFeature;
import org.nvlab.core.vocabulary.ReleaseKind;
import org.nvlab.core.vocabulary.Signals;

/**
 * Writes a {@link ProjectSpec} as the project.json tree of the current format, which {@link
 * ProjectReader} reads back to an equal spec ({@link SpecEquality}); {@link #text} gives it as
 * canonical JSON ({@link CanonicalJson}), ready for {@link ProjectFiles#save}.
 *
 * <p>Every field equal to the reader's default ({@link ProjectDefaults}, the records the reader
 * makes of a minimal part) is left out, so a project built in code is as short as one written by
 * hand, and an object left empty is left out too, except where its presence means something ({@code
 * "weights": {}} is the fan-in law, absent weights are none given; a reward signal). {@code
 * formatVersion} is always written: a file without it is format 1. Whole numbers are written as
 * whole numbers ({@code 4}, not {@code 4.0}), the others in Java's shortest round-trip form, and
 * {@code -0.0} as itself, so every double reads back bit for bit.
 *
 * <p>A spec the format cannot hold as it is (two fields that exclude each other, such as a kernel
 * score with theta, a docking logit with docking weights, a shared gain with per-node gains, or a
 * field the part's kind does not have) is refused with {@link Unwritable} rather than written as a
 * file the reader would refuse or read differently. The reader never makes such a spec; {@link
 * ProjectBuilder#check} reports one built in code as a {@link Problem}.
 */
public final class ProjectWriter {
  private ProjectWriter() {}

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();

  // The words of the format that have no engine enum (the reader spells them the same); the
  // builder uses them too.
  static final String RATE = "rate";
  static final String LIF = "lif";
  static final String FEEDFORWARD = "feedforward";
  static final String RECURRENT = "recurrent";
  static final String LAYERED = "layered";
  static final String GRID = "grid";
  static final String ERDOS_RENYI = "erdos-renyi";
  static final String FIXED_OUT_DEGREE = "fixed-out-degree";
  static final String EDGE_LIST = "edge-list";
  private static final String INCOMING = "incoming";
  private static final String OUTGOING = "outgoing";
  private static final String ALL = "all";
  private static final String MEMORY = "memory";

  /** A spec the project format cannot hold as it is: where, and why. */
  public static final class Unwritable extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String pointer;
    private final String reason;

    Unwritable(String pointer, String reason) {
      super("cannot write " + (pointer.isEmpty() ? "/" : pointer) + ": " + reason);
      this.pointer = pointer;
      this.reason = reason;
    }

    /** The JSON pointer of the part that cannot be written. */
    public String pointer() {
      return pointer;
    }

    public String reason() {
      return reason;
    }
  }

  /** The project.json tree of {@code spec}; throws {@link Unwritable} for what no file can say. */
  public static ObjectNode write(ProjectSpec spec) {
    ProjectSpec def = ProjectDefaults.project();
    ObjectNode o = NODES.objectNode();
    o.put("formatVersion", ProjectSpec.FORMAT_VERSION);
    text(o, "", "name", required(spec.name(), "/name"), def.name());
    text(o, "", "description", spec.description(), def.description());
    integer(o, "seed", spec.seed(), def.seed());
    integer(o, "ticks", spec.ticks(), def.ticks());
    o.set("host", host(spec.host(), spec.seed(), def.host().kind()));
    GlobalsSpec g = spec.globals() == null ? def.globals() : spec.globals();
    nonEmpty(o, "globals", globals(g, def.globals()));
    if (!spec.vesicleTypes().isEmpty()) {
      ArrayNode types = o.putArray("vesicleTypes");
      int zDim = g.z().size();
      for (int k = 0; k < spec.vesicleTypes().size(); k++) {
        types.add(type(spec.vesicleTypes().get(k), k, zDim, spec.host().memoryDim()));
      }
    }
    return o;
  }

  /** {@code spec} as canonical project.json text. */
  public static String text(ProjectSpec spec) {
    return CanonicalJson.write(write(spec));
  }

  /**
   * The word the format uses for an engine enum constant: {@code NORMAL_FAN_IN} -> normal-fan-in.
   */
  static String word(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  // ------------------------------------------------------------------------------------- parts

  private static ObjectNode globals(GlobalsSpec g, GlobalsSpec def) {
    ObjectNode o = NODES.objectNode();
    if (g.rewardFromTask()) {
      if (g.reward() != null) {
        throw new Unwritable(
            "/globals/reward", "a reward signal and the reward from the task exclude each other");
      }
      o.put("reward", "task");
    } else if (g.reward() != null) {
      o.set("reward", signal(g.reward(), "/globals/reward"));
    }
    num(o, "/globals", "task", g.task(), def.task());
    if (!g.z().isEmpty()) {
      ArrayNode z = o.putArray("z");
      for (int k = 0; k < g.z().size(); k++) {
        z.add(signal(g.z().get(k), "/globals/z/" + k));
      }
    }
    return o;
  }

  private static ObjectNode signal(SignalSpec s, String at) {
    SignalSpec def = ProjectDefaults.signal(s.shape());
    ObjectNode o = NODES.objectNode();
    String shape = required(s.shape(), at + "/shape");
    text(o, at, "shape", shape, ProjectDefaults.signal(null).shape());
    // A constant's amplitude reads better as its value (the reader takes either).
    String amplitude = shape.equals(word(Signal.Shape.CONSTANT)) ? "value" : "amplitude";
    num(o, at, amplitude, s.amplitude(), def.amplitude());
    num(o, at, "period", s.period(), def.period());
    num(o, at, "phase", s.phase(), def.phase());
    num(o, at, "phaseStep", s.phaseStep(), def.phaseStep());
    num(o, at, "offset", s.offset(), def.offset());
    num(o, at, "rate", s.rate(), def.rate());
    if (s.values() != null) {
      o.set("values", list(s.values(), at + "/values"));
    }
    return o;
  }

  private static ObjectNode host(HostSpec h, long seed, String defaultKind) {
    String at = "/host";
    String kind = required(h.kind(), at + "/kind");
    HostSpec def = ProjectDefaults.host(kind, seed);
    ObjectNode o = NODES.objectNode();
    text(o, at, "kind", kind, defaultKind);
    o.set("graph", graph(h.graph(), seed));
    if (h.weights() != null) {
      o.set("weights", weights(h.weights()));
    }
    if (kind.equals(RATE)) {
      ObjectNode r = NODES.objectNode();
      text(r, at + "/rate", "activation", h.activation(), def.activation());
      text(r, at + "/rate", "mode", h.mode(), def.mode());
      num(r, at + "/rate", "bias", h.bias(), def.bias());
      num(r, at + "/rate", "learningRate", h.learningRate(), def.learningRate());
      nonEmpty(o, "rate", r);
      if (h.lif() != null) {
        throw new Unwritable(at + "/lif", "only a lif host has lif settings (this host is rate)");
      }
    } else {
      unused(
          at,
          h,
          def,
          "a lif host has no rate settings",
          "activation",
          "mode",
          "bias",
          "learningRate");
      if (h.lif() == null) {
        throw new Unwritable(at + "/lif", "a lif host has lif settings (the reader gives it some)");
      }
      nonEmpty(o, "lif", lif(h.lif(), ProjectDefaults.lif()));
    }
    integer(o, "memoryDim", h.memoryDim(), def.memoryDim());
    if (h.memoryInit() != null) {
      if (!same(h.memoryInitStd(), def.memoryInitStd())) {
        throw new Unwritable(
            at + "/memoryInit", "initial rows and a random std exclude each other");
      }
      o.set("memoryInit", rows(h.memoryInit(), Math.max(1, h.memoryDim()), at + "/memoryInit"));
    } else if (!same(h.memoryInitStd(), def.memoryInitStd())) {
      ObjectNode m = o.putObject("memoryInit");
      num(m, at + "/memoryInit", "std", h.memoryInitStd(), ProjectDefaults.memoryInitStd());
    }
    num(o, at, "modulationDecay", h.modulationDecay(), def.modulationDecay());
    num(o, at, "gateDecay", h.gateDecay(), def.gateDecay());
    bindings(o, "inputs", h.inputs());
    bindings(o, "targets", h.targets());
    return o;
  }

  private static void bindings(ObjectNode host, String key, List<Binding> bindings) {
    if (bindings.isEmpty()) {
      return;
    }
    SignalSpec none = ProjectDefaults.signal(null);
    ArrayNode list = host.putArray(key);
    for (int k = 0; k < bindings.size(); k++) {
      String at = "/host/" + key + "/" + k;
      Binding b = bindings.get(k);
      ObjectNode e = list.addObject();
      e.set("nodes", nodeSet(required(b.nodes(), at + "/nodes"), at + "/nodes"));
      if (!SpecEquality.equal(b.signal(), none)) {
        e.set("signal", signal(required(b.signal(), at + "/signal"), at + "/signal"));
      }
    }
  }

  private static ObjectNode weights(WeightSpec w) {
    String at = "/host/weights";
    WeightSpec def = ProjectDefaults.weights();
    ObjectNode o = NODES.objectNode();
    text(o, at, "law", w.law(), def.law());
    // A constant law's mean reads better as its value (the reader takes either).
    String mean = word(WeightInit.Law.CONSTANT).equals(w.law()) ? "value" : "mean";
    num(o, at, mean, w.mean(), def.mean());
    num(o, at, "std", w.std(), def.std());
    num(o, at, "low", w.low(), def.low());
    num(o, at, "high", w.high(), def.high());
    return o;
  }

  private static ObjectNode lif(LifSpec l, LifSpec def) {
    String at = "/host/lif";
    ObjectNode o = NODES.objectNode();
    num(o, at, "dt", l.dt(), def.dt());
    num(o, at, "tauMembrane", l.tauMembrane(), def.tauMembrane());
    num(o, at, "vRest", l.vRest(), def.vRest());
    num(o, at, "vReset", l.vReset(), def.vReset());
    num(o, at, "threshold", l.threshold(), def.threshold());
    integer(o, "refractory", l.refractory(), def.refractory());
    num(o, at, "tauSynapse", l.tauSynapse(), def.tauSynapse());
    num(o, at, "tauRate", l.tauRate(), def.tauRate());
    String st = at + "/stdp";
    ObjectNode s = NODES.objectNode();
    num(s, st, "rate", l.stdpRate(), def.stdpRate());
    num(s, st, "aPlus", l.aPlus(), def.aPlus());
    num(s, st, "aMinus", l.aMinus(), def.aMinus());
    num(s, st, "tauPlus", l.tauPlus(), def.tauPlus());
    num(s, st, "tauMinus", l.tauMinus(), def.tauMinus());
    num(s, st, "tauEligibility", l.tauEligibility(), def.tauEligibility());
    num(s, st, "wMin", l.wMin(), def.wMin());
    num(s, st, "wMax", l.wMax(), def.wMax());
    nonEmpty(o, "stdp", s);
    return o;
  }

  private static ObjectNode graph(GraphSpec g, long seed) {
    String at = "/host/graph";
    String builder = required(required(g, at).builder(), at + "/builder");
    GraphSpec def = ProjectDefaults.graph(builder, seed);
    ObjectNode o = NODES.objectNode();
    o.put("builder", builder);
    Set<String> written = new HashSet<>(Set.of("builder", "seed"));
    switch (builder) {
      case LAYERED -> {
        o.set("layers", ints(required(g.layers(), at + "/layers")));
        num(o, at, "density", g.density(), def.density());
        written.addAll(Set.of("layers", "density"));
      }
      case GRID -> {
        integer(o, "width", g.width(), def.width());
        integer(o, "height", g.height(), def.height());
        bool(o, "torus", g.torus(), def.torus());
        bool(o, "diagonal", g.diagonal(), def.diagonal());
        written.addAll(Set.of("width", "height", "torus", "diagonal"));
      }
      case ERDOS_RENYI -> {
        integer(o, "nodes", g.nodes(), def.nodes());
        num(o, at, "p", g.p(), def.p());
        written.addAll(Set.of("nodes", "p"));
      }
      case FIXED_OUT_DEGREE -> {
        integer(o, "nodes", g.nodes(), def.nodes());
        integer(o, "degree", g.degree(), def.degree());
        written.addAll(Set.of("nodes", "degree"));
      }
      case EDGE_LIST -> {
        o.put("nodes", g.nodes());
        o.set("edges", edges(required(g.edges(), at + "/edges"), at + "/edges"));
        written.addAll(Set.of("nodes", "edges"));
      }
      default -> throw new Unwritable(at + "/builder", "unknown graph builder '" + builder + "'");
    }
    integer(o, "seed", g.seed(), seed);
    unused(at, g, def, "a " + builder + " graph has no such field", written);
    return o;
  }

  /** Edges as [from, to] when the weight is 1 (as the reader reads it), else [from, to, w]. */
  private static ArrayNode edges(double[][] edges, String at) {
    ArrayNode out = NODES.arrayNode();
    for (int k = 0; k < edges.length; k++) {
      double[] e = edges[k];
      if (e == null || e.length != 3) {
        throw new Unwritable(at + "/" + k, "an edge of a spec is {from, to, weight}");
      }
      ArrayNode row = out.addArray();
      row.add(number(e[0], at + "/" + k + "/0"));
      row.add(number(e[1], at + "/" + k + "/1"));
      if (!same(e[2], 1.0)) {
        row.add(number(e[2], at + "/" + k + "/2"));
      }
    }
    return out;
  }

  private static ObjectNode type(TypeSpec t, int index, int zDim, int memoryDim) {
    String at = "/vesicleTypes/" + index;
    String name = required(t.name(), at + "/name");
    int d = t.payloadDim();
    int p = t.stateDim();
    TypeSpec dims = ProjectDefaults.type(name);
    TypeSpec def = ProjectDefaults.type(name, d, p, zDim, memoryDim);
    Dims place = new Dims(d, p, memoryDim, zDim);
    ObjectNode o = NODES.objectNode();
    o.put("name", name);
    integer(o, "payloadDim", d, dims.payloadDim());
    integer(o, "stateDim", p, dims.stateDim());
    nonEmpty(o, "emission", emission(required(t.emission(), at + "/emission"), place, at));
    nonEmpty(o, "lifetime", lifetime(required(t.lifetime(), at + "/lifetime"), at));
    nonEmpty(o, "kernel", kernel(required(t.kernel(), at + "/kernel"), at + "/kernel"));
    nonEmpty(o, "docking", docking(required(t.docking(), at + "/docking"), p, at + "/docking"));
    state(o, t.state(), def.state(), p, at + "/state");
    if (!t.release().isEmpty()) {
      ArrayNode list = o.putArray("release");
      for (int j = 0; j < t.release().size(); j++) {
        list.add(release(t.release().get(j), d, at + "/release/" + j));
      }
    }
    if (t.absorbing() != null) {
      o.set("absorbing", nodeSet(t.absorbing(), at + "/absorbing"));
    }
    integer(o, "cap", t.cap(), def.cap());
    return o;
  }

  private static ObjectNode emission(EmissionSpec e, Dims dims, String type) {
    String at = type + "/emission";
    String mode = required(e.mode(), at + "/mode");
    EmissionSpec def = ProjectDefaults.emission(mode, e.rate() != null, dims);
    ObjectNode o = NODES.objectNode();
    text(o, at, "mode", mode, ProjectDefaults.emission(null, false, dims).mode());
    boolean replace = mode.equals(word(EmissionRule.Mode.REPLACE));
    if (e.rate() != null) {
      if (replace || mode.equals(word(EmissionRule.Mode.NONE))) {
        throw new Unwritable(at + "/rate", "a " + mode + " emission has no rate");
      }
      o.put("rate", e.rate());
    }
    num(o, at, "lambdaMax", e.lambdaMax(), def.lambdaMax());
    double[] w = required(e.weights(), at + "/weights");
    int nx = Signals.length(dims.zDim());
    if (w.length != nx) {
      throw new Unwritable(
          at + "/weights",
          "holds " + w.length + " weights; the signal vector has " + nx + " (6 + the z entries)");
    }
    ObjectNode weights = NODES.objectNode();
    for (int k = 0; k < Signals.Z0; k++) {
      num(weights, at + "/weights", Signals.name(k), w[k], def.weights()[k]);
    }
    for (int k = Signals.Z0; k < nx; k++) {
      if (!same(w[k], def.weights()[k])) {
        double[] z = Arrays.copyOfRange(w, Signals.Z0, nx);
        weights.set("z", list(z, at + "/weights/z"));
        break;
      }
    }
    nonEmpty(o, "weights", weights);
    num(o, at, "bias", e.bias(), def.bias());
    excludes(o, at, "rate", "weights", "bias");
    if (!SpecEquality.equal(e.emitters(), def.emitters())) {
      o.set("emitters", nodeSet(required(e.emitters(), at + "/emitters"), at + "/emitters"));
    }
    if (replace) {
      o.put("target", e.target()); // the reader needs it said
    } else {
      integer(o, "target", e.target(), def.target());
    }
    ObjectNode payload = NODES.objectNode();
    String pa = at + "/payload";
    if (e.payloadMatrix() != null) {
      payload.set("matrix", matrix(e.payloadMatrix(), dims.d(), nx, pa + "/matrix"));
    }
    if (e.payloadFromZ() != null) {
      payload.set("z", matrix(e.payloadFromZ(), dims.d(), dims.zDim(), pa + "/z"));
    }
    if (e.payloadOffset() != null) {
      payload.set("offset", list(e.payloadOffset(), pa + "/offset"));
    }
    if (e.tanh() != def.tanh()) {
      payload.put("phi", word(e.tanh() ? Activation.TANH : Activation.IDENTITY));
    }
    num(payload, pa, "noise", e.noise(), def.noise());
    nonEmpty(o, "payload", payload);
    return o;
  }

  private static ObjectNode lifetime(LifetimeSpec l, String type) {
    String at = type + "/lifetime";
    LifetimeSpec def = ProjectDefaults.lifetime();
    ObjectNode o = NODES.objectNode();
    text(o, at, "law", l.law(), def.law());
    num(o, at, "mean", l.mean(), def.mean());
    num(o, at, "hazard", l.hazard(), def.hazard());
    return o;
  }

  private static ObjectNode kernel(KernelSpec k, String at) {
    KernelSpec def = ProjectDefaults.kernel(false);
    ObjectNode o = NODES.objectNode();
    if (!same(k.temperature(), def.temperature())) {
      o.set(
          "temperature",
          k.temperature() == Double.POSITIVE_INFINITY
              ? TextNode.valueOf("Infinity")
              : number(k.temperature(), at + "/temperature"));
    }
    if (k.score() != null) {
      o.put("score", k.score());
    }
    text(o, at, "neighbourhood", k.neighbourhood(), def.neighbourhood());
    integer(o, "hops", k.hops(), def.hops());
    double[] theta = required(k.theta(), at + "/theta");
    if (theta.length != KernelFeature.ALL.size()) {
      throw new Unwritable(
          at + "/theta", "holds " + theta.length + " weights, one per kernel feature is needed");
    }
    ObjectNode t = NODES.objectNode();
    for (KernelFeature f : KernelFeature.ALL) {
      num(t, at + "/theta", f.id(), theta[f.ordinal()], def.theta()[f.ordinal()]);
    }
    nonEmpty(o, "theta", t);
    excludes(o, at, "score", "theta");
    if (k.edgeBias() != null) {
      if (!same(k.edgeBiasStd(), def.edgeBiasStd())) {
        throw new Unwritable(
            at + "/edgeBias", "a list of edge biases and a random std exclude each other");
      }
      o.set("edgeBias", list(k.edgeBias(), at + "/edgeBias"));
    } else if (!same(k.edgeBiasStd(), def.edgeBiasStd())) {
      num(o.putObject("edgeBias"), at + "/edgeBias", "std", k.edgeBiasStd(), def.edgeBiasStd());
    }
    // Without "content" the content term is off (scale 0); with it, its own defaults apply.
    boolean content =
        !same(k.contentScale(), def.contentScale())
            || !Objects.equals(k.keys(), def.keys())
            || !same(k.keyStd(), def.keyStd());
    if (content) {
      KernelSpec on = ProjectDefaults.kernel(true);
      ObjectNode c = o.putObject("content");
      num(c, at + "/content", "scale", k.contentScale(), on.contentScale());
      text(c, at + "/content", "keys", k.keys(), on.keys());
      num(c, at + "/content", "keyStd", k.keyStd(), on.keyStd());
    }
    return o;
  }

  private static ObjectNode docking(DockingSpec k, int p, String at) {
    DockingSpec def = ProjectDefaults.docking(p);
    ObjectNode o = NODES.objectNode();
    if (k.logit() != null) {
      o.put("logit", k.logit());
    }
    num(o, at, "bias", k.bias(), def.bias());
    double[] eta = required(k.eta(), at + "/weights");
    if (eta.length != DockingFeature.ALL.size()) {
      throw new Unwritable(
          at + "/weights", "holds " + eta.length + " weights, one per docking feature is needed");
    }
    ObjectNode w = NODES.objectNode();
    for (DockingFeature f : DockingFeature.ALL) {
      num(w, at + "/weights", f.id(), eta[f.ordinal()], def.eta()[f.ordinal()]);
    }
    nonEmpty(o, "weights", w);
    num(o, at, "content", k.content(), def.content());
    text(o, at, "receptors", k.receptors(), def.receptors());
    num(o, at, "receptorStd", k.receptorStd(), def.receptorStd());
    if (k.stateWeights() != null) {
      o.set("state", list(k.stateWeights(), at + "/state"));
    }
    excludes(o, at, "logit", "bias", "weights", "content", "receptors", "state");
    integer(o, "dwell", k.dwell(), def.dwell());
    if (k.sites() != null) {
      o.set("sites", nodeSet(k.sites(), at + "/sites"));
    }
    return o;
  }

  /** A type's state: left out when it is what the reader gives a type of this stateDim. */
  private static void state(ObjectNode type, StateSpec s, StateSpec absent, int p, String at) {
    if (s == null) {
      if (absent != null) {
        throw new Unwritable(
            at, "a type with stateDim " + p + " has a state (the reader gives one)");
      }
      return;
    }
    if (SpecEquality.equal(s, absent)) {
      return;
    }
    StateSpec given = ProjectDefaults.state(p);
    ObjectNode o = type.putObject("state");
    num(o, at, "decay", s.decay(), given.decay());
    double[] input = required(s.input(), at + "/input");
    if (!SpecEquality.equal(input, given.input())) {
      o.set("input", matrix(input, p, 3, at + "/input"));
    }
  }

  private static ObjectNode release(ReleaseSpec r, int d, String at) {
    String kind = required(r.kind(), at + "/kind");
    ReleaseKind builtIn = ReleaseKind.byId(kind);
    ReleaseSpec def =
        ProjectDefaults.release(kind, builtIn == ReleaseKind.PARAMETER ? r.mode() : null, d);
    ObjectNode o = NODES.objectNode();
    o.put("kind", kind);
    Set<String> written = new HashSet<>(Set.of("kind", "pointer"));
    Map<String, String> maps = required(r.maps(), at + " (its expression readouts)");
    Set<String> readouts = new HashSet<>();
    if (builtIn == null) {
      if (r.params() != null && !r.params().isEmpty()) {
        o.set("params", JSON.valueToTree(r.params()));
      }
      written.add("params");
      if (def == null) {
        // A plugin kind this class path does not know: its file is written as it is.
        return o;
      }
    } else {
      switch (builtIn) {
        case ACTIVATION -> {
          readout(o, at, "gain", r.gain(), maps, readouts);
          readout(o, at, "bias", r.bias(), maps, readouts);
          readout(o, at, "threshold", r.threshold(), maps, readouts);
          if (r.gainPerNode() != null) {
            o.set("gainPerNode", rows(r.gainPerNode(), d, at + "/gainPerNode"));
          }
          if (r.biasPerNode() != null) {
            o.set("biasPerNode", rows(r.biasPerNode(), d, at + "/biasPerNode"));
          }
          excludes(o, at, "gain", "gainPerNode");
          excludes(o, at, "bias", "biasPerNode");
          nodeScale(o, r, at);
          written.addAll(
              Set.of("gain", "bias", "threshold", "gainPerNode", "biasPerNode", "nodeScale"));
        }
        case PARAMETER -> {
          text(o, at, "mode", r.mode(), ProjectDefaults.release(kind, null, d).mode());
          if (r.incoming() != def.incoming()) {
            o.put("edges", r.incoming() ? INCOMING : OUTGOING);
          }
          nodeScale(o, r, at);
          written.addAll(Set.of("mode", "incoming", "nodeScale"));
          if (word(ParameterRelease.Mode.LOW_RANK).equals(r.mode())) {
            num(o, at, "uStd", r.uStd(), def.uStd());
            num(o, at, "vStd", r.vStd(), def.vStd());
            num(o, at, "scale", r.scale(), def.scale());
            written.addAll(Set.of("uStd", "vStd", "scale"));
          } else {
            num(o, at, "eta", r.eta(), def.eta());
            readout(o, at, "h", r.h(), maps, readouts);
            written.addAll(Set.of("eta", "h"));
          }
        }
        case LEARNING -> {
          readout(o, at, "l", r.l(), maps, readouts);
          nodeScale(o, r, at);
          written.addAll(Set.of("l", "nodeScale"));
        }
        case MEMORY -> {
          num(o, at, "omega", r.omega(), def.omega());
          if (r.q() != null) {
            o.set("q", rows(r.q(), d, at + "/q"));
          }
          written.addAll(Set.of("omega", "q"));
        }
        case CASCADE -> {
          if (r.child() != null) {
            o.put("child", r.child());
          }
          num(o, at, "count", r.count(), def.count());
          bool(o, "poisson", r.poisson(), def.poisson());
          if (r.transform() != null) {
            o.set("transform", rows(r.transform(), d, at + "/transform"));
          }
          if (r.offset() != null) {
            o.set("offset", list(r.offset(), at + "/offset"));
          }
          if (r.tanh() != def.tanh()) {
            o.put("phi", word(r.tanh() ? Activation.TANH : Activation.IDENTITY));
          }
          if (r.fromMemory() != def.fromMemory()) {
            o.put("payload", r.fromMemory() ? MEMORY : "transform");
          }
          excludes(o, at, "payload", "transform", "offset");
          written.addAll(
              Set.of("child", "count", "poisson", "transform", "offset", "tanh", "fromMemory"));
        }
        default -> throw new IllegalStateException(kind);
      }
    }
    for (String key : maps.keySet()) {
      if (!readouts.contains(key)) {
        throw new Unwritable(
            at + "/" + key,
            "a " + kind + " release has no readout '" + key + "' to be an expression");
      }
    }
    written.add("maps");
    unused(at, r, def, "a " + kind + " release does not use it", written);
    return o;
  }

  /** A readout: its expression when it has one, else its list, else nothing. */
  private static void readout(
      ObjectNode o,
      String at,
      String key,
      double[] list,
      Map<String, String> maps,
      Set<String> readouts) {
    readouts.add(key);
    String expression = maps.get(key);
    if (expression != null) {
      if (list != null) {
        throw new Unwritable(at + "/" + key, "a readout is a list or an expression, not both");
      }
      o.put(key, expression);
    } else if (list != null) {
      o.set(key, list(list, at + "/" + key));
    }
  }

  private static void nodeScale(ObjectNode o, ReleaseSpec r, String at) {
    if (r.nodeScale() != null) {
      o.set("nodeScale", list(r.nodeScale(), at + "/nodeScale"));
    }
  }

  private static JsonNode nodeSet(NodeSet s, String at) {
    if (s.isAll()) {
      return TextNode.valueOf(ALL);
    }
    if (s.nodes() != null) {
      if (s.layer() != null || s.range() != null) {
        throw new Unwritable(at, "a node set is a list of nodes, a layer or a range, not both");
      }
      return ints(s.nodes());
    }
    ObjectNode o = NODES.objectNode();
    if (s.layer() != null) {
      o.put("layer", s.layer());
    }
    if (s.range() != null) {
      if (s.range().length != 2) {
        throw new Unwritable(at + "/range", "a range is [first, end)");
      }
      o.set("range", ints(s.range()));
    }
    return o;
  }

  // ----------------------------------------------------------------------------------- values

  /** Throws when a part the format needs is missing from the spec. */
  private static <T> T required(T value, String at) {
    if (value == null) {
      throw new Unwritable(at, "is missing from the spec; the reader always gives one");
    }
    return value;
  }

  /** Refuses a part whose named components differ from the reader's defaults. */
  private static void unused(String at, Record value, Record def, String why, String... fields) {
    Set<String> others = new HashSet<>();
    for (RecordComponent c : value.getClass().getRecordComponents()) {
      others.add(c.getName());
    }
    others.removeAll(Set.of(fields));
    unused(at, value, def, why, others);
  }

  /** Refuses a part whose components outside {@code written} differ from the reader's defaults. */
  private static void unused(String at, Record value, Record def, String why, Set<String> written) {
    String d = SpecEquality.differenceExcept(value, def, written);
    if (d != null) {
      throw new Unwritable(
          at, "has " + d + " (the spec's value vs the reader's default), but " + why);
    }
  }

  /** When {@code first} is written, none of {@code others} may be: the reader refuses them. */
  private static void excludes(ObjectNode o, String at, String first, String... others) {
    if (!o.has(first)) {
      return;
    }
    for (String other : others) {
      if (o.has(other)) {
        throw new Unwritable(at + "/" + other, "give " + first + " or " + other + ", not both");
      }
    }
  }

  /** Sets an object unless it is empty (then the reader's defaults say the same). */
  private static void nonEmpty(ObjectNode o, String key, ObjectNode child) {
    if (!child.isEmpty()) {
      o.set(key, child);
    }
  }

  private static void num(ObjectNode o, String at, String key, double v, double def) {
    if (!same(v, def)) {
      o.set(key, number(v, at + "/" + key));
    }
  }

  private static void integer(ObjectNode o, String key, long v, long def) {
    if (v != def) {
      o.set(key, v == (int) v ? IntNode.valueOf((int) v) : LongNode.valueOf(v));
    }
  }

  private static void bool(ObjectNode o, String key, boolean v, boolean def) {
    if (v != def) {
      o.put(key, v);
    }
  }

  private static void text(ObjectNode o, String at, String key, String v, String def) {
    if (v != null && !v.equals(def)) {
      o.put(key, v);
    } else if (v == null && def != null) {
      throw new Unwritable(at + "/" + key, "is missing from the spec; the reader always gives one");
    }
  }

  /** Whole numbers as whole numbers, others in shortest round-trip form; -0.0 stays -0.0. */
  static JsonNode number(double v, String at) {
    if (!Double.isFinite(v)) {
      throw new Unwritable(at, "a project file holds finite numbers only, got " + v);
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15 && !(v == 0 && 1 / v < 0)) {
      long l = (long) v;
      return l == (int) l ? IntNode.valueOf((int) l) : LongNode.valueOf(l);
    }
    return DoubleNode.valueOf(v);
  }

  private static ArrayNode list(double[] v, String at) {
    ArrayNode a = NODES.arrayNode(v.length);
    for (int i = 0; i < v.length; i++) {
      a.add(number(v[i], at + "/" + i));
    }
    return a;
  }

  private static ArrayNode ints(int[] v) {
    ArrayNode a = NODES.arrayNode(v.length);
    for (int x : v) {
      a.add(x);
    }
    return a;
  }

  /** A flat row-major array as exactly {@code rows} rows of {@code cols}. */
  private static ArrayNode matrix(double[] flat, int rows, int cols, String at) {
    if (flat.length != (long) rows * cols) {
      throw new Unwritable(
          at, "holds " + flat.length + " numbers, not " + rows + " rows of " + cols);
    }
    ArrayNode out = NODES.arrayNode(rows);
    for (int r = 0; r < rows; r++) {
      out.add(list(Arrays.copyOfRange(flat, r * cols, (r + 1) * cols), at + "/" + r));
    }
    return out;
  }

  /** A flat row-major array as rows of {@code cols} (any number of rows). */
  private static ArrayNode rows(double[] flat, int cols, String at) {
    if (cols == 0) {
      if (flat.length != 0) {
        throw new Unwritable(at, "holds numbers, but its rows have none");
      }
      return NODES.arrayNode();
    }
    if (flat.length % cols != 0) {
      throw new Unwritable(at, "holds " + flat.length + " numbers, not rows of " + cols);
    }
    return matrix(flat, flat.length / cols, cols, at);
  }

  private static boolean same(double a, double b) {
    return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
  }
}
