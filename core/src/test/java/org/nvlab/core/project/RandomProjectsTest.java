package org.nvlab.core.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nvlab.core.testing.Draws;

/**
 * The generator of random projects is a function of the seed alone, so a seed that a property
 * prints names one project for everybody. (That every project it makes is valid is a property of
 * its own, {@code ProjectFormatPropertiesTest.aGeneratedProjectIsValid}.)
 */
class RandomProjectsTest {

  @Test
  void aSeedGivesTheSameProjectAndTheSameDamageOnAnyThread() throws Exception {
    List<String> here = new ArrayList<>();
    for (long seed = 0; seed < 40; seed++) {
      here.add(CanonicalJson.write(RandomProjects.project(seed)) + damaged(seed));
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<String>> there = new ArrayList<>();
      for (long seed = 39; seed >= 0; seed--) {
        long s = seed;
        there.add(
            0, pool.submit(() -> CanonicalJson.write(RandomProjects.project(s)) + damaged(s)));
      }
      for (int i = 0; i < here.size(); i++) {
        assertEquals(here.get(i), there.get(i).get(), "seed " + i);
      }
    } finally {
      pool.shutdown();
    }
  }

  private static String damaged(long seed) {
    RandomProjects.Damage d = RandomProjects.damaged(Draws.of(seed));
    return d.what() + "\n" + d.text();
  }

  @Test
  void differentSeedsGiveDifferentProjects() {
    assertNotEquals(
        CanonicalJson.write(RandomProjects.project(1)),
        CanonicalJson.write(RandomProjects.project(2)));
  }

  @Test
  void aFewHundredSeedsReachEveryFormTheGeneratorKnows() {
    Set<String> seen = new HashSet<>();
    for (long seed = 0; seed < 400; seed++) {
      collect(RandomProjects.project(seed), "", seen);
    }
    for (String builder :
        List.of("layered", "grid", "erdos-renyi", "fixed-out-degree", "edge-list")) {
      assertTrue(seen.contains("builder=" + builder), builder);
    }
    for (String field :
        List.of(
            // host kinds, emission modes and release kinds
            "kind=rate",
            "kind=lif",
            "mode=none",
            "mode=poisson",
            "mode=bernoulli",
            "mode=replace",
            "kind=activation",
            "kind=parameter",
            "kind=learning",
            "kind=cascade",
            "kind=memory",
            // signal shapes
            "shape=constant",
            "shape=sine",
            "shape=square",
            "shape=noise",
            "shape=poisson",
            "shape=cycle",
            // node sets as lists, layers, ranges and "all"
            "nodes[]",
            "nodes.layer",
            "emitters.range",
            "sites=all",
            // expressions in every place
            "rate=expression",
            "score=expression",
            "logit=expression",
            "gain=expression",
            "h=expression",
            "l=expression",
            // the numbers that break careless writers, and text in any script
            "number=-0.0",
            "number=1.0E-300",
            "number=whole",
            "number=whole-as-double",
            "text=control",
            "text=emoji")) {
      assertTrue(seen.contains(field), field + " never drawn");
    }
  }

  @Test
  void aFewThousandSeedsDamageFilesInEveryWay() {
    Set<String> seen = new HashSet<>();
    Pattern kind =
        Pattern.compile(
            "cut|without|'.*' at|number|text|twice|swapped|line|control", Pattern.DOTALL);
    for (long seed = 0; seed < 2000; seed++) {
      Matcher m = kind.matcher(RandomProjects.damaged(Draws.of(seed)).what());
      assertTrue(m.lookingAt());
      seen.add(m.group().startsWith("'") ? "inserted" : m.group());
    }
    assertEquals(
        Set.of(
            "cut", "without", "inserted", "number", "text", "twice", "swapped", "line", "control"),
        seen);
  }

  /** What a tree holds: key=value for words, the forms of numbers and texts, node-set forms. */
  private static void collect(JsonNode n, String key, Set<String> seen) {
    if (n.isObject()) {
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        if (e.getValue().isObject() || e.getValue().isArray()) {
          e.getValue().fieldNames().forEachRemaining(f -> seen.add(e.getKey() + "." + f));
        }
        collect(e.getValue(), e.getKey(), seen);
      }
    } else if (n.isArray()) {
      if (n.size() > 0 && n.get(0).isInt()) {
        seen.add(key + "[]");
      }
      n.forEach(e -> collect(e, key, seen));
    } else if (n.isTextual()) {
      String t = n.textValue();
      seen.add(key + "=" + (t.contains("(") || t.contains(" * ") ? "expression" : t));
      if (t.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
        seen.add("text=control");
      }
      if (t.codePoints().anyMatch(c -> c >= 0x1F300)) {
        seen.add("text=emoji");
      }
    } else if (n.isIntegralNumber()) {
      seen.add("number=whole");
    } else if (n.isNumber()) {
      double x = n.doubleValue();
      if (Double.doubleToRawLongBits(x) == Double.doubleToRawLongBits(-0.0)) {
        seen.add("number=-0.0");
      } else if (x == 1e-300) {
        seen.add("number=1.0E-300");
      } else if (x == Math.rint(x)) {
        seen.add("number=whole-as-double");
      }
    }
  }

  @Test
  void theProjectsOfTheFirstSeedsArePinned() throws Exception {
    // A digest of the trees (not of their text, which follows the JDK's Double.toString), so the
    // same on every machine and JDK. It changes when the generator does: then every seed names
    // another project, and the new digest goes here.
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (long seed = 0; seed < 20; seed++) {
      sha.update(bytes(RandomProjects.project(seed)));
    }
    assertEquals(PINNED, HexFormat.of().formatHex(sha.digest()));
  }

  private static final String PINNED =
      "623aeb247ff5bf321e18b61f05aacaa77f8baaf5b628dd73e7c481346b507c93";

  /** The tree's content: keys, texts, whole numbers and the bits of other numbers, in order. */
  private static byte[] bytes(JsonNode tree) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(b);
    write(tree, out);
    out.flush();
    return b.toByteArray();
  }

  private static void write(JsonNode n, DataOutputStream out) throws IOException {
    if (n.isObject()) {
      out.writeByte('O');
      out.writeInt(n.size());
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        text(e.getKey(), out);
        write(e.getValue(), out);
      }
    } else if (n.isArray()) {
      out.writeByte('A');
      out.writeInt(n.size());
      for (JsonNode e : n) {
        write(e, out);
      }
    } else if (n.isIntegralNumber()) {
      out.writeByte('I');
      text(n.bigIntegerValue().toString(), out);
    } else if (n.isNumber()) {
      out.writeByte('D');
      out.writeLong(Double.doubleToRawLongBits(n.doubleValue()));
    } else if (n.isTextual()) {
      out.writeByte('T');
      text(n.textValue(), out);
    } else if (n.isBoolean()) {
      out.writeByte(n.booleanValue() ? 'Y' : 'N');
    } else {
      out.writeByte('0');
    }
  }

  private static void text(String s, DataOutputStream out) throws IOException {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }
}
