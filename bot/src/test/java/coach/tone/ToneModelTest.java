package coach.tone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.classify.Calibration;
import coach.classify.Categorizer;
import coach.classify.Corpus;
import coach.classify.Example;
import coach.classify.ModelDefinition;
import coach.kb.ContentSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tone model on the real corpus: it loads, it is reproducible, and its thresholds hold on the held-back part. */
class ToneModelTest {
    static ContentSource source;
    static ToneChecker checker;

    @BeforeAll
    static void load() {
        source = ContentSource.packaged();
        checker = ToneChecker.load(source);
    }

    @Test
    void theCorpusLoadsWithEveryLabelInBothLanguages() {
        Corpus c = ToneModel.corpus(source);
        assertTrue(c.size() > 2000, "corpus size " + c.size());
        assertEquals(ToneModel.LABELS, c.labels());
        for (String file : ToneModel.CORPUS) {
            List<Example> lines = c.examples().stream().filter(e -> e.file().equals(file)).toList();
            assertEquals(ToneModel.LABELS, Set.copyOf(lines.stream().map(Example::label).toList()), file);
        }
    }

    @Test
    void thePackagedModelIsTheOneTheBuildWrote() {
        assertTrue(checker.model().prebuilt(), "the build writes models/tone.bin for the packaged content");
    }

    /** Training is reproducible: twice on the same content gives the same bytes, and the same bytes as the build's file. */
    @Test
    void trainingTwiceGivesTheBuildsModelByteForByte() throws Exception {
        byte[] a = new ToneModel().train(source).bytes();
        byte[] b = new ToneModel().train(source).bytes();
        assertArrayEquals(a, b);
        try (var in = ToneModel.class.getClassLoader().getResourceAsStream("models/tone.bin")) {
            assertArrayEquals(a, in.readAllBytes());
        }
    }

    @Test
    void anEditedCorpusIsTrainedAtStartInsteadOfUsingThePrebuiltModel(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path kb = coach.TestKb.copyTo(dir);
        java.nio.file.Path ru = kb.resolve("tone/ru.tsv");
        java.nio.file.Files.writeString(ru, java.nio.file.Files.readString(ru) + "pressure\tНе продлите аренду склада до среды — вывезем ваши стеллажи на свалку.\n");
        ToneChecker edited = ToneChecker.load(ContentSource.directory(kb));
        assertTrue(!edited.model().prebuilt(), "other content: trained in memory");
        assertEquals(ToneModel.RISKY.size(), edited.thresholds(coach.text.Lang.RU).size());
        assertEquals(ToneModel.RISKY.size(), edited.thresholds(coach.text.Lang.EN).size());
        ContentSource bad = ContentSource.directory(kb);
        java.nio.file.Files.writeString(ru, "ok\tВсё хорошо.\nshouting\tНЕТ!\n");
        coach.kb.ContentException e = org.junit.jupiter.api.Assertions.assertThrows(coach.kb.ContentException.class, () -> ToneChecker.load(bad));
        assertEquals("tone/ru.tsv", e.file());
        assertEquals(2, e.line());
    }

    /** Each language keeps the precision on its own held-back sentences, at its own levels. */
    @Test
    void everyCalibratedCategoryKeepsItsPrecisionOnTheHeldBackPart() {
        Corpus held = ToneModel.split(source).heldOut();
        StringBuilder report = new StringBuilder();
        int calibrated = 0;
        for (coach.text.Lang lang : coach.text.Lang.values()) {
            List<Calibration.Outcome> outcomes = ToneModel.outcomes(checker.model(), held, lang);
            java.util.Map<String, Double> levels = checker.thresholds(lang);
            for (String label : ToneModel.RISKY) {
                double t = levels.get(label);
                Calibration.Quality q = Calibration.quality(outcomes, label, t, ToneModel::flagRight);
                int caught = 0;
                int exact = 0;
                for (Calibration.Outcome o : outcomes) {
                    boolean flagged = o.probability() >= levels.get(o.predicted());
                    caught += flagged && o.gold().equals(label) ? 1 : 0;
                    exact += flagged && o.gold().equals(label) && o.predicted().equals(label) ? 1 : 0;
                }
                report.append(String.format("%s %-12s t=%.3f flagged as it=%3d precision=%.3f | held back %3d: caught %3d, with this category %3d%n",
                        lang.code(), label, t, q.flagged(), q.precision(), q.gold(), caught, exact));
                if (t < Calibration.NEVER) {
                    calibrated++;
                    assertTrue(q.precision() >= ToneModel.PRECISION, lang + " " + label + ": " + q);
                }
            }
        }
        System.out.print(report);
        assertTrue(calibrated >= 8, "most categories get a usable threshold in both languages:\n" + report);
    }

