package org.nvlab.core.testing;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.nvlab.core.random.CounterRng;
import org.opentest4j.TestAbortedException;

/**
 * Property tests on plain JUnit 5: a property is a {@link TestFactory} that returns {@code
 * Seeds.cases(count, r -> ...)}, each case drawing its input from its own seed through {@link
 * Draws}. Case i of a property has seed {@code base + i}, where the base is fixed by the property's
 * name ({@code Class#method}), so every run checks the same cases and different properties check
 * different ones. A seed names its input wherever it is drawn: {@code Draws.of(seed)} gives the
 * same draws in any test, on any machine and thread.
 *
 * <p>The cases run as dynamic tests of up to {@value #BLOCK} consecutive seeds each ("seeds 1200 to
 * 1299"): one dynamic test per case would cost JUnit and Surefire about a quarter of a millisecond
 * each, seconds for a property of ten thousand cheap cases. Every case of a block runs; each
 * failing case is reported with its seed and the command that replays it alone. System properties
 * (passed through {@code mvn -D...} to the test JVM):
 *
 * <ul>
 *   <li>{@code -Dnvlab.property.seed=N} runs only the case with seed N (of every property that
 *       runs, so pair it with {@code -Dtest=Class#method});
 *   <li>{@code -Dnvlab.property.cases=K} runs K cases per property instead of the count the test
 *       asks for;
 *   <li>{@code -Dnvlab.property.base=B} (or {@code random}) starts every property at seed B: other
 *       cases than the fixed ones, to explore.
 * </ul>
 *
 * <p>After {@value #MAX_FAILURES} failing cases a property runs no more, so a broken build reports
 * a few seeds rather than thousands. A case that aborts (a failed assumption) is skipped. There is
 * no shrinking: generators should keep inputs small (and say what they drew in their messages).
 * Where a case should often be an edge value (0, an end point, an empty string), the generator
 * draws it explicitly from a list of such values for a share of its draws; nothing adds edge cases
 * behind its back.
 *
 * <p>The lab used jqwik for this until its version 1.10, whose user guide added an "Anti-AI Usage
 * Clause" and whose next version is to require JUnit Platform 6 and Java 21; this is the small part
 * of it the lab needs, on the lab's own randomness.
 */
public final class Seeds {
  /** Runs only the case with this seed. */
  public static final String SEED = "nvlab.property.seed";

  /** Runs this many cases per property. */
  public static final String CASES = "nvlab.property.cases";

  /** The seed of every property's first case, a number or {@code random}. */
  public static final String BASE = "nvlab.property.base";

  /** A property stops running cases after this many have failed. */
  public static final int MAX_FAILURES = 10;

  /** The most cases one dynamic test runs. */
  public static final int BLOCK = 100;

  private Seeds() {}

  /** One case of a property: checks the input it draws, throwing (an assertion) if it fails. */
  @FunctionalInterface
  public interface Case {
    void check(Draws r) throws Throwable;
  }

  /**
   * The cases of the calling {@link TestFactory} method: {@code count} of them (unless the system
   * properties above say otherwise), in blocks of consecutive seeds that JUnit runs in order.
   */
  public static Stream<DynamicTest> cases(int count, Case check) {
    return cases(caller(), count, check, System::getProperty);
  }

  /** The same, for the property named {@code property}, with the settings {@code settings}. */
  static Stream<DynamicTest> cases(
      String property, int count, Case check, UnaryOperator<String> settings) {
    String replay = settings.apply(SEED);
    long first;
    int total;
    if (replay != null) {
      first = parse(SEED, replay);
      total = 1;
    } else {
      String cases = settings.apply(CASES);
      long k = cases == null ? count : parse(CASES, cases);
      if (k < 0 || k > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(CASES + " must be in [0, 2^31), got " + k);
      }
      total = (int) k;
      String b = settings.apply(BASE);
      first =
          b == null
              ? base(property)
              : b.equals("random")
                  ? ThreadLocalRandom.current().nextLong(1L << 40)
                  : parse(BASE, b);
    }
    AtomicInteger failures = new AtomicInteger();
    int blocks = (int) ((total + (long) BLOCK - 1) / BLOCK);
    return IntStream.range(0, blocks)
        .takeWhile(b -> failures.get() < MAX_FAILURES)
        .mapToObj(
            b -> {
              int from = b * BLOCK;
              int to = (int) Math.min(total, (long) from + BLOCK);
              String name =
                  to - from == 1
                      ? "seed " + (first + from)
                      : "seeds " + (first + from) + " to " + (first + to - 1);
              return DynamicTest.dynamicTest(
                  name, () -> block(property, check, first, from, to, total, failures));
            });
  }

