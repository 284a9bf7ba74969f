package org.nvlab.core.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.nvlab.core.Model;
import org.nvlab.core.project.RandomProjects.Damage;
import org.nvlab.core.testing.Seeds;

/**
 * Properties of the project format over random valid projects ({@link RandomProjects}): saving,
 * loading and saving again gives the same bytes and the same experiment; and damaged files, at
 * least ten thousand per run, are each either read or refused with located problems, quickly, never
 * with another exception. Each case is drawn from its own seed ({@link Seeds}: a failure names its
 * seed and how to replay it).
 */
class ProjectFormatPropertiesTest {

  private static final long MAX_NANOS = 1_000_000_000L;

  private static final int DAMAGED_FILES = 10_000;

  @TestFactory
  Stream<DynamicTest> aGeneratedProjectIsValid() {
    return Seeds.cases(
        400,
        r -> {
          String text = CanonicalJson.write(RandomProjects.project(r));
          try {
            Model.compile(ProjectFiles.load(text, "project.json").spec(), "project.json");
          } catch (ProjectException e) {
            fail("the generator made an invalid project: " + e.getMessage() + "\n" + text);
          }
        });
  }

  @TestFactory
  Stream<DynamicTest> saveLoadSaveGivesTheSameBytesAndTheSameExperiment() {
    return Seeds.cases(300, r -> savesLoadsAndSavesTheSame(RandomProjects.project(r)));
  }

  private static void savesLoadsAndSavesTheSame(ObjectNode project) throws Exception {
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

  /**
   * Ten thousand damaged files ({@link RandomProjects#damaged}), then, once all of them have run, a
   * check that most were refused.
   */
  @TestFactory
  Stream<DynamicTest> aDamagedProjectIsReadOrRefusedWithLocatedProblems() {
    AtomicInteger damaged = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    Stream<DynamicTest> files =
        Seeds.cases(
            DAMAGED_FILES,
            r -> {
              damaged.incrementAndGet();
              if (isRefused(RandomProjects.damaged(r))) {
                refused.incrementAndGet();
              }
            });
    DynamicTest most =
        DynamicTest.dynamicTest(
            "and most of them are refused",
            () -> {
              assumeTrue(
                  damaged.get() >= DAMAGED_FILES,
                  "only " + damaged.get() + " damaged files ran: too few to count refusals");
              // Damage that leaves a valid project is possible (a digit changed) but must be rare,
              // else the property would test little.
              assertTrue(
                  refused.get() > damaged.get() * 0.6,
                  refused + " of " + damaged + " damaged files refused");
            });
    return Stream.concat(files, Stream.of(most));
  }

  /**
   * Reads and compiles a damaged file, asserting that it is read or refused with located problems
   * in under a second; whether it was refused.
   */
  private static boolean isRefused(Damage d) {
    boolean refused = false;
    long t0 = System.nanoTime();
    try {
      ProjectSpec spec = ProjectFiles.load(d.text(), "project.json").spec();
      Model.compile(spec, "project.json");
    } catch (ProjectException e) {
      refused = true;
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
    return refused;
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