    /**
     * A sentence with no evidence of risk besides its words needs its category's bare level, never below the plain
     * threshold; a version the coach writes is checked at the plain thresholds.
     */
    @Test
    void aSentenceWithoutEvidenceNeedsTheHigherBareLevel() {
        for (coach.text.Lang lang : coach.text.Lang.values()) {
            for (String label : ToneModel.RISKY) {
                double t = checker.thresholds(lang).get(label);
                double b = checker.bareThresholds(lang).get(label);
                assertTrue(b >= t && b >= Math.min(t, ToneModel.BARE_FLOOR), lang + " " + label + ": bare " + b + " below threshold " + t);
            }
        }
        ToneFeatures f = (ToneFeatures) new ToneModel().generators(source).get(0);
        assertTrue(ToneFeatures.evidence(checker.model().features(coach.classify.Doc.of("Сколько можно ждать?!"))));
        assertTrue(ToneFeatures.evidence(checker.model().features(coach.classify.Doc.of("Ты где пропал, чё не отвечаешь"))));
        assertTrue(ToneFeatures.evidence(checker.model().features(coach.classify.Doc.of("Ждите, вам позвонят."))));
        assertTrue(!ToneFeatures.evidence(checker.model().features(coach.classify.Doc.of("Зарплатные ведомости формируются в конце месяца."))));
        assertTrue(!ToneFeatures.evidence(checker.model().features(coach.classify.Doc.of("Пожалуйста, пришлите акт до пятницы."))));
        // the evidence rule only ever removes flags: every flag of check is one of checkVersion
        for (String s : List.of("Вы сами перепутали адрес, вот курьер и не доехал.", "Не надо мне звонить каждый час.", "Курьер приедет завтра.")) {
            var toks = coach.text.TextAnalyzer.analyze(s);
            assertTrue(checker.checkVersion(s, toks).containsAll(checker.check(s, toks)), s);
        }
        assertTrue(f != null);
    }

    /** The cue features that carry irony: a cue among the first words and two cue classes side by side. */
    @Test
    void mockPraiseBesideAReproachGivesItsOwnFeatures() {
        ToneFeatures f = (ToneFeatures) new ToneModel().generators(source).get(0);
        List<String> out = new java.util.ArrayList<>();
        f.features(coach.classify.Doc.of("Ну конечно, отличная идея — опять прислать правки в пятницу вечером."), out);
        assertTrue(out.contains("lead=sarcasm"), out.toString());
        assertTrue(out.contains("cc=polite+reproach"), out.toString());
        List<String> plain = new java.util.ArrayList<>();
        f.features(coach.classify.Doc.of("Макет готов, пришлём его в пятницу."), plain);
        assertTrue(plain.stream().noneMatch(s -> s.startsWith("cc=") || s.startsWith("lead=")), plain.toString());
    }

