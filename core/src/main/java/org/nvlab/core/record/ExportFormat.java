package org.nvlab.core.record;

import java.util.Locale;

/** The file formats a run's metrics export to: the same tick,series,value rows in both. */
public enum ExportFormat {
  /** Text with a header line, the columns of {@code metrics.csv}. */
  CSV,
  /** Apache Parquet, zstd-compressed; tick INT32, series STRING, value FLOAT. */
  PARQUET;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The format named {@code text} (any case); a one-line message naming the choices otherwise. */
  public static ExportFormat parse(String text) {
    for (ExportFormat f : values()) {
      if (f.label().equalsIgnoreCase(text == null ? "" : text.trim())) {
        return f;
      }
    }
    throw new IllegalArgumentException("the format must be csv or parquet, got '" + text + "'");
  }
}
