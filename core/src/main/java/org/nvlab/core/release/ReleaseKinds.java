package org.nvlab.core.release;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.nvlab.core.vocabulary.ReleaseKind;

/**
 * Every release kind the lab knows: the five built in (registered here exactly as plugins are, as
 * {@link ReleaseOperatorProvider}s) and those plugins add through {@link ServiceLoader}, which is
 * consulted once, the first time a kind is looked up. A plugin kind with a built-in kind's name, or
 * another plugin's, is left out (the first registered wins) and named in {@link #clashes}.
 */
public final class ReleaseKinds {
  private static volatile Registry registry;

  private ReleaseKinds() {}

  private record Registry(
      Map<String, ReleaseOperatorProvider> providers, List<String> plugins, List<String> clashes) {}

  private static Registry registry() {
    Registry r = registry;
    if (r == null) {
      synchronized (ReleaseKinds.class) {
        r = registry;
        if (r == null) {
          r = load();
          registry = r;
        }
      }
    }
    return r;
  }

  private static Registry load() {
    Map<String, ReleaseOperatorProvider> all = new LinkedHashMap<>();
    for (ReleaseOperatorProvider p : BuiltInKinds.ALL) {
      all.put(p.kind(), p);
    }
    List<String> plugins = new ArrayList<>();
    List<String> clashes = new ArrayList<>();
    for (ReleaseOperatorProvider p : ServiceLoader.load(ReleaseOperatorProvider.class)) {
      if (all.putIfAbsent(p.kind(), p) == null) {
        plugins.add(p.kind());
      } else {
        clashes.add(p.kind() + " (" + p.getClass().getName() + ")");
      }
    }
    return new Registry(Map.copyOf(all), List.copyOf(plugins), List.copyOf(clashes));
  }

  /** The provider of a kind, or null when neither the lab nor a plugin has it. */
  public static ReleaseOperatorProvider find(String kind) {
    return registry().providers().get(kind);
  }

  /** Every kind's name: the built-in ones in {@link ReleaseKind}'s order, then the plugins'. */
  public static List<String> names() {
    List<String> out = new ArrayList<>(ReleaseKind.ids());
    out.addAll(pluginNames());
    return out;
  }

  /** The kinds plugins add, in the order ServiceLoader found them. */
  public static List<String> pluginNames() {
    return registry().plugins();
  }

  /** Plugin kinds left out because their name was taken. */
  public static List<String> clashes() {
    return registry().clashes();
  }
}
