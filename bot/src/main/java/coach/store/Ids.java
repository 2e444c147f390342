package coach.store;

/** Guards for the identifiers the store keys rows by (chat, user, stream ids; short, never blank). */
final class Ids {
    static final int MAX = 128;

    private Ids() {
    }

    static String check(String id) {
        return check(id, MAX);
    }

    static String check(String id, int max) {
        if (id == null || id.isBlank() || id.length() > max) {
            throw new IllegalArgumentException("identifier must be 1.." + max + " characters: "
                    + (id == null ? "null" : id.length() > 40 ? id.substring(0, 40) + "…" : id));
        }
        return id;
    }
}
