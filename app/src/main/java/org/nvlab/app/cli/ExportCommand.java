package org.nvlab.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nvlab.core.record.ExportFormat;
import org.nvlab.core.record.RunStore;
import org.nvlab.core.record.RunStoreException;
import org.nvlab.core.record.RunStoreProvider.Access;
import org.nvlab.core.record.RunStores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nvlab export}: one recorded run's metrics as CSV or Parquet. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the metrics of one run recorded in PROJECT's run store to FILE: CSV with the",
      "columns of metrics.csv (tick,series,value), or zstd-compressed Parquet with the same",
      "columns (tick INT32, series STRING, value FLOAT). nvlab runs PROJECT lists the run ids."
    })
public final class ExportCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      paramLabel = "PROJECT",
      description = "a NAME.nvlab folder or its project.json")
  Path project;

  @Option(names = "--run", paramLabel = "ID", required = true, description = "the run's id")
  long run;

  @Option(
      names = "--format",
      paramLabel = "csv|parquet",
      required = true,
      description = "csv or parquet")
  String format;

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "the file to write")
  Path out;

  @Override
  public Integer call() {
    ExportFormat f;
    try {
      f = ExportFormat.parse(format);
    } catch (IllegalArgumentException e) {
      throw new CliException(NvlabCommand.USAGE, "--format: " + e.getMessage());
    }
    Path folder = ProjectArgument.storeFolder(project);
    long rows;
    try (RunStore store = RunStores.open(folder, Access.READ_ONLY)) {
      store.export(run, f, out);
      rows = store.metricRows(run);
    } catch (RunStoreException e) {
      if (e.reason() == RunStoreException.Reason.UNKNOWN_RUN) {
        throw new CliException(
            NvlabCommand.USAGE,
            "no run " + run + " in " + folder + " (nvlab runs " + folder + " lists the runs)");
      }
      throw Stores.cli(e);
    }
    System.out.printf("exported run %d (%d rows, %s) to %s%n", run, rows, f.label(), out);
    return NvlabCommand.OK;
  }
}
