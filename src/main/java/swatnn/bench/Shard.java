package swatnn.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One share of a benchmark's items, so that {@code count} processes, one per core, can fill one
 * results file: share {@code index} holds the items at positions index, index + count, ... of
 * the items in their fixed order ({@code --shard I/N} of the bench commands).
 *
 * @param index this share, 0..count-1
 * @param count the number of shares, at least 1
 */
public record Shard(int index, int count) {
  /** Every item: share 0 of 1. */
  public static final Shard ALL = new Shard(0, 1);

  /**
   * @throws IllegalArgumentException unless 0 <= index < count
   */
  public Shard {
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException("shard must be I/N with 0 <= I < N, got " + index + "/"
          + count);
    }
  }

  /**
   * This share of the items.
   *
   * @param items the items, in the order every share reads them
   * @return the items at positions index, index + count, ..., in that order
   */
  public <T> List<T> of(List<T> items) {
    List<T> share = new ArrayList<>();
    for (int i = index; i < items.size(); i += count) {
      share.add(items.get(i));
    }
    return share;
  }
}
