package org.nvlab.app.desktop;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths the window tests use: the checkout's samples and the module's target folder. */
final class Samples {
  private Samples() {}

  /** The app module's folder (surefire runs tests there and names it in "basedir"). */
  static Path moduleDir() {
    return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
  }

  static Path hello() {
    Path p = moduleDir().getParent().resolve("sample-projects/hello-vesicles.nvlab");
    if (!Files.isDirectory(p)) {
      throw new AssertionError("sample not found: " + p);
    }
    return p;
  }

  /** A project that diverges: identity activation and weights of 3 overflow near tick 43. */
  static final String DIVERGING =
      """
      {"formatVersion": 1, "name": "diverging", "seed": 1,
       "host": {"kind": "rate",
                "graph": {"builder": "fixed-out-degree", "nodes": 20, "degree": 4},
                "weights": {"law": "constant", "mean": 3},
                "rate": {"mode": "recurrent", "activation": "identity"},
                "inputs": [{"nodes": {"range": [0, 5]},
                            "signal": {"shape": "sine", "amplitude": 1, "period": 10}}]},
       "vesicleTypes": [{"name": "m", "payloadDim": 1,
         "emission": {"mode": "poisson", "lambdaMax": 1, "bias": -1, "payload": {"offset": [1]}},
         "lifetime": {"law": "exponential", "mean": 10},
         "kernel": {"temperature": 1},
         "docking": {"bias": -3}}]}
      """;

  /** A project with three mistakes the reader reports together. */
  static final String BROKEN =
      """
      {"formatVersion": 1, "name": "broken", "seed": 1,
       "host": {"kind": "rate", "graph": {"builder": "layered", "layers": [3, 0]}},
       "vesicleTypes": [{"name": "m", "payloadDim": 1, "kernel": {"temperature": -1},
                         "lifetime": {"law": "exponential", "mean": -3}}]}
      """;

  static Path write(Path folder, String json) throws java.io.IOException {
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("project.json"), json);
    return folder;
  }
}
