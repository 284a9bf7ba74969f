package org.nvlab.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nvlab.core.Model;
import org.nvlab.core.snapshot.Snapshot;

/** The engine thread without a window: play, pause, step, speed, failures, shutdown. */
class SimulationServiceTest {
  private final SimulationService service = new SimulationService(1);

  @AfterEach
  void close() {
    service.close();
  }

  private void installHello() throws Exception {
    service.install(
        Model.load(Samples.hello()).instantiate(Model.load(Samples.hello()).spec().seed()),
        Samples.hello());
    waitUntil(() -> service.latest() != null, 5000);
  }

  @Test
  void installingPublishesTickZeroPaused() throws Exception {
    installHello();
    assertEquals(0, service.latest().tick());
    assertFalse(service.isPlaying());
    assertEquals(Samples.hello(), service.project());
  }

  @Test
  void aStepRunsExactlyOneTickAndPublishesIt() throws Exception {
    installHello();
    service.step();
    waitUntil(() -> service.latest().tick() == 1, 5000);
    service.step();
    service.step();
    waitUntil(() -> service.latest().tick() == 3, 5000);
    Thread.sleep(200);
    assertEquals(3, service.latest().tick());
  }

  @Test
  void playingHonoursTheSpeedLimitAndPauseHoldsStill() throws Exception {
    installHello();
    service.setTicksPerSecond(50);
    long t0 = System.nanoTime();
    service.play();
    Thread.sleep(600);
    service.pause();
    double seconds = (System.nanoTime() - t0) / 1e9;
    Thread.sleep(100);
    int ticks = service.latest().tick();
    assertTrue(ticks >= 5, "only " + ticks + " ticks in " + seconds + " s");
    assertTrue(ticks <= 50 * seconds + 2, ticks + " ticks in " + seconds + " s at 50/s");
    Thread.sleep(300);
    assertEquals(ticks, service.latest().tick(), "ticks ran after pause");
  }

  @Test
  void atMaximumSpeedTheEngineRunsFreely() throws Exception {
    installHello();
    service.setTicksPerSecond(0);
    long t0 = System.nanoTime();
    service.play();
    Thread.sleep(700);
    service.pause();
    double seconds = (System.nanoTime() - t0) / 1e9;
    Thread.sleep(100);
    Snapshot s = service.latest();
    System.out.printf(
        "hello-vesicles at maximum speed: %.0f ticks/s (%d ticks, %d vesicles)%n",
        s.tick() / seconds, s.tick(), s.totalPopulation());
    assertTrue(s.tick() > 200, "only " + s.tick() + " ticks at maximum speed");
  }

  @Test
  void aDivergingRunPausesAndReportsTheEnginesMessage(@TempDir Path dir) throws Exception {
    Path p = Samples.write(dir.resolve("diverging.nvlab"), Samples.DIVERGING);
    service.install(Model.load(p).instantiate(Model.load(p).spec().seed()), p);
    service.setTicksPerSecond(0);
    service.play();
    String[] message = new String[1];
    waitUntil(() -> (message[0] = service.pollFailure()) != null, 5000);
    assertNotNull(message[0]);
    assertTrue(message[0].contains("Infinity") || message[0].contains("NaN"), message[0]);
    assertTrue(message[0].startsWith("tick "), message[0]);
    waitUntil(() -> !service.isPlaying(), 1000);
  }

  @Test
  void closingStopsTheEngineThread() throws Exception {
    installHello();
    service.play();
    service.close();
    assertFalse(service.isAlive());
  }

  static void waitUntil(BooleanSupplier condition, long millis) throws InterruptedException {
    long end = System.currentTimeMillis() + millis;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > end) {
        throw new AssertionError("condition not met within " + millis + " ms");
      }
      Thread.sleep(10);
    }
  }
}
