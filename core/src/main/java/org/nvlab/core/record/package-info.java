/**
 * What a run records: metric series ({@code MetricsRecorder}, long-format CSV) and the state hash
 * ({@code StateDigest}).
 *
 * <p>May import: nothing else of the engine.
 */
package org.nvlab.core.record;
