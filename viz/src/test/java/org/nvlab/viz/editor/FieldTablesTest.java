package org.nvlab.viz.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nvlab.core.edit.ProjectDocument;
import org.nvlab.core.project.ProjectFiles;
import org.nvlab.core.project.ProjectSpec;
import org.nvlab.core.project.ProjectSpec.NodeSet;

/**
 * Every field of every editor, for every sample project, every vesicle type and every release
 * operator: the value its row reads from the spec is the value the file holds at its pointer (or,
 * when the file leaves the field out, the schema's default), the text the field shows writes that
 * value back unchanged, its pointer names a field the project's JSON Schema knows (a choice offers
 * the schema's words), and its help is the item's description.
 */
class FieldTablesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The sample projects, and {@link #EVERY_FIELD} on each graph builder. */
  private static final Map<String, ProjectDocument> SAMPLES = new TreeMap<>();

  private static JsonNode schema;

  /**
   * A project that gives, unlike the samples, every field the editors show a value of its own (the
   * graph is each builder's in turn): a rule type, and one that writes its rules as expressions.
   */
  private static final String EVERY_FIELD =
      """
      {"formatVersion": 2, "name": "every-field", "seed": 3,
       "host": {"kind": "rate", "graph": %s,
                "weights": {"law": "constant", "value": 0.3},
                "rate": {"activation": "relu", "mode": "recurrent", "bias": 0.2,
                         "learningRate": 0.01},
                "memoryDim": 1, "modulationDecay": 0.5, "gateDecay": 0.8},
       "vesicleTypes": [
        {"name": "rules", "payloadDim": 1, "stateDim": 2, "cap": 50, "absorbing": [3, 4],
         "emission": {"mode": "replace", "target": 5, "lambdaMax": 0.5, "bias": 0.1,
                      "weights": {"activation": 1, "abs_error": 2, "spike": 3, "gate": 4,
                                  "reward": 5, "task": 6},
                      "emitters": {"range": [0, 3]},
                      "payload": {"matrix": [[1, 2, 3, 4, 5, 6]], "offset": [0.5],
                                  "phi": "tanh", "noise": 0.1}},
         "lifetime": {"law": "exponential", "mean": 9, "hazard": 0.01},
         "kernel": {"temperature": "Infinity", "neighbourhood": "both", "hops": 2,
                    "theta": {"bias": 1, "weight": 2, "activation": 3, "abs_error": 4,
                              "direction": 5, "gate": 6},
                    "edgeBias": {"std": 0.3}, "content": {"scale": 0.7, "keys": "memory"}},
         "docking": {"bias": -1, "weights": {"activation": 1, "abs_error": 2, "gate": 3},
                     "content": 0.5, "receptors": "ones", "dwell": 2, "sites": "all"},
         "state": {"decay": 0.7},
         "release": [
           {"kind": "activation", "gain": "0.5 * c[0]", "threshold": [0.1]},
           {"kind": "parameter", "edges": "outgoing", "eta": 0.2, "h": [1]},
           {"kind": "learning", "l": "c[0] / n"},
           {"kind": "memory", "omega": 0.3, "q": [[2]]},
           {"kind": "cascade", "child": "expressions", "count": 1.5, "poisson": true,
            "payload": "memory", "phi": "tanh"}]},
        {"name": "expressions", "payloadDim": 1,
         "emission": {"mode": "poisson", "rate": "clamp(a_i, 0, 1)"},
         "lifetime": {"law": "fixed", "value": 4},
         "kernel": {"score": "a_j - stay"},
         "docking": {"logit": "a_i - 1"}}]}
      """;

  private static final List<String> GRAPHS =
      List.of(
          "{\"builder\": \"layered\", \"layers\": [4, 4], \"density\": 0.5}",
          "{\"builder\": \"grid\", \"width\": 3, \"height\": 2, \"torus\": true,"
              + " \"diagonal\": true}",
          "{\"builder\": \"erdos-renyi\", \"nodes\": 8, \"p\": 0.3}",
          "{\"builder\": \"fixed-out-degree\", \"nodes\": 8, \"degree\": 2}",
          "{\"builder\": \"edge-list\", \"nodes\": 6, \"edges\": [[0, 1], [1, 5]]}");

  @BeforeAll
  static void load() throws Exception {
    try (Stream<Path> dirs = Files.list(samples())) {
      for (Path d : dirs.filter(d -> d.toString().endsWith(".nvlab")).sorted().toList()) {
        SAMPLES.put(d.getFileName().toString(), ProjectDocument.of(ProjectFiles.load(d)));
      }
    }
    assertTrue(SAMPLES.size() >= 5, "samples found: " + SAMPLES.keySet());
    for (String graph : GRAPHS) {
      String name = "every-field on " + JSON.readTree(graph).get("builder").asText();
      SAMPLES.put(name, ProjectDocument.parse(EVERY_FIELD.formatted(graph), name));
    }
    try (InputStream in = ProjectSpec.class.getResourceAsStream("project.schema.json")) {
      schema = JSON.readTree(in);
    }
  }

