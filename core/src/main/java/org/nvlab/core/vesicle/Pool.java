package org.nvlab.core.vesicle;

import java.util.Arrays;
import org.nvlab.core.state.StateVisitor;
import org.nvlab.core.util.RadixSort;

/**
 * The live vesicles of one type, as a structure of arrays (SPEC section 1: v = (c, kappa, l, tau,
 * s) with a stable id).
 *
 * <p>Slots 0..size-1 are live. {@code node} holds the location l; a docked, dwelling vesicle holds
 * {@code ~l} (negative) and its remaining releases in {@code dwell}. The lifetime tau is stored as
 * the tick at which it expires ({@code expiry}): tau = (expiry - tick) * dt. That is exactly the
 * SPEC's countdown, but the hot loop only reads it, never writes it. {@code payload} holds d floats
 * per slot and {@code state} p floats. The type kappa is the pool itself: one pool per type, so
 * every step is specialised to its type's d and rules and no per-vesicle type byte is read.
 *
 * <p>Slots are recycled by moving the last live vesicle into a hole (process.Compaction), so the
 * arrays stay dense and no memory is allocated per tick once capacity suffices.
 */
public final class Pool {
  /** Marks a slot whose vesicle died during this tick, until compaction. */
  public static final int DEAD = Integer.MIN_VALUE;

  private final int d;
  private final int p;
  private final boolean dwelling;
  private int size;
  private int capacity;
  private int[] node;
  private int[] expiry;
  private long[] id;
  private float[] payload;
  private float[] state;
  private int[] dwell;

  public Pool(int payloadDim, int stateDim, boolean dwelling, int initialCapacity) {
    this.d = payloadDim;
    this.p = stateDim;
    this.dwelling = dwelling;
    allocate(Math.max(16, initialCapacity));
  }

  private void allocate(int cap) {
    node = node == null ? new int[cap] : Arrays.copyOf(node, cap);
    expiry = expiry == null ? new int[cap] : Arrays.copyOf(expiry, cap);
    id = id == null ? new long[cap] : Arrays.copyOf(id, cap);
    payload = payload == null ? new float[cap * d] : Arrays.copyOf(payload, cap * d);
    state = state == null ? new float[cap * p] : Arrays.copyOf(state, cap * p);
    if (dwelling) {
      dwell = dwell == null ? new int[cap] : Arrays.copyOf(dwell, cap);
    }
    capacity = cap;
  }

  /** Makes room for {@code extra} more vesicles, growing by at least 1/4 to amortise copies. */
  public void ensureRoom(int extra) {
    long need = (long) size + extra;
    if (need > capacity) {
      if (need > Integer.MAX_VALUE / Math.max(1, Math.max(d, 1)) - 16) {
        throw new IllegalStateException(
            "population too large: " + need + " vesicles of payload dimension " + d);
      }
      allocate((int) Math.max(need, capacity + (capacity >> 2)));
    }
  }

  /** Appends {@code count} slots (contents undefined) and returns the first. */
  public int grow(int count) {
    ensureRoom(count);
    int first = size;
    size += count;
    return first;
  }

  /** Drops the slots from {@code newSize} on (after compaction has moved their vesicles). */
  public void truncate(int newSize) {
    if (newSize < 0 || newSize > size) {
      throw new IllegalArgumentException("cannot truncate " + size + " slots to " + newSize);
    }
    size = newSize;
  }

  /** Copies vesicle {@code from} over slot {@code to}. */
  public void move(int from, int to) {
    node[to] = node[from];
    expiry[to] = expiry[from];
    id[to] = id[from];
    // Plain loops: System.arraycopy's call overhead dominates for a handful of floats.
    int fo = from * d;
    int to0 = to * d;
    for (int k = 0; k < d; k++) {
      payload[to0 + k] = payload[fo + k];
    }
    fo = from * p;
    to0 = to * p;
    for (int k = 0; k < p; k++) {
      state[to0 + k] = state[fo + k];
    }
    if (dwelling) {
      dwell[to] = dwell[from];
    }
  }

