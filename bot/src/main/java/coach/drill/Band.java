package coach.drill;

/** How well one answer scored; the client's next line depends on it (a weak answer escalates, a good one calms). */
enum Band {
    WEAK, FAIR, GOOD;

    static final int GOOD_FROM = 80;
    static final int FAIR_FROM = 50;

    static Band of(int score) {
        return score >= GOOD_FROM ? GOOD : score >= FAIR_FROM ? FAIR : WEAK;
    }

    String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
