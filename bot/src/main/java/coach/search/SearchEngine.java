package coach.search;

import coach.kb.ContentException;
import coach.kb.KnowledgeBase;
import coach.kb.Principle;
import coach.kb.Topic;
import coach.text.Lang;
import coach.text.TextAnalyzer;
import coach.text.Token;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.QueryBuilder;

/**
 * Search over the knowledge base: an intent model trained on authored situations ({@link IntentModel})
 * fused with in-memory Lucene ranking; small talk and questions the guide does not answer (the
 * calibrated no-answer threshold, {@link IntentCalibration}) give no hits. User text is never parsed
 * as query syntax: it is analysed and turned into term queries per field with {@link QueryBuilder},
 * so {@code AND (}, {@code *}, quotes and {@code ~} are just characters.
 */
public final class SearchEngine {
    /** Field name → boost. Titles weigh most, then authored keywords, then the guide's example, then its body. */
    private static final Map<String, Float> RU_FIELDS = Map.of(
            "title_ru", 3.0f, "keywords_ru", 1.6f, "example_ru", 1.2f, "body_ru", 1.0f, "topic_ru", 0.6f);
    private static final Map<String, Float> EN_FIELDS = Map.of(
            "title_en", 3.0f, "keywords_en", 1.6f, "summary_en", 1.2f, "topic_en", 0.6f);
    /** At most this many distinct words of a query are used; longer texts are cut, not rejected. */
    static final int MAX_QUERY_WORDS = 24;
    public static final int MAX_HITS = 5;
    /** Non-principle documents (materials) take at most this many places in one result list. */
    static final int MAX_OTHER_KINDS = 2;
    /** Score factor of non-principle documents against principles. */
    static final float OTHER_KIND_WEIGHT = 0.75f;

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Analyzer indexAnalyzer;
    private final CoachAnalyzer ruQuery;
    private final CoachAnalyzer enQuery;
    private final CoachAnalyzer ruSyn;
    private final CoachAnalyzer enSyn;
    /** Per document (by its position in the build order): the Russian body and English summary, split into sentences on first use. */
    private final List<String> ruTexts = new ArrayList<>();
    private final List<String> enTexts = new ArrayList<>();
    private final java.util.concurrent.ConcurrentHashMap<Integer, SentenceIndex> sentenceCache = new java.util.concurrent.ConcurrentHashMap<>();
    /** Per document: stems of the words with which a query asks for it by kind. */
    private final List<Set<String>> requestStems = new ArrayList<>();
    /** Per document: whether it is a principle (the others are materials and later kinds). */
    private final boolean[] principle;
    /** The trained intent model with its calibration, or null when the content has no situations. */
    private final Intent intent;
    private final List<SearchDoc> docs;
    /** Lucene document number → position in {@link #docs}. */
    private final int[] ordOf;