  /** Runs cases [from, to) of a property: each one, unless the property already failed enough. */
  private static void block(
      String property,
      Case check,
      long first,
      int from,
      int to,
      int total,
      AtomicInteger failures) {
    List<AssertionError> failed = new ArrayList<>();
    List<Long> failedSeeds = new ArrayList<>();
    int aborted = 0;
    for (int i = from; i < to && failures.get() < MAX_FAILURES; i++) {
      long seed = first + i;
      try {
        check.check(Draws.of(seed));
      } catch (TestAbortedException e) {
        aborted++;
      } catch (Throwable e) {
        failures.incrementAndGet();
        String what = e instanceof AssertionError ? e.getMessage() : e.toString();
        failed.add(new AssertionError(failure(property, seed, i, total) + "\n" + what, e));
        failedSeeds.add(seed);
      }
    }
    if (failed.size() == 1) {
      throw failed.get(0);
    }
    if (!failed.isEmpty()) {
      // The first failure in full; each one (the first too) as a suppressed error of its own.
      AssertionError all =
          new AssertionError(
              failed.size()
                  + " cases of this block fail, seeds "
                  + failedSeeds
                  + ", each reported below. The first:\n"
                  + failed.get(0).getMessage(),
              failed.get(0).getCause());
      failed.forEach(all::addSuppressed);
      throw all;
    }
    if (aborted == to - from && aborted > 0) {
      throw new TestAbortedException("every case of this block was skipped");
    }
  }

  /** The seed of case 0 of a property unless told otherwise: a 40-bit function of its name. */
  static long base(String property) {
    return CounterRng.mix64(property.hashCode()) >>> 24;
  }

  /** The first lines of a failing case's message: its seed and how to run it alone. */
  static String failure(String property, long seed, int index, int total) {
    String test = "-Dtest=" + property;
    return property
        + " fails for seed "
        + seed
        + " (case "
        + (index + 1)
        + " of "
        + total
        + "). Replay this case alone with\n  mvn -B"
        + module()
        + " test "
        + test
        + " -D"
        + SEED
        + "="
        + seed
        + " -Dsurefire.failIfNoSpecifiedTests=false\nor draw its input with Draws.of("
        + seed
        + "L).";
  }

  /** " -pl MODULE" when the tests run in a module of a multi-module build, else nothing. */
  private static String module() {
    String dir = System.getProperty("basedir", System.getProperty("user.dir", ""));
    Path here = Path.of(dir).toAbsolutePath();
    Path parent = here.getParent();
    if (parent != null
        && Files.exists(here.resolve("pom.xml"))
        && Files.exists(parent.resolve("pom.xml"))) {
      return " -pl " + here.getFileName();
    }
    return "";
  }

  private static long parse(String name, String value) {
    try {
      return Long.parseLong(value.trim().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
    }
  }

  /**
   * The property that asked for cases, as {@code Class#method}: the nearest calling method marked
   * {@link TestFactory}, or else the nearest caller outside this class.
   */
  private static String caller() {
    StackWalker walker = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    return walker.walk(
        frames -> {
          String nearest = null;
          for (StackWalker.StackFrame f : (Iterable<StackWalker.StackFrame>) frames::iterator) {
            Class<?> c = f.getDeclaringClass();
            if (c == Seeds.class) {
              continue;
            }
            String name = c.getSimpleName() + "#" + f.getMethodName();
            if (nearest == null) {
              nearest = name;
            }
            if (isFactory(c, f.getMethodName())) {
              return name;
            }
          }
          return nearest == null ? "property" : nearest;
        });
  }

  private static boolean isFactory(Class<?> c, String method) {
    return Arrays.stream(c.getDeclaredMethods())
        .filter(m -> m.getName().equals(method))
        .anyMatch((Method m) -> m.isAnnotationPresent(TestFactory.class));
  }
}
