/**
 * The state of a run as bytes: {@code StateDigest}, the SHA-256 over named state arrays that proves
 * two runs bit-identical ({@code state_sha256}). The lowest room of the engine: every part that
 * holds state reports it here, and nothing here knows those parts.
 *
 * <p>May import: nothing else of the lab.
 */
package org.nvlab.core.state;
