package coach.tips;

import coach.store.TipLedger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Each rotation (a chat's daily tips, a user's /tip) walks through every tip in its own shuffled
 * order, then starts a new cycle in a new order. The order of cycle {@code n} of stream {@code s} is
 * the sorted tip ids shuffled with a seed derived from {@code s} and {@code n}: reproducible, different
 * per chat, and independent of how the file is laid out. Tips already shown in the cycle are skipped,
 * so tips added mid-cycle join it and removed ones drop out without repeats.
 */
final class Rotation {
    private Rotation() {
    }

    static List<String> order(List<String> sortedIds, String stream, int cycle) {
        List<String> l = new ArrayList<>(sortedIds);
        Collections.shuffle(l, new Random(seed(stream, cycle)));
        return l;
    }

    /** 64-bit FNV-1a of "stream#cycle": stable across JVMs and versions, unlike String.hashCode mixing. */
    static long seed(String stream, int cycle) {
        long h = 0xcbf29ce484222325L;
        for (byte b : (stream + "#" + cycle).getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    static TipLedger.Picker picker(List<String> sortedIds, String stream) {
        return (cycle, seen, last) -> pick(sortedIds, stream, cycle, seen, last);
    }

    static TipLedger.Pick pick(List<String> sortedIds, String stream, int cycle, Set<String> seen, String last) {
        if (sortedIds.isEmpty()) {
            throw new IllegalStateException("no tips");
        }
        for (String id : order(sortedIds, stream, cycle)) {
            if (!seen.contains(id)) {
                return new TipLedger.Pick(id, cycle);
            }
        }
        List<String> next = order(sortedIds, stream, cycle + 1);
        // never the same tip twice in a row across the cycle boundary
        String first = next.get(0).equals(last) && next.size() > 1 ? next.get(1) : next.get(0);
        return new TipLedger.Pick(first, cycle + 1);
    }
}
