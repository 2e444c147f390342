package coach.search;

import coach.core.Rich;
import coach.kb.KnowledgeBase;
import coach.kb.Principle;
import coach.text.Lang;
import java.util.Optional;

/**
 * Renders a search hit for people: title, topic, the matching sentence of the principle's text with the
 * match marked (never from the example, so the example is shown once), and the guide's example in the
 * reader's language.
 */
public final class HitFormatter {
    private final KnowledgeBase kb;

    public HitFormatter(KnowledgeBase kb) {
        this.kb = kb;
    }

    public Rich format(Hit h, Lang lang, int number) {
        Rich.Builder b = Rich.builder();
        String title = lang == Lang.EN && h.titleEn() != null && !h.titleEn().isEmpty() ? h.titleEn() : h.title();
        String topic = lang == Lang.EN && h.topicEn() != null && !h.topicEn().isEmpty() ? h.topicEn() : h.topic();
        b.bold(number + ". " + title);
        if (topic != null && !topic.isEmpty()) {
            b.text(" · ").italic(topic);
        }
        b.nl();
        snippet(b, h.snippet());
        Optional<Principle> p = "principle".equals(h.kind()) ? kb.principle(h.id()) : Optional.empty();
        if (p.isPresent()) {
            b.nl().bold(lang == Lang.EN ? "Example from the guide: " : "Пример из руководства: ").italic(p.get().example(lang));
        }
        return b.build();
    }

    static void snippet(Rich.Builder b, Snippet s) {
        int at = 0;
        for (Snippet.Span sp : s.highlights()) {
            if (sp.start() < at) {
                continue;
            }
            b.text(s.text().substring(at, sp.start()));
            b.mark(s.text().substring(sp.start(), sp.end()));
            at = sp.end();
        }
        b.text(s.text().substring(at));
    }
}
