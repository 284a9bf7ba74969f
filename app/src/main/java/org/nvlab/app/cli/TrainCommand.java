package org.nvlab.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nvlab.core.density.TrainingTasks;
import org.nvlab.core.project.ProjectFiles;
import org.nvlab.core.project.ProjectSpec;
import org.nvlab.core.project.ProjectWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nvlab train}: gradient training of vesicle parameters through the density model. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Trains vesicle parameters by gradient descent through the density relaxation and checks",
      "the result on the stochastic engine. TASK is 'routing' (a kernel learns to bring",
      "couriers to a target node set) or 'release' (ACTIVATION release maps learn to make the",
      "host's outputs hit target activations). Prints the loss curve and the engine's measure",
      "before and after; with --out writes loss_curve.csv and the trained project",
      "(DIR/TASK-trained.nvlab) that nvlab run and the window can open."
    })
public final class TrainCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "TASK", description = "routing or release")
  String task;

  @Option(
      names = "--steps",
      defaultValue = "150",
      description = "gradient steps (default ${DEFAULT-VALUE})")
  int steps;

  @Option(
      names = "--engine-seeds",
      defaultValue = "10",
      description = "engine runs to check with (default ${DEFAULT-VALUE})")
  int engineSeeds;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "write loss_curve.csv and the trained project here")
  Path out;

  @Option(names = "--json", description = "print one JSON object")
  boolean json;

  @Override
  public Integer call() throws IOException {
    if (steps < 1 || steps > 100_000) {
      throw new CliException(NvlabCommand.USAGE, "--steps must be between 1 and 100000");
    }
    if (engineSeeds < 1 || engineSeeds > 10_000) {
      throw new CliException(NvlabCommand.USAGE, "--engine-seeds must be between 1 and 10000");
    }
    TrainingTasks.Task t;
    try {
      t = TrainingTasks.named(task);
    } catch (IllegalArgumentException e) {
      throw new CliException(NvlabCommand.USAGE, e.getMessage());
    }
    ProjectSpec[] learned = new ProjectSpec[1];
    Map<String, Object> result = TrainingTasks.run(t, steps, engineSeeds, learned);
    if (out != null) {
      Files.createDirectories(out);
      try (BufferedWriter w =
          Files.newBufferedWriter(out.resolve("loss_curve.csv"), StandardCharsets.UTF_8)) {
        w.write("step,loss\n");
        double[] curve = (double[]) result.get("loss_curve");
        for (int s = 0; s < curve.length; s++) {
          w.write(s + "," + curve[s] + "\n");
        }
      }
      Path project = out.resolve(t.name() + "-trained.nvlab");
      ProjectFiles.save(project, ProjectWriter.write(learned[0]), null);
      result.put("trained_project", project.toString());
    }
    ObjectMapper mapper = new ObjectMapper();
    if (json) {
      System.out.println(mapper.writeValueAsString(result));
    } else {
      result.remove("loss_curve");
      System.out.println(
          mapper.enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result));
    }
    return NvlabCommand.OK;
  }
}
