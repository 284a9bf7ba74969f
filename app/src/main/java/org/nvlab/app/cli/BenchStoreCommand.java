package org.nvlab.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nvlab.app.runs.Versions;
import org.nvlab.core.record.RunStoreException;
import org.nvlab.core.record.RunStoreProvider;
import org.nvlab.core.record.RunStores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nvlab bench-store}: how fast the run store records and exports. */
@Command(
    name = "bench-store",
    mixinStandardHelpOptions = true,
    description = {
      "Records a synthetic run of --rows metric rows (16 series) into a fresh run store in a",
      "temporary folder through the store's recording path (DuckDB's Appender), --reps times,",
      "and reports the median rows per second; the same rows through plain JDBC batch inserts",
      "on --baseline-rows rows for comparison; the Parquet and CSV export times and sizes.",
      "See docs/performance.md, \"Run store\"."
    })
public final class BenchStoreCommand implements Callable<Integer> {

  @Option(
      names = "--rows",
      defaultValue = "1000000",
      description = "metric rows per repetition (default ${DEFAULT-VALUE})")
  int rows;

  @Option(
      names = "--baseline-rows",
      defaultValue = "20000",
      description = "rows through JDBC batches, which are slow (default ${DEFAULT-VALUE})")
  int baselineRows;

  @Option(
      names = "--reps",
      defaultValue = "5",
      description = "repetitions; the median is reported (default ${DEFAULT-VALUE})")
  int reps;

  @Option(names = "--json", description = "print one JSON object on one line")
  boolean json;

  @Override
  public Integer call() throws IOException {
    if (rows < 16 || rows > 500_000_000) {
      throw new CliException(NvlabCommand.USAGE, "--rows must be between 16 and 500000000");
    }
    if (baselineRows < 1 || baselineRows > 10_000_000) {
      throw new CliException(NvlabCommand.USAGE, "--baseline-rows must be between 1 and 10000000");
    }
    if (reps < 1 || reps > 100) {
      throw new CliException(NvlabCommand.USAGE, "--reps must be between 1 and 100");
    }
    Map<String, Object> result = new LinkedHashMap<>();
    Path scratch = Files.createTempDirectory("nvlab-bench-store");
    try {
      RunStoreProvider provider = RunStores.find();
      result.put("store", provider.name());
      result.putAll(provider.benchmark(scratch, rows, baselineRows, reps));
    } catch (RunStoreException e) {
      throw Stores.cli(e);
    } finally {
      deleteTree(scratch);
    }
    result.put("versions", Versions.all());
    ObjectMapper mapper = new ObjectMapper();
    if (!json) {
      mapper.enable(SerializationFeature.INDENT_OUTPUT);
    }
    System.out.println(mapper.writeValueAsString(result));
    return NvlabCommand.OK;
  }

  /** Deletes the benchmark's own temporary folder. */
  private static void deleteTree(Path root) throws IOException {
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
