package org.nvlab.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;

/** The property harness: which cases run, what a failure says, and that a seed names its draws. */
class SeedsTest {
  private static final String PROPERTY = "SomeTest#someProperty";

  /** Runs a property's dynamic tests as JUnit would, in order; their names. */
  private static List<String> run(Stream<DynamicTest> tests) {
    List<String> names = new ArrayList<>();
    tests.forEachOrdered(
        t -> {
          names.add(t.getDisplayName());
          try {
            t.getExecutable().execute();
          } catch (Throwable e) {
            // A failing block; what it says is checked elsewhere.
          }
        });
    return names;
  }

  private static Stream<DynamicTest> cases(int count, Seeds.Case check, Map<String, String> set) {
    return Seeds.cases(PROPERTY, count, check, set::get);
  }

  /** What the only dynamic test of a property throws. */
  private static Throwable thrownBy(Stream<DynamicTest> tests) {
    DynamicTest only = tests.reduce((a, b) -> fail("more than one test")).orElseThrow();
    return assertThrows(Throwable.class, () -> only.getExecutable().execute());
  }

  @Test
  void aPropertyRunsAsManyCasesAsItAsksForOnConsecutiveSeeds() {
    List<Long> seeds = new ArrayList<>();
    List<String> names = run(cases(5, r -> seeds.add(r.seed()), Map.of()));
    long base = Seeds.base(PROPERTY);
    assertEquals(List.of(base, base + 1, base + 2, base + 3, base + 4), seeds);
    assertEquals(List.of("seeds " + base + " to " + (base + 4)), names);
  }

  @Test
  void casesRunInBlocksOfAHundredSeeds() {
    List<Long> seeds = new ArrayList<>();
    List<String> names = run(cases(250, r -> seeds.add(r.seed()), Map.of(Seeds.BASE, "0")));
    assertEquals(List.of("seeds 0 to 99", "seeds 100 to 199", "seeds 200 to 249"), names);
    assertEquals(250, seeds.size());
    assertEquals(249L, seeds.get(249));
  }

  @Test
  void differentPropertiesCheckDifferentCases() {
    assertNotEquals(Seeds.base("SomeTest#one"), Seeds.base("SomeTest#other"));
    assertTrue(Seeds.base(PROPERTY) >= 0 && Seeds.base(PROPERTY) < 1L << 40);
  }

  @Test
  void theCasesSettingChangesHowManyRun() {
    List<Long> seeds = new ArrayList<>();
    run(cases(300, r -> seeds.add(r.seed()), Map.of(Seeds.CASES, "3")));
    assertEquals(3, seeds.size());
  }

  @Test
  void theSeedSettingRunsThatCaseAlone() {
    List<Long> seeds = new ArrayList<>();
    List<String> names = run(cases(300, r -> seeds.add(r.seed()), Map.of(Seeds.SEED, "123456789")));
    assertEquals(List.of(123456789L), seeds);
    assertEquals(List.of("seed 123456789"), names);
  }

  @Test
  void theBaseSettingMovesEveryCase() {
    List<Long> seeds = new ArrayList<>();
    run(cases(2, r -> seeds.add(r.seed()), Map.of(Seeds.BASE, "1_000")));
    assertEquals(List.of(1000L, 1001L), seeds);
  }

