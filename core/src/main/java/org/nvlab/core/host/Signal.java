package org.nvlab.core.host;

import org.nvlab.core.random.CounterRng;
import org.nvlab.core.random.Purpose;
import org.nvlab.core.random.RngStream;

/**
 * A time signal: external input to host nodes, task targets, reward, or a component of the
 * conditioning vector z. Stochastic shapes draw from the counter-based generator keyed by (seed,
 * tick, channel), so they are reproducible.
 *
 * @param shape the waveform
 * @param amplitude peak value (sine, square), value (constant), standard deviation (noise) or spike
 *     height (poisson)
 * @param period in ticks (sine, square, cycle)
 * @param phase in ticks, shifted further by {@code phaseStep} per channel so that a group of input
 *     nodes can carry a travelling wave
 * @param offset added to the value
 * @param rate spikes per tick (poisson)
 * @param values the sequence a cycle signal steps through, one value per {@code period} ticks
 */
public record Signal(
    Shape shape,
    double amplitude,
    double period,
    double phase,
    double phaseStep,
    double offset,
    double rate,
    double[] values) {

  public enum Shape {
    CONSTANT,
    SINE,
    SQUARE,
    NOISE,
    POISSON,
    CYCLE
  }

  public static Signal constant(double value) {
    return new Signal(Shape.CONSTANT, value, 1, 0, 0, 0, 0, null);
  }

  public static Signal sine(double amplitude, double period) {
    return new Signal(Shape.SINE, amplitude, period, 0, 0, 0, 0, null);
  }

  /** The value at a tick for channel {@code channel} (the k-th node of an input group). */
  public double value(long seed, long tick, int channel, int key, RngStream scratch) {
    double t = tick + phase + phaseStep * channel;
    double v =
        switch (shape) {
          case CONSTANT -> amplitude;
          case SINE -> amplitude * Math.sin(2 * Math.PI * t / period);
          case SQUARE ->
              Math.floorMod((long) Math.floor(t), Math.max(1L, (long) period)) < period / 2
                  ? amplitude
                  : -amplitude;
          case NOISE ->
              amplitude
                  * scratch
                      .reset(
                          CounterRng.draw(
                              seed, tick, ((long) key << 32) | channel, Purpose.STIMULUS))
                      .nextGaussian();
          case POISSON ->
              CounterRng.unit(
                          CounterRng.draw(
                              seed, tick, ((long) key << 32) | channel, Purpose.STIMULUS))
                      < rate
                  ? amplitude
                  : 0;
          case CYCLE ->
              values == null || values.length == 0
                  ? 0
                  : values[
                      (int)
                          Math.floorMod((long) Math.floor(t / Math.max(1, period)), values.length)];
        };
    return v + offset;
  }
}