  /**
   * Puts the vesicles in a new slot order: slot s receives the vesicle now at {@code order[s]}
   * ({@code order} a permutation of 0..size-1). Results of later ticks do not depend on the order
   * (see the determinism tests); a viewer or a locality optimisation may use it.
   */
  public void reorder(int[] order) {
    if (order.length != size) {
      throw new IllegalArgumentException("order has " + order.length + " slots, pool " + size);
    }
    boolean[] seen = new boolean[size];
    for (int s : order) {
      if (s < 0 || s >= size || seen[s]) {
        throw new IllegalArgumentException("order is not a permutation of the live slots");
      }
      seen[s] = true;
    }
    int[] n2 = node.clone();
    int[] e2 = expiry.clone();
    long[] i2 = id.clone();
    float[] p2 = payload.clone();
    float[] s2 = state.clone();
    int[] w2 = dwelling ? dwell.clone() : null;
    for (int s = 0; s < size; s++) {
      int f = order[s];
      node[s] = n2[f];
      expiry[s] = e2[f];
      id[s] = i2[f];
      System.arraycopy(p2, f * d, payload, s * d, d);
      System.arraycopy(s2, f * p, state, s * p, p);
      if (dwelling) {
        dwell[s] = w2[f];
      }
    }
  }

  /** Adds the undocked vesicles at each node into {@code counts} (length: node count). */
  public void countByNode(double[] counts) {
    for (int s = 0; s < size; s++) {
      int n = node[s];
      if (n >= 0) {
        counts[n]++;
      }
    }
  }

  /** Empties the pool (keeps capacity). */
  public void clear() {
    size = 0;
  }

  public int size() {
    return size;
  }

  public int capacity() {
    return capacity;
  }

  public int payloadDim() {
    return d;
  }

  public int stateDim() {
    return p;
  }

  public boolean dwelling() {
    return dwelling;
  }

  public int[] node() {
    return node;
  }

  public int[] expiry() {
    return expiry;
  }

  public long[] id() {
    return id;
  }

  public float[] payload() {
    return payload;
  }

  public float[] state() {
    return state;
  }

  /** Remaining releases of docked, dwelling vesicles (null when the type does not dwell). */
  public int[] dwell() {
    return dwell;
  }

  /** Heap bytes held by the arrays (capacity, not size). */
  public long heapBytes() {
    long b = (long) capacity * (4 + 4 + 8) + 4L * capacity * (d + p);
    if (dwelling) {
      b += 4L * capacity;
    }
    return b;
  }

  /**
   * Shows this pool's vesicles to a visitor under {@code prefix}: in id order, as copies, when the
   * visitor is canonical (the state hash, which must not depend on where vesicles sit); otherwise
   * the slots as they are, in place, so that a checkpoint read back puts every vesicle in its slot
   * again (the size comes first and the arrays are made large enough before they are filled).
   */
  public void visit(StateVisitor v, String prefix) {
    if (v.canonical()) {
      visitById(v, prefix);
      return;
    }
    int n = v.count(prefix + "size", size);
    if (n < 0) {
      throw new IllegalStateException("a pool cannot hold " + n + " vesicles");
    }
    if (n > capacity) {
      size = 0;
      ensureRoom(n);
    }
    size = n;
    v.longs(prefix + "id", id, n);
    v.ints(prefix + "node", node, n);
    v.ints(prefix + "expiry", expiry, n);
    if (dwelling) {
      v.ints(prefix + "dwell", dwell, n);
    }
    v.floats(prefix + "payload", payload, n * d);
    v.floats(prefix + "state", state, n * p);
  }

  private void visitById(StateVisitor v, String prefix) {
    int[] order = slotsById();
    int m = order.length;
    long[] ids = new long[m];
    int[] nodes = new int[m];
    int[] expiries = new int[m];
    int[] dwells = new int[m];
    float[] payloads = new float[m * d];
    float[] states = new float[m * p];
    for (int q = 0; q < m; q++) {
      int s = order[q];
      ids[q] = id[s];
      nodes[q] = node[s];
      expiries[q] = expiry[s];
      dwells[q] = dwelling ? dwell[s] : 0;
      System.arraycopy(payload, s * d, payloads, q * d, d);
      System.arraycopy(state, s * p, states, q * p, p);
    }
    v.longs(prefix + "id", ids, m);
    v.ints(prefix + "node", nodes, m);
    v.ints(prefix + "expiry", expiries, m);
    v.ints(prefix + "dwell", dwells, m);
    v.floats(prefix + "payload", payloads);
    v.floats(prefix + "state", states);
  }

  /** The slots in increasing id order (allocates: for hashing and snapshots, not ticks). */
  public int[] slotsById() {
    int[] slots = new int[size];
    long[] keys = new long[size];
    for (int s = 0; s < size; s++) {
      slots[s] = s;
      keys[s] = id[s];
    }
    RadixSort sort = new RadixSort();
    sort.sort(keys, slots, size);
    return sort.sortedValues();
  }
}
