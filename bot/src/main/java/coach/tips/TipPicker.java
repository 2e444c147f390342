package coach.tips;

import coach.store.Store;
import coach.store.TipLedger;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Advances an on-demand rotation (a user's /tip): in the store, or in memory when there is none. */
interface TipPicker {
    String next(String stream);

    static TipPicker of(Store store, TipCatalogue catalogue) {
        if (store != null) {
            return stream -> store.tips().next(stream, Rotation.picker(catalogue.ids(), stream));
        }
        Map<String, State> states = new ConcurrentHashMap<>();
        return stream -> {
            State s = states.computeIfAbsent(stream, k -> new State());
            synchronized (s) {
                TipLedger.Pick p = Rotation.pick(catalogue.ids(), stream, s.cycle, s.seen, s.last);
                if (p.cycle() != s.cycle) {
                    s.seen.clear();
                    s.cycle = p.cycle();
                }
                s.seen.add(p.tipId());
                s.last = p.tipId();
                return p.tipId();
            }
        };
    }

    final class State {
        int cycle;
        String last;
        final Set<String> seen = new HashSet<>();
    }
}