    private SearchEngine(List<SearchDoc> docs, SynonymMap ruSynonyms, SynonymMap enSynonyms, Directory prebuilt, Intent intent) {
        CoachAnalyzer ru = new CoachAnalyzer(Lang.RU);
        CoachAnalyzer en = new CoachAnalyzer(Lang.EN);
        this.indexAnalyzer = indexAnalyzer(ru, en);
        this.ruQuery = ru;
        this.enQuery = en;
        this.ruSyn = ruSynonyms == null ? ru : new CoachAnalyzer(Lang.RU, ruSynonyms);
        this.enSyn = enSynonyms == null ? en : new CoachAnalyzer(Lang.EN, enSynonyms);
        this.intent = intent;
        this.docs = List.copyOf(docs);
        this.principle = new boolean[docs.size()];
        for (int i = 0; i < docs.size(); i++) {
            principle[i] = "principle".equals(docs.get(i).kind());
        }
        for (SearchDoc d : docs) {
            ruTexts.add(nz(d.bodyRu()));
            enTexts.add(nz(d.summaryEn()));
            Set<String> req = new HashSet<>();
            d.requestWords().forEach(w -> req.addAll(TextAnalyzer.stems(w)));
            requestStems.add(req);
        }
        try {
            if (prebuilt != null) {
                this.directory = prebuilt;
            } else {
                this.directory = new ByteBuffersDirectory();
                write(directory, docs, indexAnalyzer);
            }
            this.reader = DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.searcher = new IndexSearcher(reader);
        this.ordOf = new int[reader.maxDoc()];
        try {
            var stored = searcher.storedFields();
            for (int i = 0; i < reader.maxDoc(); i++) {
                ordOf[i] = stored.document(i, Set.of("ord")).getField("ord").numericValue().intValue();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    private static Analyzer indexAnalyzer(CoachAnalyzer ru, CoachAnalyzer en) {
        Map<String, Analyzer> perField = new java.util.HashMap<>();
        RU_FIELDS.keySet().forEach(f -> perField.put(f, ru));
        EN_FIELDS.keySet().forEach(f -> perField.put(f, en));
        return new PerFieldAnalyzerWrapper(ru, perField);
    }

    private static void write(Directory dir, List<SearchDoc> docs, Analyzer analyzer) throws IOException {
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer).setUseCompoundFile(false))) {
            for (int i = 0; i < docs.size(); i++) {
                w.addDocument(toDocument(docs.get(i), i));
            }
            w.commit();
        }
    }

    /**
     * Loads and exercises the query-side code (analysis chains, synonyms, text layer) in a background
     * thread, so a short-lived command (cold start) overlaps that work with reading the knowledge
     * base on the main thread. Safe to call more than once; never fails the caller.
     */
    public static void warmUpInBackground() {
        Thread t = new Thread(() -> {
            try {
                // The analysis chains, the synonym parser and the shared text layer; the index itself
                // usually comes prebuilt, so the indexing code is not warmed here.
                SynonymMap syn = synonyms("претензия => жалоба", new CoachAnalyzer(Lang.RU));
                new QueryBuilder(new CoachAnalyzer(Lang.RU, syn)).createBooleanQuery("f", "клиент жалуется на претензию");
                new QueryBuilder(new CoachAnalyzer(Lang.EN)).createBooleanQuery("f", "client complaint");
                TextAnalyzer.analyze("Клиент жалуется на задержку.");
            } catch (RuntimeException | LinkageError e) {
                // warm-up is an optimisation only
            }
        }, "search-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** Builds the index over the knowledge base's principles plus any extra documents (materials, …). */
    public static SearchEngine build(KnowledgeBase kb, List<SearchDoc> extra) {
        return build(kb, extra, true);
    }

    /** Builds the engine; with {@code usePrebuilt} the index written at build time is used when it matches the content. */
    static SearchEngine build(KnowledgeBase kb, List<SearchDoc> extra, boolean usePrebuilt) {
        return build(kb, extra, usePrebuilt, preload(kb, usePrebuilt));
    }

    /**
     * Starts loading the intent model (situations, model file) on its own thread, so it overlaps
     * whatever the caller does next (loading materials, opening Lucene). Pass the result to
     * {@link #build(KnowledgeBase, List, IntentPreload)}.
     */
    public static IntentPreload preload(KnowledgeBase kb) {
        return preload(kb, true);
    }

    static IntentPreload preload(KnowledgeBase kb, boolean usePrebuilt) {
        java.util.concurrent.CompletableFuture<Intent.Loaded> f = new java.util.concurrent.CompletableFuture<>();
        Thread loader = new Thread(() -> {
            try {
                f.complete(Intent.loadModel(kb, usePrebuilt));
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, "search-intent-load");
        loader.setDaemon(true);
        loader.start();
        return new IntentPreload(f);
    }

    /** The intent model being loaded (see {@link #preload}). */
    public static final class IntentPreload {
        private final java.util.concurrent.CompletableFuture<Intent.Loaded> future;

        private IntentPreload(java.util.concurrent.CompletableFuture<Intent.Loaded> future) {
            this.future = future;
        }

        Intent.Loaded join() {
            try {
                return future.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw e;
            }
        }
    }

    public static SearchEngine build(KnowledgeBase kb, List<SearchDoc> extra, IntentPreload intent) {
        return build(kb, extra, true, intent);
    }

    private static SearchEngine build(KnowledgeBase kb, List<SearchDoc> extra, boolean usePrebuilt, IntentPreload intent) {
        List<SearchDoc> docs = documents(kb, extra);
        String synText = kb.source().exists(KnowledgeBase.SYNONYMS) ? kb.source().read(KnowledgeBase.SYNONYMS) : "";
        // One synonym map serves both chains: stems follow each word's script, so entries analyse the same.
        SynonymMap map = synonyms(synText, new CoachAnalyzer(Lang.RU));
        Directory prebuilt = usePrebuilt ? PrebuiltIndex.load(fingerprint(docs)) : null;
        return new SearchEngine(docs, map, map, prebuilt, Intent.of(intent.join(), docs));
    }

    /** The engine without the intent model: Lucene ranking only (calibration compares against it). */
    static SearchEngine lexicalOnly(KnowledgeBase kb, List<SearchDoc> extra) {
        List<SearchDoc> docs = documents(kb, extra);
        String synText = kb.source().exists(KnowledgeBase.SYNONYMS) ? kb.source().read(KnowledgeBase.SYNONYMS) : "";
        SynonymMap map = synonyms(synText, new CoachAnalyzer(Lang.RU));
        return new SearchEngine(docs, map, map, null, null);
    }

    static List<SearchDoc> documents(KnowledgeBase kb, List<SearchDoc> extra) {
        List<SearchDoc> docs = new ArrayList<>();
        for (Topic t : kb.topics()) {
            for (Principle p : t.principles()) {
                docs.add(new SearchDoc("principle", p.id(), p.titleRu(), p.titleEn(), t.id(), t.titleRu(), t.titleEn(),
                        p.explanation(), p.example(), p.summaryEn(), p.keywordsRu(), p.keywordsEn()));
            }
        }
        docs.addAll(extra);
        return docs;
    }

    /** Identifies indexed content: a prebuilt index is used only for exactly these documents. */
    static String fingerprint(List<SearchDoc> docs) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        byte[] bytes = docs.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        crc.update(bytes);
        return Long.toHexString(crc.getValue()) + "-" + bytes.length;
    }

    /**
     * Writes the index for this content into {@code dir} with its fingerprint, at build time, so a
     * cold start opens it instead of indexing (see {@link PrebuiltIndex}).
     */
    public static void writePrebuilt(java.nio.file.Path dir, KnowledgeBase kb, List<SearchDoc> extra) throws IOException {
        List<SearchDoc> docs = documents(kb, extra);
        PrebuiltIndex.write(dir, fingerprint(docs), d -> write(d, docs,
                indexAnalyzer(new CoachAnalyzer(Lang.RU), new CoachAnalyzer(Lang.EN))));
    }

    public static SearchEngine build(KnowledgeBase kb) {
        return build(kb, List.of());
    }

    private static SynonymMap synonyms(String text, Analyzer analyzer) {
        try {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, analyzer);
            parser.parse(new StringReader(text));
            return parser.build();
        } catch (ParseException e) {
            throw new ContentException(KnowledgeBase.SYNONYMS, e.getErrorOffset(), "malformed synonym rule: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ContentException(KnowledgeBase.SYNONYMS, 0, "malformed synonym rule: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document toDocument(SearchDoc d, int ord) {
        Document doc = new Document();
        doc.add(new StoredField("ord", ord));
        doc.add(new StringField("kind", d.kind(), Field.Store.YES));
        doc.add(new StringField("id", d.id(), Field.Store.YES));
        doc.add(new StoredField("title", d.titleRu()));
        doc.add(new StoredField("title_en_stored", nz(d.titleEn())));
        doc.add(new StoredField("topic_id", nz(d.topicId())));
        doc.add(new StoredField("topic", nz(d.topicRu())));
        doc.add(new StoredField("topic_en_stored", nz(d.topicEn())));
        doc.add(new TextField("title_ru", d.titleRu(), Field.Store.NO));
        doc.add(new TextField("title_en", nz(d.titleEn()), Field.Store.NO));
        doc.add(new TextField("topic_ru", nz(d.topicRu()), Field.Store.NO));
        doc.add(new TextField("topic_en", nz(d.topicEn()), Field.Store.NO));
        doc.add(new TextField("body_ru", nz(d.bodyRu()), Field.Store.NO));
        doc.add(new TextField("example_ru", nz(d.exampleRu()), Field.Store.NO));
        doc.add(new TextField("summary_en", nz(d.summaryEn()), Field.Store.NO));
        doc.add(new TextField("keywords_ru", String.join(" ; ", d.keywordsRu()), Field.Store.NO));
        doc.add(new TextField("keywords_en", String.join(" ; ", d.keywordsEn()), Field.Store.NO));
        return doc;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /**
     * Searches the knowledge base. Never throws on user text: empty, huge, control characters, emoji
     * and query syntax all give an ordinary (possibly empty) result. Small talk and questions the
     * guide does not answer (the intent model's calibrated confidence) give no hits.
     */
    public List<Hit> search(String userText, int max) {
        String text = sanitize(userText);
        if (text.isEmpty()) {
            return List.of();
        }
        double[] probs = intent == null ? null : intent.model().probabilities(text);
        if (intent != null && intent.isSmallTalk(userText, probs)) {
            return List.of();
        }
        Lexical lex = lexical(text);
        if (intent != null && intent.noAnswer(probs, max(lex.scores()))) {
            return List.of();
        }
        Lang lang = Lang.detect(text);
        double[] fused = intent == null ? toDouble(lex.scores()) : fuse(intent.answerProbabilities(probs), lex.scores(), intent.calibration().luceneWeight());
        int want = Math.max(1, Math.min(max, 50));
        List<Integer> picked = pick(fused, lex.scores(), want);
        if (picked.isEmpty()) {
            return List.of();
        }
        Set<String> stems = new HashSet<>();
        if (lex.query() != null) {
            Set<Term> terms = new HashSet<>();
            lex.query().visit(QueryVisitor.termCollector(terms));
            String suffix = lang == Lang.EN ? "_en" : "_ru";
            terms.stream().filter(t -> t.field().endsWith(suffix)).forEach(t -> stems.add(t.text()));
        }
        List<Hit> hits = new ArrayList<>();
        for (int ord : picked) {
            SearchDoc d = docs.get(ord);
            Snippet snippet = sentences(ord, lang).best(stems);
            if (snippet.text().isEmpty()) {
                snippet = sentences(ord, Lang.RU).best(stems);
            }
            hits.add(new Hit(d.kind(), d.id(), d.titleRu(), nz(d.titleEn()), nz(d.topicId()), nz(d.topicRu()), nz(d.topicEn()),
                    Math.round(fused[ord] * 1000.0) / 1000.0, snippet));
        }
        return hits;
    }

    /** Whether the text is small talk or a question about the bot itself («привет», «что ты умеешь»), not a question to the guide. */
    public boolean isSmallTalk(String userText) {
        if (intent == null) {
            return false;
        }
        String text = sanitize(userText);
        return !text.isEmpty() && intent.isSmallTalk(userText, intent.model().probabilities(text));
    }

    /** Lucene scores by document position (0 where the query does not match), materials discounted as before. */
    record Lexical(float[] scores, Query query) {
    }

    Lexical lexical(String text) {
        float[] scores = new float[docs.size()];
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        boolean any = false;
        any |= addFields(q, RU_FIELDS, ruQuery, ruSyn, text);
        any |= addFields(q, EN_FIELDS, enQuery, enSyn, text);
        if (!any) {
            return new Lexical(scores, null);
        }
        Query query = q.build();
        try {
            // Principles are the guide's answers; other kinds (materials) rank a little lower unless
            // they match clearly better (asking for a template names it).
            Set<String> queryStems = new HashSet<>(TextAnalyzer.stems(text));
            TopDocs all = searcher.search(query, Math.max(1, docs.size()));
            for (ScoreDoc sd : all.scoreDocs) {
                int ord = ordOf[sd.doc];
                boolean asked = requestStems.get(ord).stream().anyMatch(queryStems::contains);
                scores[ord] = principle[ord] || asked ? sd.score : sd.score * OTHER_KIND_WEIGHT;
            }
            return new Lexical(scores, query);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The fused score: the intent model's probability of the document (among answerable outcomes)
     * plus {@code weight} times its Lucene score relative to the best Lucene score of the query.
     */
    static double[] fuse(double[] answerProbs, float[] lexical, double weight) {
        float top = 0;
        for (float f : lexical) {
            top = Math.max(top, f);
        }
        double[] out = new double[lexical.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = answerProbs[i] + (top > 0 ? weight * lexical[i] / top : 0);
        }
        return out;
    }

    static float max(float[] f) {
        float m = 0;
        for (float x : f) {
            m = Math.max(m, x);
        }
        return m;
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    /** Document positions best first: only those Lucene matched or the model finds plausible; materials take at most {@value #MAX_OTHER_KINDS} places. */
    private List<Integer> pick(double[] fused, float[] lexical, int want) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < fused.length; i++) {
            if (lexical[i] > 0 || (intent != null && fused[i] >= Intent.MIN_PROBABILITY)) {
                order.add(i);
            }
        }
        order.sort((a, b) -> fused[b] != fused[a] ? Double.compare(fused[b], fused[a]) : Integer.compare(a, b));
        List<Integer> picked = new ArrayList<>();
        int others = 0;
        for (int ord : order) {
            if (!principle[ord] && others >= MAX_OTHER_KINDS) {
                continue;
            }
            others += principle[ord] ? 0 : 1;
            picked.add(ord);
            if (picked.size() == want) {
                break;
            }
        }
        return picked;
    }

    /** Document ids in index order (principles first, as the guide lists them, then the extra documents). */
    List<String> docIds() {
        return docs.stream().map(SearchDoc::id).toList();
    }

    boolean isPrinciple(int ord) {
        return principle[ord];
    }

    public List<Hit> search(String userText) {
        return search(userText, MAX_HITS);
    }

    private static boolean addFields(BooleanQuery.Builder q, Map<String, Float> fields, Analyzer plain, Analyzer syn, String text) {
        boolean any = false;
        QueryBuilder plainBuilder = new QueryBuilder(plain);
        QueryBuilder synBuilder = new QueryBuilder(syn);
        for (Map.Entry<String, Float> f : fields.entrySet()) {
            Query a = plainBuilder.createBooleanQuery(f.getKey(), text, BooleanClause.Occur.SHOULD);
            Query b = synBuilder.createBooleanQuery(f.getKey(), text, BooleanClause.Occur.SHOULD);
            if (a != null) {
                q.add(new BoostQuery(a, f.getValue()), BooleanClause.Occur.SHOULD);
                any = true;
            }
            if (b != null && !b.equals(a)) {
                q.add(new BoostQuery(b, f.getValue() * 0.8f), BooleanClause.Occur.SHOULD);
                any = true;
            }
        }
        return any;
    }

    private SentenceIndex sentences(int ord, Lang lang) {
        int key = ord * 2 + (lang == Lang.EN ? 1 : 0);
        return sentenceCache.computeIfAbsent(key, k -> SentenceIndex.of(lang == Lang.EN ? enTexts.get(ord) : ruTexts.get(ord)));
    }

    /** Keeps the first {@value #MAX_QUERY_WORDS} distinct words and numbers of the text; everything else is dropped. */
    static String sanitize(String userText) {
        if (userText == null) {
            return "";
        }
        String head = userText.length() > 4000 ? userText.substring(0, 4000) : userText;
        Set<String> words = new LinkedHashSet<>();
        for (Token t : TextAnalyzer.analyze(head)) {
            if (t.kind() != Token.Kind.PUNCT) {
                words.add(t.text());
                if (words.size() >= MAX_QUERY_WORDS) {
                    break;
                }
            }
        }
        return String.join(" ", words);
    }
}