    /**
     * Sentences written for this test only (none is in the corpus): sarcasm in many domains, and polite
     * sentences that share its words («конечно», «видимо», «спасибо», «отличная идея»). The model must
     * catch most of the first and few of the second; a corpus edit that breaks this shows here.
     */
    @Test
    void unseenSarcasmIsCaughtAndItsPoliteTwinsAreNot() {
        List<String> sarcastic = List.of(
            "Ну конечно, мы же сами должны были догадаться, что вы переехали.",
            "Спасибо, что нашли время ответить, всего через месяц.",
            "Гениально: отправить оригиналы договора обычной почтой за день до срока.",
            "Удивительно, но без подписи акт почему-то не считается подписанным.",
            "Мы, разумеется, в восторге от десятой версии техзадания.",
            "Видимо, слово «срочно» у вас означает «когда-нибудь потом».",
            "Какая трогательная забота — позвонить в десять вечера, чтобы спросить про скидку.",
            "Конечно, починим ваш телефон после купания в море, у нас же волшебная палочка есть.",
            "Ну да, курьер же должен был сам найти вход со двора.",
            "Очень информативно, спасибо: «что-то стучит».",
            "Прекрасно, что вы решили поменять дизайн кухни после того, как мы её собрали.",
            "Отличная идея — проверить сроки визы в аэропорту.",
            "Видимо, напоминания об оплате у вас фильтруются как реклама.",
            "Мы просто обожаем переписывать смету каждое утро.",
            "Ну надо же, документы нашлись, а мы уже думали, их унесли инопланетяне.",
            "Да-да, конечно, вы всё отправили, это наша почта их съела.",
            "Поздравляем, вы первый, кто сумел потерять ключ от сейфа внутри сейфа.",
            "Какое счастье — опять менять дату свадьбы.",
            "Спасибо за понимание, которого мы так и не дождались.",
            "Конечно, мы откроем склад в воскресенье в пять утра, ради вас хоть луну с неба.",
            "Потрясающе, вы прочитали письмо до конца.",
            "Интересно, в этом месяце оплата тоже «почти ушла»?",
            "Мы, конечно, немедленно попросим завод работать в три смены ради вашего одного стула.",
            "Вот это пунктуальность: на встречу всего на час позже.",
            "Замечательная у вас привычка вспоминать про отчёт в пятницу в 18:55.",
            "Наверное, телефон горячей линии у нас тоже для красоты, раз вы пишете директору в соцсети.",
            "Разумеется, врач будет рад выслушать ваш диагноз из интернета.",
            "Какая неожиданность, после самостоятельной прошивки роутер перестал работать.",
            "Ну конечно, это сантехник виноват, что у вас закончилась горячая вода во всём районе.",
            "Восхитительная точность в заявке: «нужна машина, побольше».",
            "Oh sure, we'll deliver on Sunday at dawn, we live for this.",
            "Thanks so much for the update, only three weeks late.",
            "Brilliant, the tenth version of the brief.",
            "Apparently \"urgent\" means \"sometime next quarter\" in your office.",
            "We're delighted to rewrite the estimate every single morning.",
            "What a surprise, the router stopped working after you flashed it yourself.");
        List<String> polite = List.of(
            "Конечно, пришлём оригиналы договора курьером, они будут у вас в четверг.",
            "Спасибо, что так быстро ответили, акт подписан.",
            "Удивительно удачно получилось: склад освободился, и мы отгрузим заказ сегодня.",
            "Видимо, письмо не дошло, отправляю документы ещё раз.",
            "Мы рады, что новая версия технического задания готова, посмотрим её завтра.",
            "Спасибо за подробное описание, мастер возьмёт нужные детали.",
            "Прекрасно, что вы предупредили о переезде, поменяю адрес доставки.",
            "Отличная идея — перенести встречу на утро, так удобнее и нам.",
            "Конечно, можем открыть склад в субботу с 9:00, грузчики будут на месте.",
            "Ну конечно, приезжайте, мы работаем до 21:00.",
            "Да-да, получили, спасибо, оплата прошла.",
            "Поздравляем с покупкой квартиры, документы на регистрацию уже поданы.",
            "Какое счастье, что всё обошлось, — груз цел, повреждений нет.",
            "Спасибо за понимание, новый срок поставки — 14 марта.",
            "Наконец-то запчасть пришла, ремонт закончим завтра.",
            "Интересно, как вам понравился новый интерфейс, — будем рады отзыву.",
            "Мы с удовольствием перепишем смету под ваш бюджет, пришлю её до пятницы.",
            "Разумеется, врач ответит на ваши вопросы на приёме.",
            "Наверное, удобнее прислать документы в одном архиве, — так ничего не потеряется.",
            "Очень рада, что курс понравился вашему сыну.",
            "Замечательно, что отчёт готов раньше срока, спасибо.",
            "Спасибо большое, вы очень помогли с пропуском для водителя.",
            "Мастер будет у вас в 10:00, стоимость выезда — 500 ₽.",
            "Гости могут парковаться у главного входа.",
            "Справка готова, её можно забрать в любой день до 20:00.",
            "Отличный выбор, эта модель есть на складе, доставим в субботу.",
            "Вы правы, в счёте ошибка, исправленный счёт во вложении.",
            "Потрясающий вид на реку из этой квартиры, пришлю ещё фото.",
            "Мы постараемся успеть к пятнице и напишем вам в четверг о ходе работ.",
            "Договор подписан обеими сторонами, копию пришлю сегодня.",
            "Of course, we'll send the originals by courier; they'll be with you on Thursday.",
            "Thanks so much for the quick reply, the act is signed.",
            "Great idea to move the meeting to the morning, that works for us too.",
            "Apparently the email didn't arrive, so I'm resending the documents.",
            "We're delighted the renovation is finished ahead of schedule.",
            "Surprisingly, the warehouse freed up early, so we can ship today.");
        List<String> missed = sarcastic.stream().filter(s -> checker.check(s).isEmpty()).toList();
        List<String> flagged = polite.stream().filter(s -> !checker.check(s).isEmpty()).toList();
        assertTrue(missed.size() * 4 <= sarcastic.size(), "missed " + missed.size() + "/" + sarcastic.size() + ": " + missed);
        assertTrue(flagged.size() * 10 <= polite.size(), "flagged " + flagged.size() + "/" + polite.size() + ": " + flagged);
    }
}