  @Test
  void aSettingThatIsNotANumberIsRefusedByName() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> cases(3, r -> {}, Map.of(Seeds.SEED, "seven")).count());
    assertTrue(e.getMessage().contains(Seeds.SEED), e.getMessage());
  }

  @Test
  void aFailingCaseNamesItsSeedAndTheCommandThatReplaysIt() {
    long base = Seeds.base(PROPERTY);
    AssertionError cause = new AssertionError("the bytes differ");
    Throwable e =
        thrownBy(
            cases(
                4,
                r -> {
                  if (r.seed() == base + 1) {
                    throw cause;
                  }
                },
                Map.of()));
    long seed = base + 1;
    String m = e.getMessage();
    assertTrue(m.startsWith(PROPERTY + " fails for seed " + seed + " (case 2 of 4)"), m);
    assertTrue(m.contains(" test -Dtest=" + PROPERTY + " -Dnvlab.property.seed=" + seed), m);
    assertTrue(m.contains("Draws.of(" + seed + "L)"), m);
    assertTrue(m.endsWith("\nthe bytes differ"), m);
    assertSame(cause, e.getCause());
  }

  @Test
  void everyFailingCaseOfABlockIsReportedWithItsSeed() {
    Throwable e =
        thrownBy(cases(4, r -> assertTrue(r.seed() % 2 == 0, "odd"), Map.of(Seeds.BASE, "10")));
    assertTrue(e.getMessage().startsWith("2 cases of this block fail, seeds [11, 13]"));
    assertEquals(2, e.getSuppressed().length);
    assertTrue(e.getSuppressed()[1].getMessage().startsWith(PROPERTY + " fails for seed 13"));
  }

  @Test
  void anExceptionInACaseIsReportedWithItsType() {
    Throwable e =
        thrownBy(
            cases(
                1,
                r -> {
                  throw new IllegalStateException("no such node");
                },
                Map.of()));
    assertTrue(e.getMessage().endsWith("java.lang.IllegalStateException: no such node"));
  }

  @Test
  void aSkippedCaseLeavesTheOthersToRun() throws Throwable {
    List<Long> seeds = new ArrayList<>();
    DynamicTest block =
        cases(
                3,
                r -> {
                  seeds.add(r.seed());
                  assumeTrue(seeds.size() > 1, "not the first");
                },
                Map.of())
            .findFirst()
            .orElseThrow();
    block.getExecutable().execute();
    assertEquals(3, seeds.size());
  }

  @Test
  void aBlockOfSkippedCasesIsSkipped() {
    Throwable e = thrownBy(cases(3, r -> assumeTrue(false, "never"), Map.of()));
    assertInstanceOf(TestAbortedException.class, e);
  }

  @Test
  void aPropertyStopsAfterTenFailures() {
    List<Long> seeds = new ArrayList<>();
    run(
        cases(
            1000,
            r -> {
              seeds.add(r.seed());
              fail("always");
            },
            Map.of()));
    assertEquals(Seeds.MAX_FAILURES, seeds.size());
  }

  @Test
  void aPropertyIsNamedAfterItsTestMethod() {
    assumeTrue(System.getProperty(Seeds.CASES) == null, "the case count is set from outside");
    Throwable e = thrownBy(Seeds.cases(1, r -> fail("no")));
    assertTrue(
        e.getMessage().startsWith("SeedsTest#aPropertyIsNamedAfterItsTestMethod fails for seed"),
        e.getMessage());
  }

  @Test
  void aSeedGivesTheSameDrawsEveryTimeAndAnotherSeedOthers() {
    Draws a = Draws.of(42);
    Draws b = Draws.of(42);
    Draws c = Draws.of(43);
    for (int k = 0; k < 100; k++) {
      long x = a.nextLong();
      assertEquals(x, b.nextLong());
      assertNotEquals(x, c.nextLong());
    }
  }

  @Test
  void theDrawsOfASeedArePinned() {
    // The lab's counter-based randomness keyed by the seed, computed by the lab's own code: the
    // same numbers on every machine and JDK. Were they to change, every seed a failing property
    // printed would name another case.
    Draws r = Draws.of(1);
    assertEquals(0x0358aa5f89e00803L, r.nextLong());
    assertEquals(0xd311350123c6a836L, r.nextLong());
  }

  @Test
  void aBoundedDrawRefusesAnEmptyRange() {
    assertThrows(IllegalArgumentException.class, () -> Draws.of(1).nextInt(0));
  }

  @TestFactory
  Stream<DynamicTest> drawsStayWithinTheirBounds() {
    return Seeds.cases(
        200,
        r -> {
          int bound = 1 + r.nextInt(1000);
          int k = r.nextInt(bound);
          assertTrue(k >= 0 && k < bound, k + " not in [0, " + bound + ")");
          double u = r.nextDouble();
          assertTrue(u >= 0 && u < 1, u + " not in [0, 1)");
        });
  }
}
