package org.nvlab.core.project;

/**
 * One thing wrong with a project: where (file and JSON pointer) and why, phrased for the person who
 * wrote the file, e.g. {@code project.json:/vesicleTypes/2/kernel/temperature: must be >= 0, got
 * -1}.
 */
public record Problem(String file, String pointer, String message) {
  @Override
  public String toString() {
    return file + ":" + (pointer.isEmpty() ? "/" : pointer) + ": " + message;
  }
}
