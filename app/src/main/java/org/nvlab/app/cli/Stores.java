package org.nvlab.app.cli;

import org.nvlab.core.record.RunStoreException;

/** Run store failures as the commands report them: one line and an exit code. */
final class Stores {
  private Stores() {}

  /** A store failure as the one-line error and exit code of a command. */
  static CliException cli(RunStoreException e) {
    int code =
        switch (e.reason()) {
          case UNKNOWN_RUN, NOT_FOUND -> NvlabCommand.USAGE;
          case NO_IMPLEMENTATION -> NvlabCommand.INTERNAL;
          default -> NvlabCommand.IO;
        };
    return new CliException(code, e.getMessage());
  }
}
