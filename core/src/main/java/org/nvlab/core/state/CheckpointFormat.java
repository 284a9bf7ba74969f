package org.nvlab.core.state;

import java.nio.charset.StandardCharsets;

/** The constants of the checkpoint file format (see {@link CheckpointWriter}). */
final class CheckpointFormat {
  private CheckpointFormat() {}

  /** The first bytes of every checkpoint. */
  static final byte[] MAGIC = "NVLAB checkpoint\n".getBytes(StandardCharsets.US_ASCII);

  /** The format version this build writes and reads. */
  static final int VERSION = 1;

  /** Section types. */
  static final byte COUNT = 1;

  static final byte VALUE = 2;
  static final byte REAL = 3;
  static final byte TEXT = 4;
  static final byte FLOATS = 5;
  static final byte DOUBLES = 6;
  static final byte INTS = 7;
  static final byte LONGS = 8;
  static final byte BOOLEANS = 9;

  /** After the last section: then the CRC-32C of every byte before it. */
  static final byte END = 127;

  /** The most bytes a header may have (it is JSON text: the project and a few numbers). */
  static final int MAX_HEADER = 1 << 30;

  static String typeName(byte t) {
    return switch (t) {
      case COUNT -> "a count";
      case VALUE -> "a whole number";
      case REAL -> "a real number";
      case TEXT -> "a text";
      case FLOATS -> "floats";
      case DOUBLES -> "doubles";
      case INTS -> "ints";
      case LONGS -> "longs";
      case BOOLEANS -> "flags";
      case END -> "the end mark";
      default -> "an unknown section (" + t + ")";
    };
  }
}
