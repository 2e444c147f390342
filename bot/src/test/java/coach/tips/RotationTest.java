package coach.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import coach.store.TipLedger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RotationTest {
    static final List<String> IDS = IntStream.range(0, 100).mapToObj(i -> String.format("t%03d", i)).toList();

    /** Walks a rotation the way the store does: cycle, seen set, last tip. */
    static List<String> walk(List<String> ids, String stream, int n) {
        int cycle = 0;
        Set<String> seen = new HashSet<>();
        String last = null;
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TipLedger.Pick p = Rotation.pick(ids, stream, cycle, seen, last);
            if (p.cycle() != cycle) {
                seen.clear();
                cycle = p.cycle();
            }
            seen.add(p.tipId());
            last = p.tipId();
            out.add(p.tipId());
        }
        return out;
    }

    @Test
    void everyCycleShowsEveryTipOnceInItsOwnOrder() {
        List<String> seq = walk(IDS, "daily:-1001", 300);
        for (int c = 0; c < 3; c++) {
            assertEquals(new HashSet<>(IDS), new HashSet<>(seq.subList(c * 100, c * 100 + 100)), "cycle " + c);
        }
        assertNotEquals(seq.subList(0, 100), seq.subList(100, 200), "a new order each cycle");
        for (int i = 1; i < seq.size(); i++) {
            assertNotEquals(seq.get(i - 1), seq.get(i), "no tip twice in a row");
        }
    }

    @Test
    void ordersAreReproduciblePerChatAndDifferBetweenChats() {
        assertEquals(walk(IDS, "daily:42", 150), walk(IDS, "daily:42", 150));
        assertNotEquals(walk(IDS, "daily:42", 20), walk(IDS, "daily:43", 20));
        // pinned: the order must not change between versions, or chats would see repeats after an upgrade
        assertEquals(List.of("t017", "t075", "t048"), Rotation.order(IDS, "daily:42", 0).subList(0, 3));
    }

    @Test
    void tipsAddedOrRemovedMidCycleCauseNoRepeats() {
        List<String> before = IDS.subList(0, 90);
        int cycle = 0;
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            TipLedger.Pick p = Rotation.pick(before, "s", cycle, seen, null);
            seen.add(p.tipId());
            out.add(p.tipId());
        }
        List<String> after = new ArrayList<>(IDS.subList(5, 100)); // t000..t004 removed, t090..t099 added
        while (true) {
            TipLedger.Pick p = Rotation.pick(after, "s", cycle, seen, null);
            if (p.cycle() != cycle) {
                break;
            }
            seen.add(p.tipId());
            out.add(p.tipId());
        }
        assertEquals(out.size(), new HashSet<>(out).size(), "no repeats within the cycle");
        Set<String> shown = new HashSet<>(out);
        assertEquals(true, shown.containsAll(after), "every current tip was shown before the cycle ended");
    }
}
