package org.nvlab.core.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * Properties of the project format over random valid projects ({@link RandomProjects}): saving,
 * loading and saving again gives the same bytes and the same experiment; and damaged files, at
 * least ten thousand per run, are each either read or refused with located problems, quickly, never
 * with another exception.
 */
class ProjectFormatPropertiesTest {

  private static final long MAX_NANOS = 1_000_000_000L;

  @Provide
  Arbitrary<ObjectNode> projects() {
    return RandomProjects.projects();
  }

  @Property(tries = 400)
  void aGeneratedProjectIsValid(@ForAll("projects") ObjectNode project) throws Exception {
    String text = CanonicalJson.write(project);
    try {
      ProjectCompiler.compile(ProjectFiles.load(text, "project.json").spec(), "project.json");
    } catch (ProjectException e) {
      fail("the generator made an invalid project: " + e.getMessage() + "\n" + text);
    }
  }

  @Property(tries = 300)
  void saveLoadSaveGivesTheSameBytesAndTheSameExperiment(@ForAll("projects") ObjectNode project)
      throws Exception {
    Path dir = Files.createTempDirectory("roundtrip");
    try {
      Path folder = dir.resolve("p.nvlab");
      ProjectSpec original = ProjectReader.read(project.deepCopy(), "project.json");
      assertTrue(ProjectFiles.save(folder, project, null));
      byte[] first = Files.readAllBytes(folder.resolve(ProjectFiles.PROJECT));

      ProjectFiles.Loaded loaded = ProjectFiles.load(folder);
      assertFalse(loaded.migrated());
      assertSameSpec(original, loaded.spec(), "spec");
      // Saving what was loaded changes nothing on disk (and keeps no needless backup) ...
      assertFalse(ProjectFiles.save(folder, loaded.tree(), null));
      assertArrayEquals(first, Files.readAllBytes(folder.resolve(ProjectFiles.PROJECT)));
      assertFalse(Files.exists(folder.resolve(ProjectFiles.BACKUP)));
      // ... and writing it anew gives the very same bytes.
      assertArrayEquals(first, CanonicalJson.write(loaded.tree()).getBytes(StandardCharsets.UTF_8));
    } finally {
      deleteTree(dir);
    }
  }

  // ------------------------------------------------------------------------- damaged files

  private static int damaged;
  private static int refused;

  /** One damaged file: a valid project's text with one kind of damage at one place. */
  record Damage(String text, String what) {}

  @Provide
  Arbitrary<Damage> damagedProjects() {
    return Arbitraries.randomValue(
        r -> {
          String text = CanonicalJson.write(RandomProjects.project(r));
          return damage(text, r);
        });
  }

  @Property(tries = 10_000)
  void aDamagedProjectIsReadOrRefusedWithLocatedProblems(@ForAll("damagedProjects") Damage d) {
    damaged++;
    long t0 = System.nanoTime();
    try {
      ProjectSpec spec = ProjectFiles.load(d.text(), "project.json").spec();
      ProjectCompiler.compile(spec, "project.json");
    } catch (ProjectException e) {
      refused++;
      assertFalse(e.problems().isEmpty(), d.what() + ": refused without a problem");
      for (Problem p : e.problems()) {
        assertEquals("project.json", p.file(), d.what() + ": " + p);
        assertTrue(
            p.pointer().isEmpty() || p.pointer().startsWith("/"), d.what() + ": pointer " + p);
        assertFalse(p.message().isBlank(), d.what() + ": no message");
        assertFalse(p.message().contains("Exception"), d.what() + ": a Java message: " + p);
      }
    }
    long dt = System.nanoTime() - t0;
    assertTrue(dt < MAX_NANOS, d.what() + " took " + dt / 1_000_000 + " ms");
  }

  @AfterProperty
  void mostDamageIsRefused() {
    if (damaged >= 10_000) {
      // Damage that leaves a valid project is possible (a digit changed) but must be rare,
      // else the property would test little.
      assertTrue(refused > damaged * 0.6, refused + " of " + damaged + " damaged files refused");
      damaged = 0;
      refused = 0;
    }
  }

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
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

  static Damage damage(String text, Random r) {
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
        String v =
            r.nextBoolean()
                ? HOSTILE[r.nextInt(HOSTILE.length)]
                : "\"" + RandomProjects.text(r, 3) + "\"";
        return replaceOne(text, STRING, r, v, "text");
      }
      case 5 -> {
        // A key given twice.
        Matcher m = Pattern.compile("\"([A-Za-z_]+)\": ").matcher(text);
        List<int[]> keys = new java.util.ArrayList<>();
        while (m.find()) {
          keys.add(new int[] {m.start(), m.end()});
        }
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

  private static Damage replaceOne(String text, Pattern p, Random r, String with, String what) {
    Matcher m = p.matcher(text);
    List<int[]> spans = new java.util.ArrayList<>();
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
    }
    int[] s = spans.get(r.nextInt(spans.size()));
    String shown = with.length() > 30 ? with.substring(0, 30) + "..." : with;
    return new Damage(
        text.substring(0, s[0]) + with + text.substring(s[1]),
        what + " at " + s[0] + " -> " + shown);
  }

  // ---------------------------------------------------------------------------------- helpers

  /** Deep equality of specs: records by component, arrays by content, doubles bit for bit. */
  static void assertSameSpec(Object a, Object b, String path) {
    if (a == null || b == null) {
      assertEquals(a, b, path);
      return;
    }
    assertEquals(a.getClass(), b.getClass(), path);
    if (a.getClass().isRecord()) {
      for (RecordComponent c : a.getClass().getRecordComponents()) {
        try {
          assertSameSpec(
              c.getAccessor().invoke(a), c.getAccessor().invoke(b), path + "." + c.getName());
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
      }
    } else if (a instanceof List<?> la) {
      List<?> lb = (List<?>) b;
      assertEquals(la.size(), lb.size(), path + " size");
      for (int i = 0; i < la.size(); i++) {
        assertSameSpec(la.get(i), lb.get(i), path + "[" + i + "]");
      }
    } else if (a instanceof Map<?, ?> ma) {
      assertEquals(ma, b, path);
    } else if (a.getClass().isArray()) {
      assertTrue(Arrays.deepEquals(new Object[] {a}, new Object[] {b}), path);
    } else {
      assertTrue(Objects.equals(a, b), path + ": " + a + " != " + b);
    }
  }

  static void deleteTree(Path root) throws IOException {
    try (var s = Files.walk(root)) {
      for (Path p : s.sorted((x, y) -> y.getNameCount() - x.getNameCount()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