  private static Path samples() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("sample-projects"))) {
        return d.resolve("sample-projects");
      }
    }
    throw new AssertionError("no sample-projects folder above " + Path.of("").toAbsolutePath());
  }

  /** Every editor's tables for every type and release operator of {@code spec}. */
  private static List<FieldTable<?>> tables(ProjectSpec spec) {
    List<FieldTable<?>> out = new ArrayList<>();
    out.add(HostFields.of());
    for (int k = 0; k < spec.vesicleTypes().size(); k++) {
      int type = k;
      out.addAll(TypeFields.of(() -> type));
      out.add(KernelFields.sheet(() -> type));
      out.add(KernelFields.score(() -> type));
      for (int r = 0; r < spec.vesicleTypes().get(k).release().size(); r++) {
        int op = r;
        out.add(ReleaseFields.of(() -> type, () -> op));
      }
    }
    return out;
  }

  @Test
  void everyFieldShownReadsTheValueTheProjectHolds() {
    Set<String> checked = new TreeSet<>();
    for (var e : SAMPLES.entrySet()) {
      for (FieldTable<?> t : tables(e.getValue().spec())) {
        checkValues(e.getKey(), e.getValue(), t, checked);
      }
    }
    // Every row was compared with a value a file gives, but a plugin's kind: none is installed.
    Set<String> never = new TreeSet<>();
    for (FieldTable<?> t : tables(SAMPLES.get("hello-vesicles.nvlab").spec())) {
      never.addAll(rowNames(t));
    }
    never.removeAll(checked);
    assertEquals(2, never.size(), never.toString());
    never.forEach(n -> assertTrue(n.contains("plugin"), n + " was never compared with a file"));
  }

  /** Each row's name in the test's messages: its control id and its help. */
  private static <S> String rowName(FieldTable<S> t, FieldSpec<S> f) {
    return t.key(f) + " (" + f.help() + ")";
  }

  private static <S> List<String> rowNames(FieldTable<S> t) {
    return t.rows().stream().map(f -> rowName(t, f)).toList();
  }

  private static <S> void checkValues(
      String sample, ProjectDocument doc, FieldTable<S> t, Set<String> checked) {
    ProjectSpec spec = doc.spec();
    List<FieldItem> items = t.items(spec);
    List<FieldSpec<S>> rows = t.shown(spec);
    assertEquals(rows.size(), items.size());
    for (int k = 0; k < rows.size(); k++) {
      FieldSpec<S> f = rows.get(k);
      FieldItem item = items.get(k);
      String where = sample + " " + t.pointer(f, doc);
      Object value = t.value(f, spec);
      JsonNode raw = doc.get(t.pointer(f, doc));
      if (raw.isMissingNode()) {
        JsonNode fallback = schemaDefault(t.pointer(f, doc), doc);
        if (fallback != null) {
          assertEquals(
              file(fallback), spec(value), where + ": the default shown is not the schema's");
        }
        continue;
      }
      assertEquals(file(raw), spec(value), where + ": the row reads another value than the file's");
      try {
        JsonNode back = item.parse(item.read(doc));
        assertEquals(file(raw), file(back), where + ": the text shown writes another value");
      } catch (FieldText.BadText bad) {
        throw new AssertionError(
            where + ": the text shown does not read back: " + bad.getMessage());
      }
      checked.add(rowName(t, f));
    }
  }

  /**
   * The schema's default for a field the file leaves out, or null when it has none or another one
   * applies: without a content object a kernel has no content term (scale 0, not the 1 a content
   * object defaults to), and a rate expression's lambdaMax caps nothing unless given.
   */
  private static JsonNode schemaDefault(String pointer, ProjectDocument doc) {
    JsonNode field = at(pointer);
    String parent = pointer.substring(0, pointer.lastIndexOf('/'));
    if (field == null
        || (pointer.endsWith("/kernel/content/scale") && doc.get(parent).isMissingNode())
        || (pointer.endsWith("/emission/lambdaMax") && doc.get(parent).has("rate"))) {
      return null;
    }
    return field.has("default") ? field.get("default") : resolve(field).get("default");
  }

  /** A file's value in a form a spec's value can equal: numbers as doubles, lists flattened. */
  private static Object file(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isNumber()) {
      return v.doubleValue();
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isTextual()) {
      return v.textValue().equalsIgnoreCase("infinity") ? Double.POSITIVE_INFINITY : v.textValue();
    }
    if (v.isArray()) {
      List<Double> flat = new ArrayList<>();
      flatten(v, flat);
      return flat;
    }
    if (v.has("layer") || v.has("range")) {
      return FieldText.format(v);
    }
    return JSON.convertValue(v, Map.class);
  }

  private static void flatten(JsonNode v, List<Double> into) {
    for (JsonNode e : v) {
      if (e.isArray()) {
        flatten(e, into);
      } else {
        into.add(e.doubleValue());
      }
    }
  }

  /** A spec's value in the same form. */
  private static Object spec(Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof double[] a) {
      List<Double> flat = new ArrayList<>();
      for (double x : a) {
        flat.add(x);
      }
      return flat;
    }
    if (v instanceof int[] a) {
      List<Double> flat = new ArrayList<>();
      for (int x : a) {
        flat.add((double) x);
      }
      return flat;
    }
    if (v instanceof NodeSet n && n.nodes() != null) {
      return spec(n.nodes());
    }
    if (v instanceof NodeSet n) {
      return Fields.text(n);
    }
    return v;
  }

  @Test
  void everyFieldIsOneTheSchemaKnowsAndAChoiceOffersTheSchemasWords() {
    ProjectSpec spec = SAMPLES.get("hello-vesicles.nvlab").spec();
    ProjectDocument doc = SAMPLES.get("hello-vesicles.nvlab");
    Set<String> seen = new HashSet<>();
    for (FieldTable<?> t : tables(spec)) {
      checkSchema(t, doc, seen);
    }
    assertTrue(seen.size() >= 60, "only " + seen.size() + " fields: " + seen);
  }

  private static <S> void checkSchema(FieldTable<S> t, ProjectDocument doc, Set<String> seen) {
    for (FieldSpec<S> f : t.rows()) {
      String pointer = t.base() + "/" + f.pointer();
      JsonNode field = at(pointer);
      assertNotNull(field, pointer + " is no field of project.schema.json");
      if (f.alias() != null) {
        String other = pointer.substring(0, pointer.lastIndexOf('/') + 1) + f.alias();
        assertNotNull(at(other), other + " is no field of project.schema.json");
      }
      JsonNode words = resolve(field).get("enum");
      if (f.kind() == FieldItem.Kind.CHOICE && words != null) {
        Set<String> expected = new TreeSet<>();
        words.forEach(w -> expected.add(w.asText()));
        assertEquals(
            expected, new TreeSet<>(f.choices().apply(doc.spec())), pointer + ": the choices");
      }
      seen.add(t.key(f));
    }
  }

  /** The schema of the field at {@code pointer}, or null when the schema knows no such field. */
  private static JsonNode at(String pointer) {
    JsonNode s = schema;
    for (String name : pointer.substring(1).split("/")) {
      s = name.matches("\\d+") ? items(s) : property(s, name);
      if (s == null) {
        return null;
      }
    }
    return s;
  }

  private static JsonNode resolve(JsonNode s) {
    while (s != null && s.has("$ref")) {
      s = schema.at(s.get("$ref").asText().substring(1));
    }
    return s;
  }

  private static JsonNode items(JsonNode s) {
    JsonNode r = resolve(s);
    return r == null ? null : r.get("items");
  }

  /** A property's schema here or in any branch (allOf, oneOf, if-then-else) that allows it. */
  private static JsonNode property(JsonNode s, String name) {
    JsonNode r = resolve(s);
    if (r == null || !r.isObject()) {
      return null;
    }
    JsonNode p = r.path("properties").get(name);
    if (p != null && !p.equals(JSON.getNodeFactory().booleanNode(false))) {
      if (p.isObject()) {
        return p;
      }
    }
    for (String branch : List.of("allOf", "oneOf", "anyOf")) {
      for (JsonNode b : r.path(branch)) {
        JsonNode found = property(b, name);
        if (found != null) {
          return found;
        }
      }
    }
    for (String branch : List.of("then", "else")) {
      JsonNode found = r.has(branch) ? property(r.get(branch), name) : null;
      if (found != null) {
        return found;
      }
    }
    return p != null && p.isBoolean() && p.booleanValue() ? p : null;
  }

  @Test
  void everyFieldsHelpIsItsDescriptionAndNeverEmpty() {
    for (var e : SAMPLES.entrySet()) {
      ProjectSpec spec = e.getValue().spec();
      for (FieldTable<?> t : tables(spec)) {
        checkHelp(e.getKey(), t, spec);
      }
    }
  }

  private static <S> void checkHelp(String sample, FieldTable<S> t, ProjectSpec spec) {
    List<FieldSpec<S>> rows = t.shown(spec);
    List<FieldItem> items = t.items(spec);
    for (int k = 0; k < rows.size(); k++) {
      String help = rows.get(k).help();
      assertFalse(help.isBlank(), sample + " " + t.key(rows.get(k)));
      assertEquals(help, items.get(k).getDescription(), sample + " " + t.key(rows.get(k)));
      assertEquals(t.key(rows.get(k)), items.get(k).key(), "the control's id follows the row");
    }
  }
}
