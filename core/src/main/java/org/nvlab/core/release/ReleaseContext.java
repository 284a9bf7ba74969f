package org.nvlab.core.release;

import java.util.Map;

/**
 * What a {@link ReleaseOperatorProvider} is given to build an operator from one release entry of a
 * project (an element of {@code vesicleTypes[k].release}): the entry's fields by their names in the
 * file format (docs/file-format.md), the sizes it must fit, and the compiler's services (random
 * matrices keyed by the project seed, other types, problems at the entry's JSON pointer). The
 * built-in kinds and the plugins' kinds are built through this same context.
 */
public interface ReleaseContext {
  /** The entry's kind, e.g. {@code activation}. */
  String kind();

  /** d, the releasing type's payload dimension. */
  int payloadDim();

  /** n, the host's node count. */
  int nodeCount();

  /** m, the host's memory width (0: no memory). */
  int memoryDim();

  /** True on a LIF host. */
  boolean spikingHost();

  /** The releasing type's index (it keys the type's random matrices). */
  int typeIndex();

  /** A list field of the entry as floats, or null when the file does not give it. */
  float[] numbers(String field);

  /** A number field of the entry (its default when the file does not give it). */
  double number(String field);

  boolean flag(String field);

  /** A text field of the entry, or null. */
  String text(String field);

  /** A readout the file gives as an expression (e.g. {@code gain}), compiled; or null. */
  ReleaseMap map(String field);

  /** A plugin kind's own parameters ({@code params} in the file), as parsed JSON values. */
  Map<String, Object> params();

  /**
   * A rows x cols matrix of N(0, std^2) floats keyed by the project seed, the releasing type and
   * {@code salt}: the same structure for every run of the project.
   */
  float[] randomMatrix(int rows, int cols, double std, int salt);

  /** The index of the vesicle type with this name, or -1. */
  int typeIndex(String name);

  /** A type's payload dimension. */
  int payloadDimOf(int type);

  /**
   * False, with a problem at {@code field}, when an array of {@code length} numbers cannot exist
   * (Java arrays are int-indexed).
   */
  boolean fits(long length, String field, String what);

  /** Reports a problem at one of the entry's fields ("" for the entry itself). */
  void problem(String field, String message);
}
