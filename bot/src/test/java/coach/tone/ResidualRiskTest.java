package coach.tone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.TestKb;
import coach.kb.ContentException;
import coach.kb.ContentSource;
import coach.kb.Yaml;
import coach.text.Lang;
import coach.text.TextAnalyzer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The residual-risk list of {@code tone/residual.tsv}: its syntax (the cue lexicon's, with a language column), what a
 * phrase matches, and that nothing the coach itself writes (interface texts, tips, materials, the rules' replacements
 * and corrected examples) holds a listed phrase: the gate would withhold the coach's own words.
 */
class ResidualRiskTest {
    private static final ResidualRisk REAL = ResidualRisk.load(TestKb.source());

    private static Optional<Cues.Found> first(ResidualRisk r, String text) {
        return r.first(TextAnalyzer.analyze(text), Lang.detect(text));
    }

    @Test
    void badLinesAreReportedWithFileAndLine() {
        ContentException lang = assertThrows(ContentException.class, () -> ResidualRisk.parse("tone/residual.tsv", "# c\nde\tslang\tnaja\n"));
        assertTrue(lang.getMessage().contains("residual.tsv") && lang.getMessage().contains("2") && lang.getMessage().contains("'de'"), lang.getMessage());
        ContentException cls = assertThrows(ContentException.class, () -> ResidualRisk.parse("tone/residual.tsv", "ru\tthreat\tиначе\n"));
        assertTrue(cls.getMessage().contains("'threat'"), cls.getMessage());
        ContentException cols = assertThrows(ContentException.class, () -> ResidualRisk.parse("tone/residual.tsv", "ru\n"));
        assertTrue(cols.getMessage().contains("lang<TAB>class<TAB>phrase"), cols.getMessage());
    }

    @Test
    void phrasesMatchFormsExactWordsPrefixesNumbersAndTheirLanguageOnly() {
        ResidualRisk r = ResidualRisk.parse("t", "ru\tdismissive\tголовная боль\nru\tslang\tкороч*\nru\tabsolute\tна =100 %\nen\tslang\t=u\nru\tslang\t=ok\n");
        assertEquals("головная боль", first(r, "Это уже их головной болью стало.").orElseThrow().phrase());
        assertEquals("короч*", first(r, "Короче, всё готово.").orElseThrow().phrase());
        Cues.Found pct = first(r, "Будет готово к пятнице на 100 %, обещаю.").orElseThrow();
        assertEquals(3, pct.to() - pct.from(), "на, 100, %: " + pct);
        assertTrue(first(r, "Будет готово к пятнице, предоплата 100 %.").isEmpty());
        assertTrue(first(r, "See u on Monday.").isPresent());
        assertTrue(first(r, "Всё ok, ждём.").isPresent(), "«ok» in Russian text");
        assertTrue(first(r, "Everything is ok, see you on Monday.").isEmpty(), "«ok» is a Russian-text phrase only");
    }

    @Test
    void theListHasItsClassesInBothLanguages() {
        String text = TestKb.source().read(ResidualRisk.FILE);
        int ru = 0;
        int en = 0;
        for (String l : text.split("\n")) {
            ru += l.startsWith("ru\t") ? 1 : 0;
            en += l.startsWith("en\t") ? 1 : 0;
        }
        assertTrue(ru >= 200 && en >= 100, ru + " ru, " + en + " en");
        for (String phrase : List.of("Ключи не выдаём, и точка.", "Без комментариев.", "Надо было проверять адрес.", "Пишите в личку.",
                "It will arrive for sure.", "You should have read the terms.", "Just google it.", "thx, see u")) {
            assertTrue(first(REAL, phrase).isPresent(), phrase);
        }
    }

    @Test
    void nothingTheCoachWritesHoldsAListedPhrase() throws IOException {
        ContentSource src = TestKb.source();
        List<String> texts = new ArrayList<>();
        // interface texts, both languages
        for (String name : List.of("app", "core", "drill", "materials", "phrasing", "progress", "telegram", "tips")) {
            for (String l : List.of("ru", "en")) {
                try (InputStream in = ResidualRiskTest.class.getResourceAsStream("/i18n/" + name + "_" + l + ".properties")) {
                    Properties p = new Properties();
                    p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
                    for (String k : p.stringPropertyNames()) {
                        // what the coach quotes is not what it says: «…» / “…” and a /check example are left out
                        texts.add(p.getProperty(k).replaceAll("«[^»]*»|“[^”]*”|/check [^\n]*", " "));
                    }
                }
            }
        }
        // the tips' example phrases and the materials
        for (Yaml.Node t : Yaml.parse("tips/tips.yaml", src.read("tips/tips.yaml")).get("tips").items()) {
            for (String k : List.of("example_ru", "example_en")) {
                if (t.has(k)) {
                    texts.add(t.get(k).value());
                }
            }
        }
        for (String dir : List.of("materials", "materials/en")) {
            for (String f : src.list(dir, ".md")) {
                for (String line : src.read(f).split("\n")) {
                    if (!line.isBlank()) {
                        texts.add(line.strip());
                    }
                }
            }
        }
        // the rules' replacements and the versions their examples expect
        int rules = 0;
        for (String f : src.list("rules", ".yaml")) {
            for (Yaml.Node r : Yaml.parse(f, src.read(f)).get("rules").items()) {
                rules++;
                if (r.has("replacements")) {
                    for (Yaml.Node x : r.get("replacements").items()) {
                        texts.add(x.value().replaceAll("\\{[^}]*}", "").replace("||", " "));
                    }
                }
                if (r.has("examples")) {
                    for (Yaml.Node e : r.get("examples").items()) {
                        for (String k : List.of("corrected", "correct")) {
                            if (e.has(k)) {
                                texts.add(e.get(k).value());
                            }
                        }
                    }
                }
            }
        }
        assertTrue(texts.size() > 2000 && rules > 300, texts.size() + " texts, " + rules + " rules");
        List<String> hit = new ArrayList<>();
        for (String t : texts) {
            first(REAL, t).ifPresent(f -> hit.add(f.cls() + " «" + f.phrase() + "»: " + t));
        }
        assertTrue(hit.isEmpty(), hit.size() + " hits:\n" + String.join("\n", hit));
    }
}
